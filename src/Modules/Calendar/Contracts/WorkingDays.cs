using TalentPass.SharedKernel;

namespace TalentPass.Modules.Calendar.Contracts;

/// <summary>
/// Working days on the official calendar (public holidays and make-up working days 调休, kept as data per year).
/// The day of acceptance is not counted. Any calculation that needs a year whose schedule is not loaded fails with
/// <c>calendar.year_not_loaded</c> — never a silent guess.
/// </summary>
public interface IWorkingDayCalendar
{
    /// <summary>The due date: the <paramref name="workingDays"/>-th working day after <paramref name="accepted"/>.</summary>
    Task<Result<DateOnly>> AddWorkingDaysAsync(DateOnly accepted, int workingDays, CancellationToken cancellationToken = default);

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]; negative when <paramref name="to"/> is earlier.</summary>
    Task<Result<int>> WorkingDaysBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    Task<Result<bool>> IsWorkingDayAsync(DateOnly day, CancellationToken cancellationToken = default);
}
