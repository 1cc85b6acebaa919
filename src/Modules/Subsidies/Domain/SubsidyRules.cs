using System.Globalization;
using TalentPass.Modules.Subsidies.Persistence;

namespace TalentPass.Modules.Subsidies.Domain;

internal static class ScheduleStatus
{
    public const string Active = "active";
    public const string Paused = "paused";
    public const string Stopped = "stopped";
    public const string Completed = "completed";

    public static IReadOnlyList<string> All { get; } = [Active, Paused, Stopped, Completed];
}

/// <summary>Why a schedule is paused or stopped, or why a batch did not pay it this month.</summary>
internal static class Reasons
{
    /// <summary>The talent is suspended: paused, resumed on reinstatement.</summary>
    public const string TalentSuspended = "talent_suspended";

    /// <summary>The talent's recognition was terminated: stopped.</summary>
    public const string TalentTerminated = "talent_terminated";

    /// <summary>Social insurance says the talent no longer contributes in the area: stopped.</summary>
    public const string LeftArea = "left_area";

    /// <summary>The talent office decided (stop or resume by hand).</summary>
    public const string OfficeDecision = "office_decision";

    /// <summary>Hold only: social insurance has no record — a clerk checks; asked again next month.</summary>
    public const string DataNotFound = "data_not_found";

    /// <summary>Hold only: social insurance was unavailable or answered garbage — asked again next month.</summary>
    public const string DataUnavailable = "data_unavailable";
}

internal static class BatchStatus
{
    public const string Draft = "draft";
    public const string Confirmed = "confirmed";
}

internal static class PaymentStatus
{
    public const string Pending = "pending";
    public const string Paid = "paid";
}

/// <summary>Months are kept as the date of their first day and written <c>yyyy-MM</c>.</summary>
internal static class Months
{
    public static DateOnly Of(DateOnly day) => new(day.Year, day.Month, 1);

    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Parses <c>yyyy-MM</c> for years 2000–2999.</summary>
    public static DateOnly? Parse(string? text) =>
        text is { Length: 7 }
        && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
        && month.Year is >= 2000 and <= 2999
            ? month
            : null;
}

/// <summary>State changes of a schedule, each written to its history with reason and evidence.</summary>
internal static class ScheduleTransitions
{
    public static ScheduleEventRow Change(ScheduleRow schedule, string status, string? reason, string? evidence, DateTimeOffset now, Guid? actor)
    {
        var kind = status switch
        {
            ScheduleStatus.Active => "resumed",
            ScheduleStatus.Paused => "paused",
            ScheduleStatus.Stopped => "stopped",
            _ => "completed",
        };
        schedule.Status = status;
        schedule.StatusReason = status == ScheduleStatus.Active ? null : reason;
        schedule.StatusEvidence = status == ScheduleStatus.Active ? null : evidence;
        schedule.StatusChangedAt = now;
        schedule.UpdatedAt = now;
        schedule.Version++;
        return Event(schedule.Id, kind, reason, evidence, now, actor);
    }

    public static ScheduleEventRow Event(Guid scheduleId, string kind, string? reason, string? evidence, DateTimeOffset now, Guid? actor) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            ScheduleId = scheduleId,
            OccurredAt = now,
            Kind = kind,
            Reason = reason,
            Evidence = evidence,
            ActorAccountId = actor,
        };
}
