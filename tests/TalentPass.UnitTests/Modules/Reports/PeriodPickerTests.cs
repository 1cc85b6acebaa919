using TalentPass.Modules.Reports.Domain;

namespace TalentPass.UnitTests.Modules.Reports;

public sealed class PeriodPickerTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static PickedPeriod Pick(string? period, string? month = null, string? quarter = null, string? year = null, DateOnly? from = null, DateOnly? to = null)
    {
        var result = PeriodPicker.Resolve(new PeriodQuery(period, month, quarter, year, from, to), Today);
        result.IsSuccess.ShouldBeTrue(result.Error?.Code);
        return result.Value!;
    }

    [Fact]
    public void Resolve_Nothing_IsTheCurrentMonth()
    {
        var p = Pick(null);
        p.Kind.ShouldBe("month");
        (p.Period.From, p.Period.To).ShouldBe((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));
        p.Label.ShouldBe("2026-11");
    }

    [Fact]
    public void Resolve_Month_CoversTheWholeMonthIncludingLeapDays()
    {
        var p = Pick("month", month: "2028-02");
        (p.Period.From, p.Period.To).ShouldBe((new DateOnly(2028, 2, 1), new DateOnly(2028, 2, 29)));
    }

    [Theory]
    [InlineData("2026Q1", 1, 1, 3, 31)]
    [InlineData("2026q4", 10, 1, 12, 31)]
    [InlineData(null, 10, 1, 12, 31)]
    public void Resolve_Quarter_CoversItsThreeMonths(string? quarter, int fromMonth, int fromDay, int toMonth, int toDay)
    {
        var p = Pick("quarter", quarter: quarter);
        (p.Period.From, p.Period.To).ShouldBe((new DateOnly(2026, fromMonth, fromDay), new DateOnly(2026, toMonth, toDay)));
    }

    [Fact]
    public void Resolve_YearAndCustom_AreTheirDays()
    {
        var y = Pick("year", year: "2025");
        (y.Period.From, y.Period.To).ShouldBe((new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
        var c = Pick(null, from: new DateOnly(2026, 3, 5), to: new DateOnly(2026, 3, 5));
        c.Kind.ShouldBe("custom");
        (c.Period.From, c.Period.To).ShouldBe((new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 5)));
    }

    [Theory]
    [InlineData("month", "2026-13", null, null)]
    [InlineData("quarter", null, "2026Q0", null)]
    [InlineData("year", null, null, "26")]
    [InlineData("decade", null, null, null)]
    public void Resolve_Malformed_IsRefused(string period, string? month, string? quarter, string? year) =>
        PeriodPicker.Resolve(new PeriodQuery(period, month, quarter, year, null, null), Today).Error!.Code.ShouldBe("reports.period_invalid");

    [Fact]
    public void Resolve_CustomBackwardsOrLongerThanFiveYears_IsRefused()
    {
        PeriodPicker.Resolve(new PeriodQuery("custom", null, null, null, new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 31)), Today).IsSuccess.ShouldBeFalse();
        PeriodPicker.Resolve(new PeriodQuery("custom", null, null, null, new DateOnly(2020, 1, 1), new DateOnly(2025, 1, 2)), Today).IsSuccess.ShouldBeFalse();
        PeriodPicker.Resolve(new PeriodQuery("custom", null, null, null, new DateOnly(2026, 1, 1), null), Today).IsSuccess.ShouldBeFalse();
    }

    [Fact]
    public void Period_Instants_AreShanghaiMidnightsInUtc()
    {
        var p = Pick("month", month: "2026-11").Period;
        p.StartUtc.ShouldBe(new DateTimeOffset(2026, 10, 31, 16, 0, 0, TimeSpan.Zero));
        p.EndUtc.ShouldBe(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero));
    }
}
