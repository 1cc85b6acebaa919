using TalentPass.Modules.Redemptions.Domain;
using TalentPass.Modules.Rights.Contracts;

namespace TalentPass.UnitTests.Modules.Redemptions;

public sealed class QuotaPlanTests
{
    private static readonly Guid Talent = Guid.Parse("0b6f8f2e-6a55-4c4f-9a36-1f1f6d7d2a01");
    private static readonly Guid Point = Guid.Parse("7d1c2b9a-0f0e-4a51-8a1d-3c6e8b5f4e02");

    [Theory]
    [InlineData(QuotaPeriods.Day, "2026-11-21")]
    [InlineData(QuotaPeriods.Month, "2026-11")]
    [InlineData(QuotaPeriods.Year, "2026")]
    [InlineData(QuotaPeriods.None, "-")]
    public void PeriodKey_EachPeriod_KeysTheBusinessDay(string period, string expected) =>
        QuotaPlan.PeriodKey(period, new DateOnly(2026, 11, 21)).ShouldBe(expected);

    [Fact]
    public void For_QuotasAndPool_OneCounterEachWithItsKeyAndLimit_InAFixedOrder()
    {
        var right = Right(
            [new RightQuota(QuotaScopes.PerTalent, 12, QuotaPeriods.Year), new RightQuota(QuotaScopes.Overall, 100, QuotaPeriods.None), new RightQuota(QuotaScopes.PerServicePoint, 30, QuotaPeriods.Day)],
            [new RightPool("incubator", "孵化器", "Incubator", 236)]);

        var keys = QuotaPlan.For(right, Talent, Point, "incubator", new DateOnly(2026, 11, 21));

        keys.ShouldBe(
        [
            new CounterKey(QuotaScopes.Overall, string.Empty, "-", 100),
            new CounterKey(QuotaScopes.PerServicePoint, Point.ToString("N"), "2026-11-21", 30),
            new CounterKey(QuotaScopes.PerTalent, Talent.ToString("N"), "2026", 12),
            new CounterKey(QuotaPlan.PoolScope, "incubator", "-", 236),
        ]);
    }

    [Fact]
    public void Serialize_ThenParse_SameCountersWithoutLimits()
    {
        var keys = QuotaPlan.For(Right([new RightQuota(QuotaScopes.PerTalent, 4, QuotaPeriods.Month)], []), Talent, Point, null, new DateOnly(2026, 1, 31));

        var parsed = QuotaPlan.Parse(QuotaPlan.Serialize(keys));

        parsed.ShouldBe([new CounterKey(QuotaScopes.PerTalent, Talent.ToString("N"), "2026-01", 0)]);
    }

    private static RightDefinition Right(IReadOnlyList<RightQuota> quotas, IReadOnlyList<RightPool> pools) => new(
        Guid.NewGuid(), "r", RightKinds.Government, "权益", "Right", "", "", Point, ["a"], [], [], new DateOnly(2020, 1, 1), null, "v1",
        [Point], true, false, false, 0, quotas, pools, 30, "active", 1);
}
