using System.Text.RegularExpressions;
using TalentPass.Modules.Calendar;
using TalentPass.Modules.Calendar.Domain;

namespace TalentPass.UnitTests.Modules.Calendar;

public sealed partial class ScheduleTextTests
{
    [Fact]
    public void Parse_RangesCommentsAndSeparators_ExpandsToDays()
    {
        var (items, errors) = ScheduleText.Parse("""
            # comment line
            2027-01-01,holiday,元旦
            2027-02-06..2027-02-08	休	春节 Spring Festival   # trailing comment
            2027-02-13   班   春节 Spring Festival
            """);

        errors.ShouldBeEmpty();
        var (days, invalid) = ScheduleText.Validate(2027, items);
        invalid.ShouldBeEmpty();
        days.Select(d => (ScheduleText.Iso(d.Date), d.Kind, d.Name)).ShouldBe(
        [
            ("2027-01-01", DayKind.Holiday, "元旦"),
            ("2027-02-06", DayKind.Holiday, "春节 Spring Festival"),
            ("2027-02-07", DayKind.Holiday, "春节 Spring Festival"),
            ("2027-02-08", DayKind.Holiday, "春节 Spring Festival"),
            ("2027-02-13", DayKind.WorkdayMakeup, "春节 Spring Festival"),
        ]);
    }

    [Theory]
    [InlineData("2027-13-01 holiday x", "line 1")]
    [InlineData("2027-01-01 rest x", "line 1")]
    [InlineData("2027-01-01 holiday", "line 1")]
    [InlineData("\n\n2027-01-01", "line 3")]
    public void Parse_MalformedLine_ReportsItsLineNumber(string text, string key)
    {
        var (_, errors) = ScheduleText.Parse(text);

        errors.Keys.ShouldBe([key]);
    }

    [Theory]
    [InlineData("2026-12-31 holiday 跨年", "不在2027年内")]
    [InlineData("2027-01-05..2027-01-03 holiday 倒序", "ends before it starts")]
    [InlineData("2027-01-01 holiday 元旦\n2027-01-01 holiday 元旦", "already given at line 1")]
    [InlineData("2027-02-06..2027-02-08 holiday 春节\n2027-02-07 workday 春节", "already given")]
    [InlineData("2027-01-01 holiday 元旦\n2027-02-10 workday 周三调休", "not a Saturday or Sunday")]
    public void Validate_BrokenRule_IsRefusedWithAReason(string text, string reason)
    {
        var (items, _) = ScheduleText.Parse(text);

        var (_, errors) = ScheduleText.Validate(2027, items);

        errors.Values.SelectMany(v => v).ShouldContain(m => m.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_OnlyMakeUpDays_IsRefused()
    {
        var (items, _) = ScheduleText.Parse("2027-02-13 workday 春节");

        var (_, errors) = ScheduleText.Validate(2027, items);

        errors.Keys.ShouldBe(["schedule"]);
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Format_OfficialYear_ParsesBackToTheSameDays(int year)
    {
        var days = OfficialSchedules.Days(year);

        var (items, parseErrors) = ScheduleText.Parse(ScheduleText.Format(days));
        var (again, errors) = ScheduleText.Validate(year, items);

        parseErrors.ShouldBeEmpty();
        errors.ShouldBeEmpty();
        again.ShouldBe(days);
        ScheduleText.Checksum(again).ShouldBe(ScheduleText.Checksum(days));
    }

    [Fact]
    public void Checksum_AnyDayChanged_Differs()
    {
        var days = OfficialSchedules.Days(2026).ToList();
        var changed = days.Select(d => d.Date == new DateOnly(2026, 10, 10) ? d with { Name = "x" } : d).ToList();

        ScheduleText.Checksum(changed).ShouldNotBe(ScheduleText.Checksum(days));
        ScheduleText.Checksum(Enumerable.Reverse(days)).ShouldBe(ScheduleText.Checksum(days));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void SeedMigration_BothProviders_HoldTheReferenceDaysAndTheirChecksums(string provider)
    {
        var assembly = typeof(CalendarModule).Assembly;
        using var stream = assembly.GetManifestResourceStream($"migrations/{provider}/0002_official_2025_2026.sql")!;
        using var reader = new StreamReader(stream);
        var sql = reader.ReadToEnd();

        foreach (var year in new[] { 2025, 2026 })
        {
            var seeded = DayRow().Matches(sql)
                .Where(m => m.Groups["year"].Value == year.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Select(m => new ScheduleEntry(DateOnly.Parse(m.Groups["date"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["kind"].Value, m.Groups["name"].Value))
                .ToList();
            var checksum = YearRow().Matches(sql).Single(m => m.Groups["year"].Value == year.ToString(System.Globalization.CultureInfo.InvariantCulture)).Groups["checksum"].Value;

            seeded.ShouldBe(OfficialSchedules.Days(year));
            checksum.ShouldBe(ScheduleText.Checksum(seeded));
        }
    }

    [GeneratedRegex(@"\('(?<date>\d{4}-\d\d-\d\d)', (?<year>\d{4}), '(?<kind>[a-z_]+)', '(?<name>[^']*)'\)")]
    private static partial Regex DayRow();

    [GeneratedRegex(@"VALUES \((?<year>\d{4}), '[^']*', '[^']*', '(?<checksum>[0-9a-f]{64})'")]
    private static partial Regex YearRow();
}
