namespace TalentPass.Modules.Subsidies.Persistence;

/// <summary>A payment schedule created from an approved subsidy decision (one per application and matter).</summary>
internal sealed class ScheduleRow
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public string MatterCode { get; set; } = "";

    public int MatterVersion { get; set; }

    public Guid TalentId { get; set; }

    /// <summary>Amount of each payment in fen.</summary>
    public long AmountFen { get; set; }

    /// <summary>Number of payments approved (e.g. 36 monthly payments).</summary>
    public int Payments { get; set; }

    /// <summary>Payments placed in a batch (draft or confirmed).</summary>
    public int Scheduled { get; set; }

    /// <summary>Payments in confirmed batches (paid by the bank).</summary>
    public int Paid { get; set; }

    /// <summary>First day of the first month a payment may fall in (the month of the decision).</summary>
    public DateOnly FirstMonth { get; set; }

    public DateOnly DecidedOn { get; set; }

    /// <summary>active | paused | stopped | completed (<see cref="Domain.ScheduleStatus"/>).</summary>
    public string Status { get; set; } = "";

    /// <summary>Why it is paused or stopped (<see cref="Domain.StopReasons"/>).</summary>
    public string? StatusReason { get; set; }

    /// <summary>Evidence of the reason, e.g. <c>datasharing:answer:{id}</c> or <c>talents:status:suspended</c>.</summary>
    public string? StatusEvidence { get; set; }

    public DateTimeOffset? StatusChangedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>One payment of a schedule in a monthly batch (at most one per schedule and month).</summary>
internal sealed class PaymentRow
{
    public Guid Id { get; set; }

    public Guid ScheduleId { get; set; }

    public Guid BatchId { get; set; }

    public Guid TalentId { get; set; }

    public DateOnly Month { get; set; }

    /// <summary>Which payment of the schedule this is (1-based).</summary>
    public int Sequence { get; set; }

    public long AmountFen { get; set; }

    /// <summary>pending | paid.</summary>
    public string Status { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PaidAt { get; set; }
}

/// <summary>A monthly payment batch for the paying bank.</summary>
internal sealed class BatchRow
{
    public Guid Id { get; set; }

    /// <summary>First day of the month paid.</summary>
    public DateOnly Month { get; set; }

    /// <summary>draft | confirmed.</summary>
    public string Status { get; set; } = "";

    public int PaymentCount { get; set; }

    public long TotalFen { get; set; }

    public int HeldCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? CreatedBy { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public Guid? ConfirmedBy { get; set; }

    public string? BankReference { get; set; }

    public int Version { get; set; }
}

/// <summary>A schedule checked for a batch and not paid in it, with the reason and evidence.</summary>
internal sealed class HoldRow
{
    public Guid Id { get; set; }

    public Guid BatchId { get; set; }

    public Guid ScheduleId { get; set; }

    public Guid TalentId { get; set; }

    public string Reason { get; set; } = "";

    public Guid? AnswerId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The history of a schedule: created, paused, stopped, resumed, completed — with reason and evidence.</summary>
internal sealed class ScheduleEventRow
{
    public Guid Id { get; set; }

    public Guid ScheduleId { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public string Kind { get; set; } = "";

    public string? Reason { get; set; }

    public string? Evidence { get; set; }

    public Guid? ActorAccountId { get; set; }
}

/// <summary>How far a durable feed has been consumed (the Services decision feed).</summary>
internal sealed class FeedCursorRow
{
    public string Id { get; set; } = "";

    public long Position { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
