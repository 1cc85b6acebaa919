using TalentPass.Modules.Policies.Domain;

namespace TalentPass.UnitTests.Modules.Policies;

public sealed class PolicyRulesTests
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2027, 12, 31);

    [Theory]
    [InlineData("2025-12-31", "scheduled")]
    [InlineData("2026-01-01", "in_force")]
    [InlineData("2027-12-31", "in_force")]
    [InlineData("2028-01-01", "expired")]
    public void Effective_Approved_FollowsTheValidityDates(string today, string expected) =>
        PolicyRules.Effective("approved", From, To, null, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void Effective_ApprovedSuccessor_SupersedesFromItsFirstDayOnly()
    {
        var successorFrom = new DateOnly(2027, 7, 1);
        PolicyRules.Effective("approved", From, To, successorFrom, new DateOnly(2027, 6, 30)).ShouldBe("in_force");
        PolicyRules.Effective("approved", From, To, successorFrom, successorFrom).ShouldBe("superseded");
    }

    [Fact]
    public void Effective_NotYetApproved_IsTheApprovalState() =>
        PolicyRules.Effective("reviewed", From, To, null, new DateOnly(2026, 6, 1)).ShouldBe("reviewed");

    [Fact]
    public void DefaultValidity_IsTwoYears() => PolicyRules.DefaultValidTo(From).ShouldBe(To);

    [Theory]
    [InlineData("youth-living-2026.1", true)]
    [InlineData("2026.1-demo", true)]
    [InlineData("Rights 2026", false)]
    [InlineData("x", false)]
    public void IsLabel_AcceptsLowerCaseVersionLabels(string label, bool valid) => PolicyRules.IsLabel(label).ShouldBe(valid);

    [Fact]
    public void Digest_IsTheLedgerTextFormOfSha256() =>
        PolicyRules.Digest("abc").ShouldBe("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
