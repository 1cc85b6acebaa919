using TalentPass.Modules.Governance.Domain;
using TalentPass.SharedKernel;

namespace TalentPass.UnitTests.Modules.Governance;

public sealed class RuleDefinitionTests
{
    private static readonly Guid Bookstore = Guid.NewGuid();

    private static RuleDefinition Rule(
        int? reports = 1, bool overdue = false, bool leftArea = false, bool signal = false, string effect = RuleEffects.SuspendAll,
        string decider = Roles.TalentOffice, Guid? partner = null, string? ground = null, int days = 5) =>
        new("规则", "Rule", reports, reports is null ? null : 30, overdue, leftArea, signal, days, decider, true, effect, partner, ground);

    [Fact]
    public void CheckRemit_TalentOffice_AnyRuleAccepted() =>
        RuleDefinition.CheckRemit(RuleOwners.TalentOffice, null, Rule(effect: RuleEffects.Terminate, ground: TerminationGrounds.LeftArea)).ShouldBeNull();

    [Fact]
    public void CheckRemit_BigDataBureauOnDataConditions_Accepted() =>
        RuleDefinition.CheckRemit(RuleOwners.BigDataBureau, null, Rule(reports: null, leftArea: true, decider: Roles.BigDataBureau)).ShouldBeNull();

    [Fact]
    public void CheckRemit_BigDataBureauOnMisuseReportsOrTermination_OutsideRemit()
    {
        RuleDefinition.CheckRemit(RuleOwners.BigDataBureau, null, Rule(decider: Roles.BigDataBureau))!.Code.ShouldBe("governance.outside_remit");
        RuleDefinition.CheckRemit(RuleOwners.BigDataBureau, null, Rule(reports: null, leftArea: true, effect: RuleEffects.Terminate, decider: Roles.BigDataBureau, ground: TerminationGrounds.LeftArea))!
            .Code.ShouldBe("governance.outside_remit");
    }

    [Fact]
    public void CheckRemit_PartnerOnItsOwnRights_AcceptedOtherwiseOutsideRemit()
    {
        RuleDefinition.CheckRemit(RuleOwners.Partner, Bookstore, Rule(effect: RuleEffects.SuspendPartner, decider: Roles.PartnerStaff, partner: Bookstore)).ShouldBeNull();
        RuleDefinition.CheckRemit(RuleOwners.Partner, Bookstore, Rule(decider: Roles.PartnerStaff))!.Code.ShouldBe("governance.outside_remit");
        RuleDefinition.CheckRemit(RuleOwners.Partner, Bookstore, Rule(effect: RuleEffects.SuspendPartner, decider: Roles.PartnerStaff, partner: Guid.NewGuid()))!.Code.ShouldBe("governance.outside_remit");
        RuleDefinition.CheckRemit(RuleOwners.Partner, Bookstore, Rule(overdue: true, effect: RuleEffects.SuspendPartner, decider: Roles.PartnerStaff, partner: Bookstore))!.Code.ShouldBe("governance.outside_remit");
        RuleDefinition.CheckRemit(RuleOwners.Partner, Bookstore, Rule(effect: RuleEffects.SuspendPartner, decider: Roles.TalentOffice, partner: Bookstore))!.Code.ShouldBe("governance.outside_remit");
    }

    [Fact]
    public void Validate_TerminationWithoutGround_Refused() =>
        Rule(effect: RuleEffects.Terminate).Validate()!.Fields!.Keys.ShouldContain("terminationGround");

    [Fact]
    public void Validate_ResponsePeriodOutOfRange_Refused()
    {
        Rule(days: -1).Validate()!.Fields!.Keys.ShouldContain("responseWorkingDays");
        Rule(days: 0).Validate().ShouldBeNull();
    }

    [Fact]
    public void HasAutomaticCondition_NoCondition_ManualOnly()
    {
        Rule(reports: null).HasAutomaticCondition.ShouldBeFalse();
        Rule(reports: null, signal: true).HasAutomaticCondition.ShouldBeTrue();
    }
}
