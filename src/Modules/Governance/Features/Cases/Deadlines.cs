using TalentPass.Modules.Calendar.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Governance.Features.Cases;

/// <summary>Periods in working days (official calendar) turned into instants: the end of the last working day, Asia/Shanghai.</summary>
internal sealed class Deadlines(IWorkingDayCalendar calendar)
{
    /// <summary>0 days: <paramref name="from"/> itself (no period); otherwise the end of the N-th working day after it.</summary>
    public async Task<Result<DateTimeOffset>> EndAfterWorkingDaysAsync(DateTimeOffset from, int workingDays, CancellationToken ct)
    {
        if (workingDays <= 0)
        {
            return from;
        }

        var day = DateOnly.FromDateTime(BusinessTime.ToBusiness(from).DateTime);
        var due = await calendar.AddWorkingDaysAsync(day, workingDays, ct);
        if (!due.IsSuccess)
        {
            return due.Error;
        }

        var nextMidnight = due.Value.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(nextMidnight, BusinessTime.Zone.GetUtcOffset(nextMidnight)).ToUniversalTime();
    }

    /// <summary>The business day an end instant belongs to (the last day of the period), for display.</summary>
    public static DateOnly LastDay(DateTimeOffset end) =>
        DateOnly.FromDateTime(BusinessTime.ToBusiness(end.AddTicks(-1)).DateTime);
}
