using System.Net;
using System.Net.Http.Json;
using TalentPass.IntegrationTests.Codes;
using TalentPass.IntegrationTests.Identity;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Recognition;

/// <summary>Recognition by expert review: panel, conflicts of interest, independent scores, aggregation, decision.</summary>
public sealed class ExpertReviewTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExpertReview_ScoresAboveThreshold_RaisesTalentToCAndTheCodeShowsC()
    {
        var office = await factory.CreateClientAsAsync(RecognitionApi.Office);
        var (talent, talentId, _) = await TalentsApi.TalentWithAccountAsync(factory);
        (await CodesApi.MyCodeAsync(talent)).GetProperty("level").GetString().ShouldBe("e");
        var experts = await RecognitionApi.ExpertsAsync(factory, 5);
        var id = await RecognitionApi.ApplyForReviewAsync(talent, "c");
        await (await RecognitionApi.FormPanelAsync(office, id, experts.Select(e => e.AccountId))).ReadJsonAsync();

        // five scores: the highest (95) and the lowest (60) are dropped → mean of 80, 82, 84 = 82.00 → C
        await RecognitionApi.ScoreAllAsync(experts, id, 95, 82, 84, 80, 60);
        var closed = await (await RecognitionApi.CloseAsync(office, id)).ReadJsonAsync();
        closed.GetProperty("status").GetString().ShouldBe("reviewed");
        closed.GetProperty("panel").GetProperty("mean").GetDecimal().ShouldBe(82.00m);
        closed.GetProperty("panel").GetProperty("counted").GetInt32().ShouldBe(3);
        closed.GetProperty("recommendedLevel").GetString().ShouldBe("c");

        var decided = await (await RecognitionApi.DecideAsync(office, id)).ReadJsonAsync();
        decided.GetProperty("status").GetString().ShouldBe("approved");
        decided.GetProperty("decidedLevel").GetString().ShouldBe("c");
        decided.GetProperty("ledgerIndex").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Number);
        var certificate = decided.GetProperty("certificateNumber").GetString()!;

        (await CodesApi.MyCodeAsync(talent)).GetProperty("level").GetString().ShouldBe("c");
        (await TalentsApi.GetAsync(office, talentId)).GetProperty("level").GetString().ShouldBe("c");
        var check = await (await factory.CreateAnonymousClient().GetAsync(new Uri($"/api/v1/recognition/certificates/{certificate}", UriKind.Relative), Ct)).ReadJsonAsync();
        check.GetProperty("inForce").GetBoolean().ShouldBeTrue();
        check.GetProperty("level").GetString().ShouldBe("c");
        var mine = await (await talent.GetAsync(new Uri("/api/v1/recognition/me", UriKind.Relative), Ct)).ReadJsonAsync();
        mine.EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("approved");
    }

    [Fact]
    public async Task Score_BeforeThePanelCloses_OtherExpertsSeeNoOtherScore()
    {
        var office = await factory.CreateClientAsAsync(RecognitionApi.Office);
        var (talent, _, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var experts = await RecognitionApi.ExpertsAsync(factory, 3);
        var id = await RecognitionApi.ApplyForReviewAsync(talent, "d");
        await (await RecognitionApi.FormPanelAsync(office, id, experts.Select(e => e.AccountId))).ReadJsonAsync();
        await RecognitionApi.ScoreAllAsync(experts.Take(1), id, 77);

        var seenBySecond = await RecognitionApi.GetAsync(experts[1].Client, id);
        var members = seenBySecond.GetProperty("panel").GetProperty("members").EnumerateArray().ToList();
        members.Count.ShouldBe(3);
        members.ShouldAllBe(m => m.GetProperty("score").ValueKind == System.Text.Json.JsonValueKind.Null);
        var seenByOffice = await RecognitionApi.GetAsync(office, id);
        seenByOffice.GetProperty("panel").GetProperty("members").EnumerateArray().ShouldAllBe(m => m.GetProperty("score").ValueKind == System.Text.Json.JsonValueKind.Null);
        seenByOffice.GetProperty("panel").GetProperty("scored").GetInt32().ShouldBe(1);
        var seenByFirst = await RecognitionApi.GetAsync(experts[0].Client, id);
        seenByFirst.GetProperty("panel").GetProperty("members").EnumerateArray().Single(m => m.GetProperty("isMe").GetBoolean()).GetProperty("score").GetInt32().ShouldBe(77);

        await RecognitionApi.ScoreAllAsync(experts.Skip(1), id, 70, 74);
        await (await RecognitionApi.CloseAsync(office, id)).ReadJsonAsync();
        var afterClose = await RecognitionApi.GetAsync(experts[1].Client, id);
        afterClose.GetProperty("panel").GetProperty("members").EnumerateArray().Select(m => m.GetProperty("score").GetInt32()).Order().ShouldBe([70, 74, 77]);
        afterClose.GetProperty("recommendedLevel").GetString().ShouldBe("d"); // mean 73.67 → D
    }

    [Fact]
    public async Task Score_ExpertWhoDeclaredAConflict_IsRefused()
    {
        var office = await factory.CreateClientAsAsync(RecognitionApi.Office);
        var (talent, _, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var experts = await RecognitionApi.ExpertsAsync(factory, 4);
        var id = await RecognitionApi.ApplyForReviewAsync(talent, "d");
        await (await RecognitionApi.FormPanelAsync(office, id, experts.Select(e => e.AccountId))).ReadJsonAsync();

        await (await RecognitionApi.DeclareAsync(experts[0].Client, id, true, "曾指导申请人 / supervised the applicant")).ReadJsonAsync();
        await (await RecognitionApi.ScoreAsync(experts[0].Client, id, 90)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recognition.conflict_of_interest");
        await (await RecognitionApi.DeclareAsync(experts[0].Client, id, false)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "recognition.already_declared");
        await (await RecognitionApi.ScoreAsync(experts[1].Client, id, 90)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "recognition.declaration_required");

        // the conflicted expert's absence leaves 2 valid scores: the panel cannot close yet
        await RecognitionApi.ScoreAllAsync(experts.Skip(1).Take(2), id, 72, 74);
        await (await RecognitionApi.CloseAsync(office, id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "recognition.not_enough_scores");
        await RecognitionApi.ScoreAllAsync(experts.Skip(3), id, 76);
        var closed = await (await RecognitionApi.CloseAsync(office, id)).ReadJsonAsync();
        closed.GetProperty("panel").GetProperty("counted").GetInt32().ShouldBe(3);
        closed.GetProperty("panel").GetProperty("mean").GetDecimal().ShouldBe(74.00m);
    }

    [Fact]
    public async Task Score_ExpertFromTheApplicantsEmployer_IsRefused()
    {
        var office = await factory.CreateClientAsAsync(RecognitionApi.Office);
        var enterprise = await RecognitionApi.EnterpriseAsync(office);
        var username = IdentityApi.UniqueName("tal");
        var account = await IdentityApi.CreateAccountAsync(office, username, [Roles.Talent], null);
        await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName(), level: "e", employerOrganisationId: enterprise, accountId: account.GetProperty("id").GetGuid());
        var talent = await factory.CreateClientAsAsync(username, IdentityApi.StrongPassword);
        var colleague = await RecognitionApi.ExpertAsync(factory, Roles.EnterpriseContact, organisationId: enterprise);
        var experts = await RecognitionApi.ExpertsAsync(factory, 3);
        var id = await RecognitionApi.ApplyForReviewAsync(talent, "d");

        var formed = await (await RecognitionApi.FormPanelAsync(office, id, experts.Select(e => e.AccountId).Append(colleague.AccountId))).ReadJsonAsync();
        formed.GetProperty("panel").GetProperty("members").EnumerateArray()
            .Single(m => m.GetProperty("expertAccountId").GetGuid() == colleague.AccountId).GetProperty("employerConflict").GetBoolean().ShouldBeTrue();
        await (await RecognitionApi.DeclareAsync(colleague.Client, id, false)).ReadJsonAsync();
        await (await RecognitionApi.ScoreAsync(colleague.Client, id, 99)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recognition.conflict_of_interest");
    }

    [Fact]
    public async Task FormPanel_WithTooFewEligibleExperts_IsRefused()
    {
        var office = await factory.CreateClientAsAsync(RecognitionApi.Office);
        var (talent, _, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var experts = await RecognitionApi.ExpertsAsync(factory, 2);
        var id = await RecognitionApi.ApplyForReviewAsync(talent, "d");
        await (await RecognitionApi.FormPanelAsync(office, id, experts.Select(e => e.AccountId))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "recognition.panel_too_small");
        await (await RecognitionApi.FormPanelAsync(office, id, [Guid.NewGuid()])).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "recognition.expert_unknown");
    }

    [Fact]
    public async Task SamePerson_ApplicantOnTheirPanel_PanelMemberDeciding_AreRefused()
    {
        var office = await factory.CreateClientAsAsync(RecognitionApi.Office);
        var (talent, talentId, talentUsername) = await TalentsApi.TalentWithAccountAsync(factory);
        var experts = await RecognitionApi.ExpertsAsync(factory, 3);
        var id = await RecognitionApi.ApplyForReviewAsync(talent, "d");

        // the applicant cannot sit on their own panel
        var talentAccount = (await TalentsApi.GetAsync(office, talentId)).GetProperty("accountId").GetGuid();
        await office.PostAsJsonAsync("/api/v1/recognition/experts", new { username = talentUsername, displayName = "申请人" }, Ct);
        await (await RecognitionApi.FormPanelAsync(office, id, experts.Select(e => e.AccountId).Append(talentAccount))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "recognition.same_person");

        // an office member on the panel may not decide it
        var officeExpert = await RecognitionApi.ExpertAsync(factory, Roles.TalentOffice, "talent-office");
        await (await RecognitionApi.FormPanelAsync(office, id, experts.Select(e => e.AccountId).Append(officeExpert.AccountId))).ReadJsonAsync();
        await RecognitionApi.ScoreAllAsync(experts.Append(officeExpert), id, 75, 75, 75, 75);
        await (await RecognitionApi.CloseAsync(office, id)).ReadJsonAsync();
        await (await RecognitionApi.DecideAsync(officeExpert.Client, id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "recognition.same_person");
        (await (await RecognitionApi.DecideAsync(office, id)).ReadJsonAsync()).GetProperty("decidedLevel").GetString().ShouldBe("d");
    }

    [Fact]
    public async Task Decide_AboveTheRecommendation_IsRefusedAndARefusalKeepsTheLevel()
    {
        var office = await factory.CreateClientAsAsync(RecognitionApi.Office);
        var (talent, talentId, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var experts = await RecognitionApi.ExpertsAsync(factory, 3);
        var id = await RecognitionApi.ApplyForReviewAsync(talent, "b");
        await (await RecognitionApi.FormPanelAsync(office, id, experts.Select(e => e.AccountId))).ReadJsonAsync();
        await RecognitionApi.ScoreAllAsync(experts, id, 71, 70, 72);
        (await (await RecognitionApi.CloseAsync(office, id)).ReadJsonAsync()).GetProperty("recommendedLevel").GetString().ShouldBe("d");

        await (await RecognitionApi.DecideAsync(office, id, level: "c")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "recognition.level_above_recommendation");
        (await (await RecognitionApi.DecideAsync(office, id, approve: false)).ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("refused");
        (await TalentsApi.GetAsync(office, talentId)).GetProperty("level").GetString().ShouldBe("e");
        await (await RecognitionApi.DecideAsync(office, id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "recognition.wrong_state");
    }
}
