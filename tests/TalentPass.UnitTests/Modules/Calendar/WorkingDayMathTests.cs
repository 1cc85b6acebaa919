using TalentPass.Modules.Calendar.Domain;
using TalentPass.SharedKernel;

namespace TalentPass.UnitTests.Modules.Calendar;

public sealed class WorkingDayMathTests
{
    private static readonly Func<int, YearSchedule?> Years = OfficialSchedules.Loaded;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void AddWorkingDays_AcceptedBeforeNationalDay2026_SkipsTheHolidayAndCountsTheMakeUpSaturday()
    {
        // 2026-09-30 (Wed) accepted, not counted. 10-01..10-07 holiday; 10-08 Thu = 1, 10-09 Fri = 2,
        // 10-10 Sat make-up = 3, 10-11 Sun off, 10-12 Mon = 4, 10-13 Tue = 5.
        var due = WorkingDayMath.AddWorkingDays(D("2026-09-30"), 5, Years);

        due.IsSuccess.ShouldBeTrue();
        due.Value.ShouldBe(D("2026-10-13"));
    }

    [Theory]
    [InlineData("2026-09-30", 1, "2026-10-08")]
    [InlineData("2026-09-30", 3, "2026-10-10")]
    [InlineData("2026-09-30", 4, "2026-10-12")]
    [InlineData("2026-09-18", 1, "2026-09-20")] // Friday → the make-up Sunday
    [InlineData("2026-09-24", 1, "2026-09-28")] // Thursday → Mid-Autumn 25–27 → Monday
    [InlineData("2026-02-13", 1, "2026-02-14")] // Friday → make-up Saturday before Spring Festival
    [InlineData("2026-02-14", 1, "2026-02-24")] // make-up Saturday → after the nine days off
    [InlineData("2025-12-31", 1, "2026-01-04")] // across the year: New Year 1–3 off, Sunday 4th is a make-up day
    [InlineData("2025-12-26", 5, "2026-01-05")] // Fri → Mon 29, Tue 30, Wed 31, make-up Sun 4, Mon 5
    [InlineData("2026-10-03", 1, "2026-10-08")] // accepted on a holiday
    [InlineData("2026-11-20", 0, "2026-11-20")]
    public void AddWorkingDays_OfficialCalendar_GivesTheExpectedDay(string accepted, int n, string expected)
    {
        var due = WorkingDayMath.AddWorkingDays(D(accepted), n, Years);

        due.IsSuccess.ShouldBeTrue();
        due.Value.ShouldBe(D(expected));
    }

    [Fact]
    public void AddWorkingDays_DeadlineReachesAnUnloadedYear_FailsWithThatYear()
    {
        var due = WorkingDayMath.AddWorkingDays(D("2026-12-25"), 10, Years);

        due.IsSuccess.ShouldBeFalse();
        due.Error.Code.ShouldBe("calendar.year_not_loaded");
        due.Error.Kind.ShouldBe(ErrorKind.Conflict);
        due.Error.Fields!["year"].ShouldBe(["2027"]);
    }

    [Fact]
    public void AddWorkingDays_AcceptedOnTheLastDayOfALoadedYear_NeedsOnlyTheNextYear()
    {
        var due = WorkingDayMath.AddWorkingDays(D("2024-12-31"), 1, Years);

        due.IsSuccess.ShouldBeTrue();
        due.Value.ShouldBe(D("2025-01-02"));
    }

    [Fact]
    public void AddWorkingDays_AcceptedInAnUnloadedYear_FailsWithThatYear()
    {
        var due = WorkingDayMath.AddWorkingDays(D("2024-06-03"), 1, Years);

        due.Error!.Fields!["year"].ShouldBe(["2024"]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    public void AddWorkingDays_OutOfRangeCount_IsAValidationError(int n)
    {
        var due = WorkingDayMath.AddWorkingDays(D("2026-03-02"), n, Years);

        due.Error!.Code.ShouldBe("calendar.working_days_invalid");
    }

    [Theory]
    [InlineData("2026-10-10", true)] // make-up Saturday
    [InlineData("2026-10-11", false)] // ordinary Sunday
    [InlineData("2026-10-05", false)] // holiday Monday
    [InlineData("2026-10-08", true)]
    [InlineData("2025-10-08", false)] // 2025's National Day lasted eight days
    [InlineData("2026-01-03", false)] // holiday on a Saturday
    public void IsWorkingDay_OfficialCalendar_FollowsHolidaysAndMakeUpDays(string day, bool expected)
    {
        WorkingDayMath.IsWorkingDay(D(day), Years).Value.ShouldBe(expected);
    }

    [Fact]
    public void WorkingDaysBetween_AcrossNationalDay_CountsOnlyWorkingDays()
    {
        WorkingDayMath.WorkingDaysBetween(D("2026-09-30"), D("2026-10-13"), Years).Value.ShouldBe(5);
        WorkingDayMath.WorkingDaysBetween(D("2026-10-13"), D("2026-09-30"), Years).Value.ShouldBe(-5);
        WorkingDayMath.WorkingDaysBetween(D("2026-10-13"), D("2026-10-13"), Years).Value.ShouldBe(0);
    }

    [Fact]
    public void WorkingDaysBetween_2026_HasTheOfficialNumberOfWorkingDays()
    {
        var expected = 0;
        for (var d = D("2026-01-01"); d.Year == 2026; d = d.AddDays(1))
        {
            var special = OfficialSchedules.Days(2026).SingleOrDefault(x => x.Date == d);
            expected += special is null ? (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1) : (special.Kind == DayKind.WorkdayMakeup ? 1 : 0);
        }

        WorkingDayMath.WorkingDaysBetween(D("2025-12-31"), D("2026-12-31"), Years).Value.ShouldBe(expected);
        expected.ShouldBeInRange(240, 255);
    }

    [Fact]
    public void WorkingDaysBetween_EndInAnUnloadedYear_Fails()
    {
        WorkingDayMath.WorkingDaysBetween(D("2026-12-01"), D("2027-01-05"), Years).Error!.Fields!["year"].ShouldBe(["2027"]);
    }

    // Property tests over seeded random inputs (reproducible: the seed is fixed; no property-testing package is available).
    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AddWorkingDays_RandomInputs_DueIsAWorkingDayWithExactlyNWorkingDaysBetween(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 500; i++)
        {
            var accepted = D("2025-01-01").AddDays(random.Next(0, 600));
            var n = random.Next(1, 60);

            var due = WorkingDayMath.AddWorkingDays(accepted, n, Years);

            due.IsSuccess.ShouldBeTrue();
            due.Value.ShouldBeGreaterThan(accepted);
            WorkingDayMath.IsWorkingDay(due.Value, Years).Value.ShouldBeTrue();
            WorkingDayMath.WorkingDaysBetween(accepted, due.Value, Years).Value.ShouldBe(n);
            WorkingDayMath.WorkingDaysBetween(accepted, due.Value.AddDays(-1), Years).Value.ShouldBe(n - 1);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AddWorkingDays_RandomInputs_IsMonotonicInBothArguments(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 500; i++)
        {
            var accepted = D("2025-01-01").AddDays(random.Next(0, 600));
            var later = accepted.AddDays(random.Next(0, 10));
            var n = random.Next(1, 40);
            var more = n + random.Next(0, 10);

            var due = WorkingDayMath.AddWorkingDays(accepted, n, Years).Value;

            WorkingDayMath.AddWorkingDays(later, n, Years).Value.ShouldBeGreaterThanOrEqualTo(due);
            WorkingDayMath.AddWorkingDays(accepted, more, Years).Value.ShouldBeGreaterThanOrEqualTo(due);
            if (more > n)
            {
                WorkingDayMath.AddWorkingDays(accepted, more, Years).Value.ShouldBeGreaterThan(due);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AddWorkingDays_RandomInputs_IsAdditive(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 300; i++)
        {
            var accepted = D("2025-01-01").AddDays(random.Next(0, 500));
            var a = random.Next(0, 30);
            var b = random.Next(0, 30);

            var direct = WorkingDayMath.AddWorkingDays(accepted, a + b, Years).Value;
            var stepwise = WorkingDayMath.AddWorkingDays(WorkingDayMath.AddWorkingDays(accepted, a, Years).Value, b, Years).Value;

            stepwise.ShouldBe(direct);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void WorkingDaysBetween_RandomTriples_AddsUpAndIsAntisymmetric(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 300; i++)
        {
            var a = D("2025-01-01").AddDays(random.Next(0, 700));
            var b = D("2025-01-01").AddDays(random.Next(0, 700));
            var c = D("2025-01-01").AddDays(random.Next(0, 700));

            var ab = WorkingDayMath.WorkingDaysBetween(a, b, Years).Value;
            var bc = WorkingDayMath.WorkingDaysBetween(b, c, Years).Value;
            var ac = WorkingDayMath.WorkingDaysBetween(a, c, Years).Value;

            (ab + bc).ShouldBe(ac);
            WorkingDayMath.WorkingDaysBetween(b, a, Years).Value.ShouldBe(-ab);
        }
    }

    [Fact]
    public void AddWorkingDays_WithoutHolidays_AgreesWithPlainWeekdayCounting()
    {
        Func<int, YearSchedule?> plain = y => new YearSchedule(y, []);
        var random = new Random(42);
        for (var i = 0; i < 500; i++)
        {
            var accepted = D("2030-01-01").AddDays(random.Next(0, 3000));
            var n = random.Next(1, 100);
            var expected = accepted;
            for (var left = n; left > 0;)
            {
                expected = expected.AddDays(1);
                if (expected.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    left--;
                }
            }

            WorkingDayMath.AddWorkingDays(accepted, n, plain).Value.ShouldBe(expected);
        }
    }
}
