namespace TalentPass.Modules.Calendar.Domain;

/// <summary>The kinds of special day: a public holiday (off) or a make-up working day (调休, a weekend worked).</summary>
internal static class DayKind
{
    public const string Holiday = "holiday";
    public const string WorkdayMakeup = "workday_makeup";

    public static readonly IReadOnlyList<string> All = [Holiday, WorkdayMakeup];
}

/// <summary>One loaded year of the official schedule (row of <c>calendar_years</c>).</summary>
internal sealed class CalendarYear
{
    public int Year { get; set; }

    public DateTimeOffset LoadedAt { get; set; }

    /// <summary>Where the schedule comes from, e.g. the State Council notice number.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>SHA-256 (hex) of the canonical text of the year's days (<see cref="ScheduleText.Canonical"/>).</summary>
    public string Checksum { get; set; } = string.Empty;

    /// <summary>1 on first load, +1 on each explicit replacement; the cache of every node compares it.</summary>
    public int Revision { get; set; }

    public string LoadedBy { get; set; } = string.Empty;
}

/// <summary>A holiday or make-up working day (row of <c>calendar_days</c>); every other day follows the weekday.</summary>
internal sealed class CalendarDay
{
    public DateOnly Date { get; set; }

    public int Year { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;
}
