namespace TalentPass.Modules.Policies.Persistence;

/// <summary>
/// One policy version. Content columns never change once <see cref="Status"/> is <c>approved</c> (the approval is
/// final); a change is a new version that names the one it supersedes.
/// </summary>
internal sealed class PolicyRow
{
    public Guid Id { get; set; }

    /// <summary>One of <see cref="Domain.PolicyKinds.All"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The version label other modules store with their data, e.g. <c>youth-living-2026.1</c>. Unique.</summary>
    public string Label { get; set; } = "";

    public string TitleZh { get; set; } = "";

    public string TitleEn { get; set; } = "";

    public string? Summary { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly ValidTo { get; set; }

    /// <summary><c>sha256:&lt;hex&gt;</c> of the policy document (kept elsewhere).</summary>
    public string DocumentDigest { get; set; } = "";

    /// <summary>One of <see cref="Domain.PolicyStatus"/>.</summary>
    public string Status { get; set; } = "";

    public Guid? SupersedesId { get; set; }

    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? CreatedBy { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public long? LedgerIndex { get; set; }

    public int Version { get; set; }
}

/// <summary>One step of a version's approval trail (append-only).</summary>
internal sealed class StepRow
{
    public Guid Id { get; set; }

    public Guid PolicyId { get; set; }

    /// <summary>drafted, proposed, reviewed (joint meeting) or approved (leading group).</summary>
    public string Step { get; set; } = "";

    public Guid? ActorAccountId { get; set; }

    public string ActorName { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary><c>sha256:&lt;hex&gt;</c> of the minutes or decision document of this step.</summary>
    public string? MinutesDigest { get; set; }

    public string? Note { get; set; }
}

/// <summary>An expiry warning sent for a version (at most one per version).</summary>
internal sealed class ExpiryWarningRow
{
    public Guid PolicyId { get; set; }

    public DateTimeOffset WarnedAt { get; set; }
}
