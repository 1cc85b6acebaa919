using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TalentPass.IntegrationTests.Cards;
using TalentPass.IntegrationTests.Codes;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Partners;
using TalentPass.IntegrationTests.Reviews;
using TalentPass.IntegrationTests.Talents;
using TalentPass.IntegrationTests.Webhooks;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Governance;

/// <summary>
/// Issue 8's governance journey and its refusals. Time: the end-to-end rule has a 0-working-day response period (the
/// decision is allowed at once); a separate test shows that a 5-day rule refuses an early decision. The overdue review
/// is a real one of the Reviews module (a campaign due in the past, <see cref="ReviewsApi.OverdueReviewAsync"/>).
/// </summary>
public sealed class GovernanceApiTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MisuseReportAndOverdueReview_DecidedAfterNotice_SuspendsCodeAndWebhookThenAppealReinstates()
    {
        // A bank of the test's own with a webhook receiver; the test's talent holds its card.
        await using var receiver = await WebhookReceiver.StartAsync();
        var partner = await PartnersApi.OnboardAsync(factory);
        var bank = PartnersApi.Signed(factory, partner);
        var endpoint = await (await bank.SendAsync(HttpMethod.Put, "/api/v1/webhooks/endpoint", new { url = receiver.Url, enabled = true })).ReadJsonAsync();
        receiver.Secret = endpoint.GetProperty("secret").GetString();
        var (talent, talentId, _) = await ReviewsApi.OverdueReviewAsync(factory); // a review due on 2026-01-05, unanswered
        var token = CardsApi.NewToken();
        var card = await CardsApi.IssuedCardAsync(talent, bank, partner.Code, token);

        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var secondOfficer = await GovernanceApi.SecondOfficerAsync(factory);
        var rule = GovernanceApi.UniqueRuleCode();
        (await GovernanceApi.PostAsync(office, "/api/v1/governance/rules", GovernanceApi.Rule(rule, 0))).StatusCode.ShouldBe(HttpStatusCode.Created);

        // The bank reports misuse of the card over the partner API.
        var report = await bank.SendAsync(HttpMethod.Post, "/api/v1/governance/partner/misuse-reports", new { cardToken = token, description = "卡片被他人使用 / card used by someone else" });
        report.StatusCode.ShouldBe(HttpStatusCode.Created);

        // The rule engine finds the report and the overdue review: a case with the facts and a notice, not a decision.
        var evaluated = await (await GovernanceApi.PostAsync(office, "/api/v1/governance/evaluate", new { talentId })).ReadJsonAsync();
        evaluated.GetProperty("casesOpened").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        var opened = await GovernanceApi.CaseUnderRuleAsync(office, rule);
        var caseId = opened.GetProperty("id").GetGuid();
        opened.GetProperty("status").GetString().ShouldBe("noticed");
        opened.GetProperty("facts").GetProperty("misuseReports").GetProperty("count").GetInt32().ShouldBe(1);
        opened.GetProperty("facts").GetProperty("reviewOverdue").GetProperty("status").GetString().ShouldBe("overdue");
        (await TalentsApi.GetAsync(office, talentId)).GetProperty("status").GetString().ShouldBe("active");
        var mine = await (await talent.GetAsync(new Uri("/api/v1/me/cases", UriKind.Relative), Ct)).ReadJsonAsync();
        mine.EnumerateArray().ShouldContain(c => c.GetProperty("id").GetGuid() == caseId);
        (await talent.PostAsJsonAsync($"/api/v1/me/cases/{caseId}/response", new { text = "卡片一直由本人使用 / I always used the card myself" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The response period (0 working days) is over: the decider suspends by rule.
        var code = await CodesApi.MyCodeTextAsync(talent); // shown before the decision; a suspended talent gets no new code
        var decided = await (await GovernanceApi.PostAsync(office, $"/api/v1/governance/cases/{caseId}/decision", new { apply = true, reason = "举报属实且复核逾期 / report confirmed, review overdue" })).ReadJsonAsync();
        decided.GetProperty("outcome").GetString().ShouldBe("suspended");
        (await TalentsApi.GetAsync(office, talentId)).GetProperty("status").GetString().ShouldBe("suspended");

        // The talent's code verifies "suspended" at a service point; the card-holding bank receives the webhook.
        var scanner = await factory.CreateClientAsAsync("demo-servicepoint");
        (await CodesApi.OutcomeAsync(scanner, code)).ShouldBe("suspended");
        await WebhookTestData.WaitUntilAsync(
            () => Task.FromResult(receiver.Accepted.Any(w => w.Type == "talent.status.changed" && w.Json.GetProperty("data").GetProperty("status").GetString() == "suspended")),
            "the bank receives talent.status.changed (suspended)");
        var hook = receiver.Accepted.First(w => w.Type == "talent.status.changed");
        hook.SignatureValid.ShouldBeTrue();
        hook.Json.GetProperty("data").GetProperty("customerRef").GetString().ShouldBe(card.CustomerRef);

        // The talent appeals; the original decider may not decide it; another officer upholds it and the talent is reinstated.
        (await talent.PostAsJsonAsync($"/api/v1/me/cases/{caseId}/appeal", new { text = "举报有误 / the report is mistaken" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await GovernanceApi.PostAsync(office, $"/api/v1/governance/cases/{caseId}/appeal/decision", new { upheld = true, reason = "自己复议 / own appeal" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "governance.same_decider");
        (await TalentsApi.GetAsync(office, talentId)).GetProperty("status").GetString().ShouldBe("suspended");
        var appealed = await (await GovernanceApi.PostAsync(secondOfficer, $"/api/v1/governance/cases/{caseId}/appeal/decision", new { upheld = true, reason = "举报人撤回 / the reporter withdrew" })).ReadJsonAsync();
        appealed.GetProperty("status").GetString().ShouldBe("reinstated");
        (await TalentsApi.GetAsync(office, talentId)).GetProperty("status").GetString().ShouldBe("active");
        (await CodesApi.OutcomeAsync(scanner, await CodesApi.MyCodeTextAsync(talent))).ShouldBe("valid");

        // Every decision carries the rule version and is in the evidence ledger.
        var decisions = appealed.GetProperty("decisions").EnumerateArray().ToList();
        decisions.Select(d => d.GetProperty("kind").GetString()).ShouldBe(["suspension", "appeal", "reinstatement"], ignoreOrder: true);
        decisions.ShouldAllBe(d => d.GetProperty("ruleCode").GetString() == rule && d.GetProperty("ruleVersion").GetInt32() == 1 && d.GetProperty("ledgerIndex").ValueKind == JsonValueKind.Number);
        var auditor = await factory.CreateClientAsAsync("demo-auditor");
        var ledger = await (await auditor.GetAsync(new Uri($"/api/v1/ledger/entries?reference=governance-case:{caseId}&size=50", UriKind.Relative), Ct)).ReadJsonAsync();
        ledger.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("kind").GetString())
            .ShouldBe(["suspension_decision", "appeal_decision", "reinstatement_decision"], ignoreOrder: true);
    }

    [Fact]
    public async Task Decide_FiveDayRuleBeforePeriodEnds_RefusedAndNothingChanged()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var secondOfficer = await GovernanceApi.SecondOfficerAsync(factory);
        var rule = GovernanceApi.UniqueRuleCode();
        (await GovernanceApi.PostAsync(office, "/api/v1/governance/rules", GovernanceApi.Rule(rule, 5))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var talentId = await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName());
        var opened = await (await GovernanceApi.PostAsync(office, "/api/v1/governance/cases", new { ruleCode = rule, talentId, statement = "窗口发现转借 / lending seen at a window" })).ReadJsonAsync();
        var caseId = opened.GetProperty("id").GetGuid();
        opened.GetProperty("responsePeriodRunning").GetBoolean().ShouldBeTrue();

        await (await GovernanceApi.PostAsync(office, $"/api/v1/governance/cases/{caseId}/decision", new { apply = true, reason = "立即暂停 / suspend now" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "governance.same_decider");
        await (await GovernanceApi.PostAsync(secondOfficer, $"/api/v1/governance/cases/{caseId}/decision", new { apply = true, reason = "立即暂停 / suspend now" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "governance.response_period_running");

        (await TalentsApi.GetAsync(office, talentId)).GetProperty("status").GetString().ShouldBe("active");
        var after = await (await office.GetAsync(new Uri($"/api/v1/governance/cases/{caseId}", UriKind.Relative), Ct)).ReadJsonAsync();
        after.GetProperty("status").GetString().ShouldBe("noticed");
        after.GetProperty("decisions").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task CreateRule_PartnerOutsideItsRemit_RefusedButOwnRightsRuleAccepted()
    {
        var merchant = await factory.CreateClientAsAsync("demo-merchant");
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var bookstore = await TalentsApi.OrganisationIdAsync(factory, "merchant-bookstore");

        var allRights = GovernanceApi.Rule(GovernanceApi.UniqueRuleCode(), 5, reviewOverdue: false, deciderRole: Roles.PartnerStaff);
        await (await GovernanceApi.PostAsync(merchant, "/api/v1/governance/rules", allRights)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "governance.outside_remit");
        var otherPartner = GovernanceApi.Rule(GovernanceApi.UniqueRuleCode(), 5, reviewOverdue: false, effect: "suspend_partner", deciderRole: Roles.PartnerStaff,
            effectPartnerId: await TalentsApi.OrganisationIdAsync(factory, CardsApi.Zhongyuan));
        await (await GovernanceApi.PostAsync(merchant, "/api/v1/governance/rules", otherPartner)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "governance.outside_remit");

        var ownCode = GovernanceApi.UniqueRuleCode();
        var own = GovernanceApi.Rule(ownCode, 5, reviewOverdue: false, effect: "suspend_partner", deciderRole: Roles.PartnerStaff, effectPartnerId: bookstore);
        (await GovernanceApi.PostAsync(merchant, "/api/v1/governance/rules", own)).StatusCode.ShouldBe(HttpStatusCode.Created);

        // A change is a new version; the first stays in the history.
        own["responseWorkingDays"] = 3;
        var revised = await (await merchant.PutAsJsonAsync($"/api/v1/governance/rules/{ownCode}", own, Ct)).ReadJsonAsync();
        revised.GetProperty("version").GetInt32().ShouldBe(2);
        var versions = await (await office.GetAsync(new Uri($"/api/v1/governance/rules/{ownCode}", UriKind.Relative), Ct)).ReadJsonAsync();
        versions.EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("status").GetString())).ShouldBe([(2, "active"), (1, "superseded")]);
    }

    [Fact]
    public async Task Scans_SameCodeAtTwoServicePointsWithinMinutes_RaisesSignalButNeverSuspends()
    {
        var (talent, talentId, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var code = await CodesApi.MyCodeTextAsync(talent);
        (await CodesApi.OutcomeAsync(await factory.CreateClientAsAsync("demo-servicepoint"), code)).ShouldBe("valid");
        (await CodesApi.OutcomeAsync(await factory.CreateClientAsAsync("demo-merchant"), code)).ShouldBe("valid");

        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        JsonElement signals = default;
        await WebhookTestData.WaitUntilAsync(async () =>
        {
            signals = await (await office.GetAsync(new Uri($"/api/v1/governance/signals?talentId={talentId}", UriKind.Relative), Ct)).ReadJsonAsync();
            return signals.GetProperty("items").GetArrayLength() > 0;
        }, "the signal detector reads the scans");

        var signal = signals.GetProperty("items").EnumerateArray().Single();
        signal.GetProperty("kind").GetString().ShouldBe("two_places");
        signal.GetProperty("status").GetString().ShouldBe("open");
        (await TalentsApi.GetAsync(office, talentId)).GetProperty("status").GetString().ShouldBe("active");
    }
}
