namespace TalentPass.Modules.Contribution.Domain;

/// <summary>The feed cursor: the last <c>IRedemptionFeed</c> sequence projected (one row, id 1).</summary>
internal sealed class FeedCursorRow
{
    public int Id { get; set; }

    public long LastSequence { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One redemption as projected from the feed (no talent id: reports and contribution value are aggregates).
/// <see cref="ThirdParty"/>: given at a third-party institution (an organisation registered in Partners), so it counts
/// towards that institution's contribution value. A reversal sets <see cref="Reversed"/>.
/// </summary>
internal sealed class RedemptionRow
{
    public Guid RedemptionId { get; set; }

    public long Sequence { get; set; }

    public Guid RightId { get; set; }

    public string RightCode { get; set; } = string.Empty;

    public string RightKind { get; set; } = string.Empty;

    public Guid ProviderOrganisationId { get; set; }

    public Guid ServicePointOrganisationId { get; set; }

    public string Level { get; set; } = string.Empty;

    public string Category { get; set; } = string.Empty;

    public string Beneficiary { get; set; } = string.Empty;

    public string? PoolCode { get; set; }

    public long DiscountFen { get; set; }

    public bool Offline { get; set; }

    public bool ThirdParty { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateOnly BusinessDay { get; set; }

    /// <summary><c>yyyy-MM</c> of <see cref="BusinessDay"/> (grouping by month in SQL on both providers).</summary>
    public string Month { get; set; } = string.Empty;

    public bool Reversed { get; set; }

    public DateTimeOffset? ReversedAt { get; set; }
}

/// <summary>A reward decision of the talent office for an institution's contribution, with its ledger evidence.</summary>
internal sealed class RewardRow
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public DateOnly PeriodFrom { get; set; }

    public DateOnly PeriodTo { get; set; }

    public int Redemptions { get; set; }

    public long DiscountFen { get; set; }

    public long PointsMilli { get; set; }

    public string FormulaVersions { get; set; } = string.Empty;

    public string Decision { get; set; } = string.Empty;

    public string DocumentDigest { get; set; } = string.Empty;

    public long? LedgerIndex { get; set; }

    public Guid DecidedBy { get; set; }

    public DateTimeOffset DecidedAt { get; set; }
}
