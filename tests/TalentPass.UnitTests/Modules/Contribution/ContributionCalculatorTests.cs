using Shouldly;
using TalentPass.Modules.Contribution.Domain;

namespace TalentPass.UnitTests.Modules.Contribution;

public sealed class ContributionCalculatorTests
{
    private static readonly Guid Merchant = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Bank = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    private static ContributionFormula Formula(int version, DateOnly from, DateOnly? to, int yuanMilli, int redemptionMilli) =>
        new() { Version = version, ValidFrom = from, ValidTo = to, YuanWeightMilli = yuanMilli, RedemptionWeightMilli = redemptionMilli };

    [Fact]
    public void PointsMilli_TwentyYuanTwoRedemptions_DiscountTimesWeightPlusRedemptionsTimesWeight()
    {
        // 1.5 points per yuan, 2 points per redemption: 20 yuan → 30, 2 redemptions → 4.
        ContributionCalculator.PointsMilli(Formula(1, new DateOnly(2026, 1, 1), null, 1500, 2000), 2, 2000).ShouldBe(34_000);
    }

    [Fact]
    public void Totals_PeriodAcrossTwoVersions_EachDayByTheVersionInForce()
    {
        var formulas = new[]
        {
            Formula(1, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), 1000, 1000),
            Formula(2, new DateOnly(2026, 7, 1), null, 2000, 0),
        };
        var days = new[]
        {
            new DailyContribution(Merchant, new DateOnly(2026, 6, 30), 1, 1000), // v1: 10 + 1
            new DailyContribution(Merchant, new DateOnly(2026, 7, 1), 1, 1000),  // v2: 20 + 0
            new DailyContribution(Bank, new DateOnly(2026, 7, 2), 3, 500),       // v2: 10
        };

        var totals = ContributionCalculator.Totals(days, formulas);

        totals.Select(t => t.OrganisationId).ShouldBe([Merchant, Bank]);
        totals[0].PointsMilli.ShouldBe(31_000);
        totals[0].FormulaVersions.ShouldBe([1, 2]);
        totals[0].DiscountFen.ShouldBe(2000);
        totals[1].PointsMilli.ShouldBe(10_000);
        totals[1].Redemptions.ShouldBe(3);
    }

    [Fact]
    public void Totals_DayBeforeTheFirstVersion_NoPoints()
    {
        var totals = ContributionCalculator.Totals(
            [new DailyContribution(Merchant, new DateOnly(2025, 12, 31), 4, 4000)],
            [Formula(1, new DateOnly(2026, 1, 1), null, 1000, 1000)]);

        totals.Single().PointsMilli.ShouldBe(0);
        totals.Single().Redemptions.ShouldBe(4);
    }

    [Fact]
    public void CheckNewVersion_InThePast_Retroactive()
    {
        ContributionCalculator.CheckNewVersion([Formula(1, new DateOnly(2026, 1, 1), null, 1000, 1000)], new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2))
            .ShouldBe("retroactive");
    }

    [Fact]
    public void CheckNewVersion_SameStartAsLatest_NotAfterLatest()
    {
        ContributionCalculator.CheckNewVersion([Formula(1, new DateOnly(2026, 5, 1), null, 1000, 1000)], new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1))
            .ShouldBe("not_after_latest");
    }

    [Fact]
    public void CheckNewVersion_TodayAfterLatest_Allowed()
    {
        ContributionCalculator.CheckNewVersion([Formula(1, new DateOnly(2026, 1, 1), null, 1000, 1000)], new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 1))
            .ShouldBeNull();
    }
}
