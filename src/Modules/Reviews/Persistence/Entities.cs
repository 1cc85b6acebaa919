namespace TalentPass.Modules.Reviews.Persistence;

/// <summary>A review campaign (<c>reviews_campaigns</c>): its scope, due date and launch progress.</summary>
internal sealed class CampaignRow
{
    public Guid Id { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>Comma-separated level codes (empty for a targeted campaign).</summary>
    public string Levels { get; set; } = string.Empty;

    /// <summary>Comma-separated category codes; empty = every category.</summary>
    public string Categories { get; set; } = string.Empty;

    /// <summary>True when the campaign names its talents (<c>talentIds</c>) instead of levels.</summary>
    public bool Targeted { get; set; }

    public bool AutomaticReverification { get; set; }

    public int? ResponseWorkingDays { get; set; }

    public DateOnly LaunchedOn { get; set; }

    public DateOnly DueOn { get; set; }

    public string Status { get; set; } = string.Empty;

    /// <summary>The last talent id read from the registry (keyset cursor of the launch).</summary>
    public Guid? Cursor { get; set; }

    /// <summary>Talents in scope when the campaign was launched (the progress bar's 100 %).</summary>
    public int InScope { get; set; }

    public int Created { get; set; }

    public int Skipped { get; set; }

    public Guid? LaunchedBy { get; set; }

    public DateTimeOffset LaunchedAt { get; set; }

    public DateTimeOffset? PopulatedAt { get; set; }

    /// <summary>A node working on the launch holds the campaign until then (multi-node safety).</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>One talent's review in a campaign (<c>reviews_reviews</c>).</summary>
internal sealed class ReviewRow
{
    public Guid Id { get; set; }

    public Guid CampaignId { get; set; }

    public Guid TalentId { get; set; }

    public Guid? TalentAccountId { get; set; }

    public string MaskedName { get; set; } = string.Empty;

    public string Level { get; set; } = string.Empty;

    public string Category { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public DateOnly DueOn { get; set; }

    public string Reverification { get; set; } = string.Empty;

    /// <summary>The data-sharing answer the re-verification relied on (evidence).</summary>
    public Guid? ReverificationAnswerId { get; set; }

    public DateTimeOffset? ReverifiedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public Guid? CompletedBy { get; set; }

    /// <summary>What the talent said changed (status <c>updated</c>).</summary>
    public string? TalentNote { get; set; }

    public string? ClerkNote { get; set; }

    public DateTimeOffset? NotifiedAt { get; set; }

    public DateTimeOffset? RemindedAt { get; set; }

    public DateTimeOffset? OverdueNotifiedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}
