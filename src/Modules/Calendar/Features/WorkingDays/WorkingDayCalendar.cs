using TalentPass.Modules.Calendar.Contracts;
using TalentPass.Modules.Calendar.Domain;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Calendar.Features.WorkingDays;

/// <summary><see cref="IWorkingDayCalendar"/> over the cached loaded years; the arithmetic is <see cref="WorkingDayMath"/>.</summary>
internal sealed class WorkingDayCalendar(CalendarCache cache) : IWorkingDayCalendar
{
    public async Task<Result<DateOnly>> AddWorkingDaysAsync(DateOnly accepted, int workingDays, CancellationToken cancellationToken = default)
    {
        // The cache re-checks a missing year at most once a second, so ask only for the year of acceptance first.
        var years = await cache.YearsAsync([accepted.Year], cancellationToken);
        var result = WorkingDayMath.AddWorkingDays(accepted, workingDays, years);
        if (result.IsSuccess || result.Error.Code != CalendarErrors.YearNotLoadedCode)
        {
            return result;
        }

        // The year may have been loaded on another node a moment ago: one re-check for exactly that year.
        years = await cache.YearsAsync([YearOf(result.Error)], cancellationToken);
        return WorkingDayMath.AddWorkingDays(accepted, workingDays, years);
    }

    public async Task<Result<int>> WorkingDaysBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var low = from < to ? from : to;
        var high = from < to ? to : from;
        var years = await cache.YearsAsync(Enumerable.Range(low.Year, high.Year - low.Year + 1), cancellationToken);
        return WorkingDayMath.WorkingDaysBetween(from, to, years);
    }

    public async Task<Result<bool>> IsWorkingDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var years = await cache.YearsAsync([day.Year], cancellationToken);
        return WorkingDayMath.IsWorkingDay(day, years);
    }

    private static int YearOf(Error error) =>
        error.Fields is { } fields && fields.TryGetValue("year", out var y) && int.TryParse(y[0], System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : 0;
}
