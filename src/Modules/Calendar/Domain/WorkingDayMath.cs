using System.Collections.Frozen;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Calendar.Domain;

/// <summary>The special days of one loaded year; every other day is a working day from Monday to Friday.</summary>
internal sealed class YearSchedule
{
    private readonly FrozenDictionary<DateOnly, string> special;

    public YearSchedule(int year, IEnumerable<KeyValuePair<DateOnly, string>> days)
    {
        Year = year;
        special = days.ToFrozenDictionary();
    }

    public int Year { get; }

    public bool IsWorkingDay(DateOnly day) =>
        special.TryGetValue(day, out var kind)
            ? kind == DayKind.WorkdayMakeup
            : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}

/// <summary>
/// The pure working-day arithmetic (行政许可法-style counting): the day of acceptance is not counted, a deadline of
/// N working days is the N-th working day after it. Every day examined must belong to a loaded year; otherwise the
/// answer is <c>calendar.year_not_loaded</c> for the first such year — never a guess.
/// </summary>
internal static class WorkingDayMath
{
    public const int MaxWorkingDays = 1000;

    /// <summary>The <paramref name="workingDays"/>-th working day after <paramref name="accepted"/> (0 → the day itself).</summary>
    public static Result<DateOnly> AddWorkingDays(DateOnly accepted, int workingDays, Func<int, YearSchedule?> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        if (workingDays is < 0 or > MaxWorkingDays)
        {
            return CalendarErrors.WorkingDaysInvalid;
        }

        var day = accepted;
        var counted = 0;
        YearSchedule? schedule = null;
        while (counted < workingDays)
        {
            if (day == DateOnly.MaxValue)
            {
                return CalendarErrors.YearNotLoaded(day.Year + 1);
            }

            day = day.AddDays(1);
            if (schedule?.Year != day.Year && (schedule = years(day.Year)) is null)
            {
                return CalendarErrors.YearNotLoaded(day.Year);
            }

            if (schedule.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]; negative when <paramref name="to"/> is earlier.</summary>
    public static Result<int> WorkingDaysBetween(DateOnly from, DateOnly to, Func<int, YearSchedule?> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        if (to < from)
        {
            var reverse = WorkingDaysBetween(to, from, years);
            return reverse.IsSuccess ? -reverse.Value : reverse.Error;
        }

        var count = 0;
        YearSchedule? schedule = null;
        for (var day = from; day < to;)
        {
            day = day.AddDays(1);
            if (schedule?.Year != day.Year && (schedule = years(day.Year)) is null)
            {
                return CalendarErrors.YearNotLoaded(day.Year);
            }

            if (schedule.IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    public static Result<bool> IsWorkingDay(DateOnly day, Func<int, YearSchedule?> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var schedule = years(day.Year);
        return schedule is null ? CalendarErrors.YearNotLoaded(day.Year) : schedule.IsWorkingDay(day);
    }
}
