namespace TalentPass.Modules.Policies.Features.Manage;

/// <param name="Status">The stored approval state (draft, proposed, reviewed, approved).</param>
/// <param name="Effective">For approved versions: in_force, scheduled, expired or superseded today; otherwise the stored state.</param>
/// <param name="ExpiresInDays">Days until the last valid day for versions in force or scheduled that no successor replaces; null otherwise.</param>
internal sealed record PolicySummary(
    Guid Id,
    string Kind,
    string Label,
    string TitleZh,
    string TitleEn,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    string Status,
    string Effective,
    bool IsDemo,
    int? ExpiresInDays);

internal sealed record PolicyStepView(string Step, string ActorName, DateTimeOffset At, string? MinutesDigest, string? Note);

internal sealed record PolicyLink(Guid Id, string Label, string Status);

internal sealed record PolicyView(
    Guid Id,
    string Kind,
    string Label,
    string TitleZh,
    string TitleEn,
    string? Summary,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    string DocumentDigest,
    string Status,
    string Effective,
    bool IsDemo,
    int? ExpiresInDays,
    PolicyLink? Supersedes,
    IReadOnlyList<PolicyLink> SupersededBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ApprovedAt,
    long? LedgerIndex,
    IReadOnlyList<PolicyStepView> Trail);

/// <summary>A draft's content; on edit, what is left out stays as it is.</summary>
internal record UpdatePolicyRequest
{
    public string? TitleZh { get; init; }

    public string? TitleEn { get; init; }

    public string? Summary { get; init; }

    /// <summary>First valid day (new draft default: today).</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>Last valid day (default: two years after <see cref="ValidFrom"/>, minus one day).</summary>
    public DateOnly? ValidTo { get; init; }

    /// <summary><c>sha256:&lt;64 hex&gt;</c> of the policy document; or give <see cref="DocumentText"/> and it is computed.</summary>
    public string? DocumentDigest { get; init; }

    public string? DocumentText { get; init; }
}

internal sealed record CreatePolicyRequest : UpdatePolicyRequest
{
    public string? Kind { get; init; }

    public string? Label { get; init; }

    /// <summary>The approved version of the same kind this one replaces once approved and in effect.</summary>
    public Guid? SupersedesId { get; init; }
}

/// <summary>A step of the trail: the minutes (joint meeting) or decision (leading group) as digest or text, and a note.</summary>
internal sealed record PolicyStepRequest
{
    public string? MinutesDigest { get; init; }

    public string? MinutesText { get; init; }

    public string? Note { get; init; }
}
