namespace TalentPass.Modules.Redemptions.Domain;

/// <summary>Statuses of a redemption row.</summary>
internal static class RedemptionStatuses
{
    /// <summary>Given and counted against the quotas.</summary>
    public const string Redeemed = "redeemed";

    /// <summary>Reversed within the window: the quotas got their units back.</summary>
    public const string Reversed = "reversed";

    /// <summary>An offline redemption that could not be honoured (see docs/redemptions.md): stored, flagged, not counted.</summary>
    public const string Conflict = "conflict";
}

/// <summary>How the talent was identified.</summary>
internal static class RedemptionSources
{
    public const string DynamicCode = "code_dynamic";
    public const string StaticCode = "code_static";
    public const string Card = "card";
}

/// <summary>
/// One redemption of a right for a talent (or a covered family member) at a service point or partner. The right's
/// names, kind, provider and value are copied at redemption time (the catalogue may change later); the counters it
/// took are kept in <see cref="Counters"/> so a reversal returns exactly those units.
/// </summary>
internal sealed class Redemption
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid? AccountId { get; set; }

    public string IdempotencyKey { get; set; } = string.Empty;

    public string RequestHash { get; set; } = string.Empty;

    public Guid RightId { get; set; }

    public string RightCode { get; set; } = string.Empty;

    public string RightKind { get; set; } = string.Empty;

    public string RightNameZh { get; set; } = string.Empty;

    public string RightNameEn { get; set; } = string.Empty;

    public long RightRevision { get; set; }

    public Guid ProviderOrganisationId { get; set; }

    public Guid TalentId { get; set; }

    public string MaskedName { get; set; } = string.Empty;

    public string Level { get; set; } = string.Empty;

    public string Category { get; set; } = string.Empty;

    public string Beneficiary { get; set; } = string.Empty;

    public Guid? FamilyMemberId { get; set; }

    public string? PoolCode { get; set; }

    public long ValueFen { get; set; }

    public string Source { get; set; } = string.Empty;

    public bool Offline { get; set; }

    public string? DeviceId { get; set; }

    public string? LocalId { get; set; }

    public string Status { get; set; } = RedemptionStatuses.Redeemed;

    public string? ConflictCode { get; set; }

    public bool OverQuota { get; set; }

    public string Counters { get; set; } = string.Empty;

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public DateTimeOffset ReversibleUntil { get; set; }

    public DateTimeOffset? ReversedAt { get; set; }

    public Guid? ReversedBy { get; set; }

    public string? ReversalReason { get; set; }
}
