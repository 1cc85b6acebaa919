using TalentPass.Modules.Calendar.Domain;

namespace TalentPass.UnitTests.Modules.Calendar;

/// <summary>
/// The 2025 and 2026 schedules of /work/shared/reference/cn-public-holidays.md (State Council notices), written
/// independently of the migration in the loading format, so the tests check both the arithmetic and the seed.
/// </summary>
internal static class OfficialSchedules
{
    public const string Text2025 = """
        # 国办发明电〔2024〕12号
        2025-01-01 holiday 元旦 New Year
        2025-01-28..2025-02-04 holiday 春节 Spring Festival
        2025-01-26 workday 春节 Spring Festival
        2025-02-08 workday 春节 Spring Festival
        2025-04-04..2025-04-06 holiday 清明节 Qingming
        2025-05-01..2025-05-05 holiday 劳动节 Labour Day
        2025-04-27 workday 劳动节 Labour Day
        2025-05-31..2025-06-02 holiday 端午节 Dragon Boat
        2025-10-01..2025-10-08 holiday 国庆节、中秋节 National Day + Mid-Autumn
        2025-09-28 workday 国庆节、中秋节 National Day + Mid-Autumn
        2025-10-11 workday 国庆节、中秋节 National Day + Mid-Autumn
        """;

    public const string Text2026 = """
        # 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)
        2026-01-01..2026-01-03 holiday 元旦 New Year
        2026-01-04 workday 元旦 New Year
        2026-02-15..2026-02-23 holiday 春节 Spring Festival
        2026-02-14 workday 春节 Spring Festival
        2026-02-28 workday 春节 Spring Festival
        2026-04-04..2026-04-06 holiday 清明节 Qingming
        2026-05-01..2026-05-05 holiday 劳动节 Labour Day
        2026-05-09 workday 劳动节 Labour Day
        2026-06-19..2026-06-21 holiday 端午节 Dragon Boat
        2026-09-25..2026-09-27 holiday 中秋节 Mid-Autumn
        2026-10-01..2026-10-07 holiday 国庆节 National Day
        2026-09-20 workday 国庆节 National Day
        2026-10-10 workday 国庆节 National Day
        """;

    public static IReadOnlyList<ScheduleEntry> Days(int year)
    {
        var (items, parseErrors) = ScheduleText.Parse(year == 2025 ? Text2025 : Text2026);
        parseErrors.ShouldBeEmpty();
        var (days, errors) = ScheduleText.Validate(year, items);
        errors.ShouldBeEmpty();
        return days;
    }

    public static YearSchedule Schedule(int year) => new(year, Days(year).Select(d => KeyValuePair.Create(d.Date, d.Kind)));

    /// <summary>2025 and 2026 loaded; every other year not.</summary>
    public static Func<int, YearSchedule?> Loaded { get; } = Lookup(2025, 2026);

    public static Func<int, YearSchedule?> Lookup(params int[] years)
    {
        var map = years.ToDictionary(y => y, Schedule);
        return y => map.GetValueOrDefault(y);
    }
}
