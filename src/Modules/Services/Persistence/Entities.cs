namespace TalentPass.Modules.Services.Persistence;

internal sealed class ThemeRow
{
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public int Position { get; set; }
}

internal sealed class CategoryRow
{
    public required string Code { get; set; }
    public required string ThemeCode { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public int Position { get; set; }
}

internal sealed class MatterRow
{
    public required string Code { get; set; }
    public required string CategoryCode { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public required string DescriptionZh { get; set; }
    public required string DescriptionEn { get; set; }
    public bool FirstBatch { get; set; }
    public bool IsDemo { get; set; }
    public bool IsOnline { get; set; }
    public int CurrentVersion { get; set; }
    public int Position { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class MatterVersionRow
{
    public required string MatterCode { get; set; }
    public int Number { get; set; }
    public required string Definition { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public Guid? PublishedBy { get; set; }
    public string? Note { get; set; }
}

/// <summary>One submission (一次申请): one or more matters (<see cref="ItemRow"/>) applied for together.</summary>
internal sealed class ApplicationRow
{
    public Guid Id { get; set; }
    public required string Reference { get; set; }
    public Guid TalentId { get; set; }
    public required string Channel { get; set; }
    public Guid? SubmittedBy { get; set; }
    public Guid? WindowOrganisationId { get; set; }
    public DateTimeOffset? IdentityCheckedAt { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateOnly AcceptedOn { get; set; }
}

/// <summary>One matter of an application, with its deadline, decision and delivery.</summary>
internal sealed class ItemRow
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public required string Reference { get; set; }
    public Guid TalentId { get; set; }
    public Guid? TalentAccountId { get; set; }
    public required string TalentMaskedName { get; set; }
    public required string MatterCode { get; set; }
    public int MatterVersion { get; set; }
    public required string Status { get; set; }
    public DateOnly AcceptedOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public string? DueProblem { get; set; }
    public DateOnly? PausedSince { get; set; }
    public int PausedWorkingDays { get; set; }
    public string? SupplementRequest { get; set; }
    public string? Outcome { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public bool AutoDecided { get; set; }
    public string? RuleVersion { get; set; }
    public string? Evidence { get; set; }
    public string? ExplanationZh { get; set; }
    public string? ExplanationEn { get; set; }
    public string? ClerkReasonZh { get; set; }
    public string? ClerkReasonEn { get; set; }
    public string? Prefill { get; set; }
    public string? Materials { get; set; }
    public long? AmountFen { get; set; }
    public int? Payments { get; set; }
    public required string Delivery { get; set; }
    public string? TrackingNumber { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? WarnedAt { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A department's step of one item: the queue row (indexed by department, status, due date).</summary>
internal sealed class StepRow
{
    public Guid Id { get; set; }
    public Guid ItemId { get; set; }
    public Guid ApplicationId { get; set; }
    public required string Reference { get; set; }
    public required string MatterCode { get; set; }
    public required string TalentMaskedName { get; set; }
    public Guid DepartmentId { get; set; }
    public int Stage { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public bool RequiresSecond { get; set; }
    public required string Status { get; set; }
    public DateOnly? DueOn { get; set; }
    public bool Paused { get; set; }
    public bool Escalated { get; set; }
    public Guid? FirstBy { get; set; }
    public DateTimeOffset? FirstAt { get; set; }
    public Guid? SecondBy { get; set; }
    public DateTimeOffset? SecondAt { get; set; }
    public string? Reason { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class HistoryRow
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public Guid? ItemId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ActorAccountId { get; set; }
    public required string ActorKind { get; set; }
    public required string Action { get; set; }
    public required string TextZh { get; set; }
    public required string TextEn { get; set; }
}

/// <summary>The durable, commit-ordered list of decisions (for <c>IServiceDecisionFeed</c> and redelivery to handlers).</summary>
internal sealed class DecisionRow
{
    public long Sequence { get; set; }
    public Guid ItemId { get; set; }
    public Guid ApplicationId { get; set; }
    public Guid TalentId { get; set; }
    public required string MatterCode { get; set; }
    public int MatterVersion { get; set; }
    public required string Outcome { get; set; }
    public long? AmountFen { get; set; }
    public int? Payments { get; set; }
    public DateOnly DecidedOn { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }
}

internal static class ItemStatus
{
    public const string InReview = "in_review";
    public const string Supplement = "supplement";
    public const string Approved = "approved";
    public const string Refused = "refused";
    public const string Withdrawn = "withdrawn";

    public static readonly string[] Open = [InReview, Supplement];

    public static readonly string[] All = [InReview, Supplement, Approved, Refused, Withdrawn];
}

internal static class StepStatus
{
    public const string Waiting = "waiting";
    public const string Open = "open";
    public const string Second = "second";
    public const string Approved = "approved";
    public const string Refused = "refused";
    public const string Cancelled = "cancelled";

    /// <summary>Steps that are in a department's queue.</summary>
    public static readonly string[] Queued = [Open, Second];
}

internal static class Channels
{
    public const string Online = "online";
    public const string OneClick = "one_click";
    public const string Window = "window";
}
