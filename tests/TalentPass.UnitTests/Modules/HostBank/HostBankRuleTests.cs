using TalentPass.Modules.HostBank.Domain;

namespace TalentPass.UnitTests.Modules.HostBank;

public sealed class HostBankRuleTests
{
    private const long Yuan = 100;

    [Theory]
    [InlineData(80_000_000, 300_000_000, true)]
    [InlineData(80_000_001, 300_000_000, false)]
    [InlineData(80_000_000, 300_000_001, false)]
    [InlineData(0, 0, true)]
    public void Applies_OnlyWhileRevenueAndValuationAreWithinTheLimitsInclusive(long revenueYuan, long valuationYuan, bool applies) =>
        HostBankRule.Applies(revenueYuan * Yuan, valuationYuan * Yuan).ShouldBe(applies);

    [Theory]
    [InlineData(400, 0, 600, 400, "compliant", 4000)]
    [InlineData(399, 0, 600, 400, "non_compliant", 3990)]
    [InlineData(0, 400, 1000, 0, "compliant", 4000)] // loans with the host count with deposits: one combined share
    [InlineData(0, 0, 0, 0, "compliant", null)]
    public void Evaluate_CombinedShareOfDepositsAndLoans_AgainstFortyPercent(long hostDeposits, long hostLoans, long totalDeposits, long totalLoans, string outcome, int? basisPoints)
    {
        var result = HostBankRule.Evaluate(new EnterpriseFigures(totalDeposits, totalLoans, 1, 1), new BankFigures(hostDeposits, hostLoans));

        result.Outcome.ShouldBe(outcome);
        result.ShareBasisPoints.ShouldBe(basisPoints);
    }

    [Fact]
    public void Evaluate_MissingFigures_WaitsForThem()
    {
        HostBankRule.Evaluate(null, new BankFigures(1, 1)).Outcome.ShouldBe(Outcomes.AwaitingEnterprise);
        HostBankRule.Evaluate(new EnterpriseFigures(1, 1, 1, 1), null).Outcome.ShouldBe(Outcomes.AwaitingBank);
        HostBankRule.Evaluate(new EnterpriseFigures(1, 1, 80_000_001 * Yuan, 1), null).Outcome.ShouldBe(Outcomes.NotApplicable);
    }

    [Theory]
    [InlineData("2026Q3", true, "2026-07-01", "2026-09-30")]
    [InlineData("2024q1", true, "2024-01-01", "2024-03-31")]
    [InlineData("2026Q5", false, null, null)]
    [InlineData("2026-3", false, null, null)]
    [InlineData("1999Q1", false, null, null)]
    public void Quarter_ParsesYearAndNumber(string text, bool valid, string? start, string? end)
    {
        Quarter.TryParse(text, out var q).ShouldBe(valid);
        if (valid)
        {
            q.Start.ShouldBe(DateOnly.Parse(start!, System.Globalization.CultureInfo.InvariantCulture));
            q.End.ShouldBe(DateOnly.Parse(end!, System.Globalization.CultureInfo.InvariantCulture));
            Quarter.Of(q.End).ShouldBe(q);
        }
    }

    [Fact]
    public void Quarter_PreviousOfTheFirst_IsTheLastOfTheYearBefore() => new Quarter(2026, 1).Previous.ShouldBe(new Quarter(2025, 4));
}
