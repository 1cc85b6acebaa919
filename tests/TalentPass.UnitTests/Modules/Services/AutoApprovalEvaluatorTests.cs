using TalentPass.Modules.DataSharing.Contracts;
using TalentPass.Modules.Services.Demo;
using TalentPass.Modules.Services.Domain;

namespace TalentPass.UnitTests.Modules.Services;

public sealed class AutoApprovalEvaluatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static AutoApprovalRules YouthLiving =>
        DemoCatalogue.Matters.Single(m => m.Code == "youth-living-subsidy").Definition.AutoApproval!;

    private static AutoApprovalRules YouthHousing =>
        DemoCatalogue.Matters.Single(m => m.Code == "youth-housing-subsidy").Definition.AutoApproval!;

    private static DataSharingAnswer Found(string source, params (string Key, string Value)[] fields) =>
        new(Guid.NewGuid(), source, DataSharingOutcome.Found, fields.ToDictionary(f => f.Key, f => f.Value), DateTimeOffset.UnixEpoch, "00", null);

    private static DataSharingAnswer Outcome(string source, DataSharingOutcome outcome) =>
        new(Guid.NewGuid(), source, outcome, new Dictionary<string, string>(), DateTimeOffset.UnixEpoch, "00", outcome.ToString());

    private static Dictionary<string, DataSharingAnswer> Answers(params DataSharingAnswer[] answers) => answers.ToDictionary(a => a.Source);

    private static DataSharingAnswer Education(string degree = "master", string graduated = "2023-06-30") =>
        Found(DataSources.EducationCredentials, ("degree", degree), ("graduatedOn", graduated));

    private static DataSharingAnswer Insurance(string contributing = "true") =>
        Found(DataSources.SocialInsurance, ("contributing", contributing), ("contributionMonths", "14"));

    [Fact]
    public void Evaluate_AllConditionsHold_ApprovedWithEveryLineAndBothAnswersAsEvidence()
    {
        var education = Education();
        var insurance = Insurance();

        var decision = AutoApprovalEvaluator.Evaluate(YouthLiving, "youth", "engineering", Answers(education, insurance), Today);

        decision.Approved.ShouldBeTrue();
        decision.RuleVersion.ShouldBe("youth-living-2026.1");
        decision.Lines.Count.ShouldBe(4);
        decision.Lines.ShouldAllBe(l => l.Passed);
        decision.Evidence.ShouldBe([education.Id, insurance.Id], ignoreOrder: true);
        decision.ExplanationZh.ShouldContain("✓ 毕业不满五年：学历学位.graduatedOn = 2023-06-30");
        decision.ClerkReasonZh.ShouldBeNull();
    }

    [Theory]
    [InlineData(DataSharingOutcome.Unavailable, "unavailable")]
    [InlineData(DataSharingOutcome.Invalid, "could not be read")]
    [InlineData(DataSharingOutcome.NotFound, "No social insurance record")]
    public void Evaluate_SourceWithoutAFact_GoesToAClerkWithTheReason(DataSharingOutcome outcome, string reason)
    {
        var decision = AutoApprovalEvaluator.Evaluate(YouthLiving, "youth", "engineering", Answers(Education(), Outcome(DataSources.SocialInsurance, outcome)), Today);

        decision.Approved.ShouldBeFalse();
        decision.ClerkReasonEn!.ShouldContain(reason);
        decision.ClerkReasonEn!.ShouldContain("a clerk decides");
    }

    [Fact]
    public void Evaluate_GraduatedSixYearsAgo_NotMetGoesToAClerkNeverRefused()
    {
        var decision = AutoApprovalEvaluator.Evaluate(YouthLiving, "youth", "engineering", Answers(Education(graduated: "2020-06-30"), Insurance()), Today);

        decision.Approved.ShouldBeFalse();
        decision.ClerkReasonZh!.ShouldContain("毕业不满五年");
        decision.ExplanationZh.ShouldContain("✗ 毕业不满五年");
    }

    [Fact]
    public void Evaluate_MissingField_GoesToAClerkNamingTheField()
    {
        var education = Found(DataSources.EducationCredentials, ("degree", "master"));

        var decision = AutoApprovalEvaluator.Evaluate(YouthLiving, "youth", "engineering", Answers(education, Insurance()), Today);

        decision.Approved.ShouldBeFalse();
        decision.ClerkReasonEn!.ShouldContain("graduatedOn");
    }

    [Fact]
    public void Evaluate_RegisteredButNotContributing_ContradictionGoesToAClerk()
    {
        var household = Found(DataSources.HouseholdRegistration, ("registered", "true"));

        var decision = AutoApprovalEvaluator.Evaluate(YouthHousing, "youth", "engineering", Answers(household, Education(), Insurance("false")), Today);

        decision.Approved.ShouldBeFalse();
        decision.Lines.ShouldContain(l => !l.Passed && l.En.Contains("disagree", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_WrongLevel_NotMet()
    {
        var decision = AutoApprovalEvaluator.Evaluate(YouthLiving, "e", "engineering", Answers(Education(), Insurance()), Today);

        decision.Approved.ShouldBeFalse();
        decision.ClerkReasonEn!.ShouldContain("Youth talent");
    }

    [Fact]
    public void DemoCatalogue_ThirtyMattersElevenCategoriesSixThemesTwentyFirstBatch_AllDefinitionsValid()
    {
        DemoCatalogue.Matters.Count.ShouldBe(30);
        DemoCatalogue.Matters.Select(m => m.Code).Distinct().Count().ShouldBe(30);
        DemoCatalogue.Matters.Count(m => m.FirstBatch).ShouldBe(20);
        DemoCatalogue.Categories.Length.ShouldBe(11);
        DemoCatalogue.Themes.Length.ShouldBe(6);
        DemoCatalogue.Matters.Select(m => m.Category).Distinct().Count().ShouldBe(11);
        DemoCatalogue.Categories.Select(c => c.Theme).Distinct().Count().ShouldBe(6);
        var departments = new HashSet<string>(["dept-hr", "dept-science", "dept-finance", "dept-education", "dept-social", "dept-talent", "talent-office"]);
        foreach (var m in DemoCatalogue.Matters)
        {
            m.Definition.Validate(departments).ShouldBeEmpty(m.Code);
            MatterDefinition.FromJson(m.Definition.ToJson()).ToJson().ShouldBe(m.Definition.ToJson(), m.Code);
        }
    }
}
