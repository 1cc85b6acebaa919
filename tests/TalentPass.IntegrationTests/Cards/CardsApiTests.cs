using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Codes;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using static TalentPass.IntegrationTests.Cards.CardsApi;

namespace TalentPass.IntegrationTests.Cards;

/// <summary>Talent cards through the API: the whole lifecycle, bad input with nothing changed, partner isolation, lifecycle sync.</summary>
public sealed class CardsApiTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lifecycle_ApplyApproveIssueActivateLoseReplaceCancel_TalentPartnerAndTerminalSeeEachStep()
    {
        var (talent, _, _) = await FreshTalentAsync(factory);
        var bank = await PartnerStaffAsync(factory, Zhongyuan);

        var applicationId = await AppliedAsync(talent, Zhongyuan);
        var pending = await GetJsonAsync(bank, $"/api/v1/cards/applications/{applicationId}");
        pending.GetProperty("status").GetString().ShouldBe("pending");
        var shared = pending.GetProperty("sharedData");
        shared.GetProperty("name").GetString().ShouldNotBeNullOrEmpty();
        shared.GetProperty("id_number").GetString()!.Length.ShouldBe(18);
        shared.GetProperty("level").GetString().ShouldBe("e");
        var customerRef = pending.GetProperty("customerRef").GetString()!;
        customerRef.ShouldStartWith("tpc_");
        var queue = await GetJsonAsync(bank, "/api/v1/cards/applications?status=pending&size=200");
        queue.GetProperty("total").GetInt64().ShouldBeGreaterThan(0);

        (await PostAsync(bank, $"/api/v1/cards/applications/{applicationId}/approve")).EnsureSuccessStatusCode();
        var token = NewToken();
        var issued = await (await PostAsync(bank, $"/api/v1/cards/applications/{applicationId}/card", new { cardToken = token, last4 = "1234" })).ReadJsonAsync();
        issued.GetProperty("status").GetString().ShouldBe("issued");
        issued.GetProperty("last4").GetString().ShouldBe("1234");
        var cardId = issued.GetProperty("id").GetGuid();

        var valid = await VerifyAsync(bank, token);
        valid.GetProperty("outcome").GetString().ShouldBe("valid");
        valid.GetProperty("level").GetString().ShouldBe("e");
        valid.GetProperty("maskedName").GetString()!.ShouldContain("*");
        valid.GetProperty("rights").GetArrayLength().ShouldBeGreaterThan(0);

        (await (await PostAsync(bank, $"/api/v1/cards/{cardId}/activate")).ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("active");
        (await (await PostAsync(bank, $"/api/v1/cards/{cardId}/loss", new { reason = "丢失" })).ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("lost");
        (await OutcomeAsync(bank, token)).ShouldBe(("refused", "card_lost"));

        var newToken = NewToken();
        var replacement = await (await PostAsync(bank, $"/api/v1/cards/{cardId}/replace", new { cardToken = newToken, last4 = "5678" })).ReadJsonAsync();
        replacement.GetProperty("replacesCardId").GetGuid().ShouldBe(cardId);
        (await OutcomeAsync(bank, token)).ShouldBe(("refused", "card_replaced"));
        (await OutcomeAsync(bank, newToken)).ShouldBe(("valid", "valid"));

        var replacementId = replacement.GetProperty("id").GetGuid();
        (await PostAsync(bank, $"/api/v1/cards/{replacementId}/cancel", new { reason = "客户销户" })).EnsureSuccessStatusCode();
        (await OutcomeAsync(bank, newToken)).ShouldBe(("refused", "card_cancelled"));

        var mine = await GetJsonAsync(talent, "/api/v1/me/cards");
        mine.GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("status").GetString()).Order().ShouldBe(["cancelled", "replaced"]);
        mine.GetProperty("applications").EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("closed");

        var events = await OutboxAsync(factory, customerRef);
        events.Select(e => e.Type).ShouldContain("card.application.created");
        events.First().Data.GetProperty("applicationId").GetGuid().ShouldBe(applicationId);
        events.First().Data.TryGetProperty("sharedData", out _).ShouldBeFalse(); // personal data is pulled (audited), never pushed
    }

    [Fact]
    public async Task Apply_BadInput_RefusedWithCodeAndNothingRecorded()
    {
        var (talent, _, _) = await FreshTalentAsync(factory);
        var bank = await PartnerIdAsync(talent, Zhongyuan);
        var version = await ConsentVersionAsync(talent);

        await (await ApplyAsync(talent, bank, version, consent: false)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cards.consent_required");
        await (await ApplyAsync(talent, bank, "2020-01-v0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cards.consent_version_outdated");
        await (await ApplyAsync(talent, Guid.NewGuid(), version)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cards.partner_unknown");
        var servicePoint = await TalentsApi.OrganisationIdAsync(factory, "sp-hospital-1");
        await (await ApplyAsync(talent, servicePoint, version)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cards.partner_unknown");
        (await GetJsonAsync(talent, "/api/v1/me/cards")).GetProperty("applications").GetArrayLength().ShouldBe(0);

        (await ApplyAsync(talent, bank, version)).EnsureSuccessStatusCode();
        await (await ApplyAsync(talent, bank, version)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "cards.application_exists");
        (await GetJsonAsync(talent, "/api/v1/me/cards")).GetProperty("applications").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task ReportCard_FullCardNumberOrBadInput_RefusedWithCodeAndNoCard()
    {
        var (talent, _, _) = await FreshTalentAsync(factory);
        var bank = await PartnerStaffAsync(factory, Zhongyuan);
        var applicationId = await AppliedAsync(talent, Zhongyuan);
        var path = $"/api/v1/cards/applications/{applicationId}/card";

        await (await PostAsync(bank, path, new { cardToken = NewToken(), last4 = "1234" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "cards.application_not_approved");
        (await PostAsync(bank, $"/api/v1/cards/applications/{applicationId}/approve")).EnsureSuccessStatusCode();
        await (await PostAsync(bank, $"/api/v1/cards/applications/{applicationId}/approve")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "cards.application_not_pending");

        await (await PostAsync(bank, path, new { cardToken = "6222021234567890123", last4 = "0123" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cards.full_card_number_refused");
        await (await PostAsync(bank, path, new { cardToken = "4111 1111 1111 1111", last4 = "1111" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cards.full_card_number_refused");
        await (await PostAsync(bank, path, new { cardToken = "tok_4111111111111111", last4 = "1111" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cards.full_card_number_refused");
        await (await PostAsync(bank, path, new { cardToken = NewToken(), last4 = "4111111111111111" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cards.full_card_number_refused");
        await (await PostAsync(bank, path, new { cardToken = NewToken(), last4 = "12345" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cards.last4_invalid");
        await (await PostAsync(bank, path, new { cardToken = "short", last4 = "1234" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cards.token_invalid");
        await (await PostAsync(bank, path, new { last4 = "1234" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cards.token_invalid");
        await (await PostAsync(bank, $"/api/v1/cards/applications/{Guid.NewGuid()}/card", new { cardToken = NewToken(), last4 = "1234" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "cards.application_not_found");
        await (await PostAsync(bank, $"/api/v1/cards/applications/{applicationId}/refuse", new { reason = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cards.reason_required");

        var application = await GetJsonAsync(bank, $"/api/v1/cards/applications/{applicationId}");
        application.GetProperty("status").GetString().ShouldBe("approved");
        var cards = await GetJsonAsync(bank, $"/api/v1/cards?q={application.GetProperty("customerRef").GetString()}");
        cards.GetProperty("total").GetInt64().ShouldBe(0);
        (await GetJsonAsync(talent, "/api/v1/me/cards")).GetProperty("cards").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task ReportCard_TokenAlreadyUsedByThisPartner_RefusedAsInUse()
    {
        var bank = await PartnerStaffAsync(factory, Zhongyuan);
        var token = NewToken();
        await IssuedCardAsync((await FreshTalentAsync(factory)).Client, bank, Zhongyuan, token);
        var other = await AppliedAsync((await FreshTalentAsync(factory)).Client, Zhongyuan);
        (await PostAsync(bank, $"/api/v1/cards/applications/{other}/approve")).EnsureSuccessStatusCode();

        await (await PostAsync(bank, $"/api/v1/cards/applications/{other}/card", new { cardToken = token, last4 = "9999" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "cards.token_in_use");
        (await GetJsonAsync(bank, $"/api/v1/cards/applications/{other}")).GetProperty("status").GetString().ShouldBe("approved");
    }

    [Fact]
    public async Task AnotherPartner_ApplicationsAndCards_Are404AndItsTokenIsUnknown()
    {
        var (talent, _, _) = await FreshTalentAsync(factory);
        var zhongyuan = await PartnerStaffAsync(factory, Zhongyuan);
        var icbc = await PartnerStaffAsync(factory, Icbc);
        var token = NewToken();
        var (applicationId, cardId, customerRef) = await IssuedCardAsync(talent, zhongyuan, Zhongyuan, token);
        var pendingId = await AppliedAsync((await FreshTalentAsync(factory)).Client, Zhongyuan);

        await (await icbc.GetAsync(new Uri($"/api/v1/cards/applications/{pendingId}", UriKind.Relative), Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "cards.application_not_found");
        await (await PostAsync(icbc, $"/api/v1/cards/applications/{pendingId}/approve")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "cards.application_not_found");
        await (await PostAsync(icbc, $"/api/v1/cards/applications/{pendingId}/refuse", new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "cards.application_not_found");
        await (await PostAsync(icbc, $"/api/v1/cards/applications/{applicationId}/card", new { cardToken = NewToken(), last4 = "1111" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "cards.application_not_found");
        await (await icbc.GetAsync(new Uri($"/api/v1/cards/{cardId}", UriKind.Relative), Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "cards.card_not_found");
        await (await PostAsync(icbc, $"/api/v1/cards/{cardId}/loss")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "cards.card_not_found");
        await (await PostAsync(icbc, $"/api/v1/cards/{cardId}/cancel", new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "cards.card_not_found");
        await (await PostAsync(icbc, $"/api/v1/cards/{cardId}/replace", new { cardToken = NewToken(), last4 = "1111" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "cards.card_not_found");
        (await OutcomeAsync(icbc, token)).ShouldBe(("unknown", "card_unknown"));
        (await GetJsonAsync(icbc, $"/api/v1/cards?q={customerRef}")).GetProperty("total").GetInt64().ShouldBe(0);
        var icbcQueue = await GetJsonAsync(icbc, "/api/v1/cards/applications?size=200");
        icbcQueue.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ShouldNotContain(pendingId);

        (await GetJsonAsync(zhongyuan, $"/api/v1/cards/applications/{pendingId}")).GetProperty("status").GetString().ShouldBe("pending");
        (await OutcomeAsync(zhongyuan, token)).ShouldBe(("valid", "valid"));
    }

    [Fact]
    public async Task WrongRoles_PartnerApiAndTalentApi_AreForbidden()
    {
        var (talent, _, _) = await FreshTalentAsync(factory);
        var bank = await PartnerStaffAsync(factory, Zhongyuan);

        await (await talent.GetAsync(new Uri("/api/v1/cards/applications", UriKind.Relative), Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await PostAsync(talent, "/api/v1/cards/verify", new { cardToken = CardsDemoToken })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await bank.GetAsync(new Uri("/api/v1/me/cards", UriKind.Relative), Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await factory.CreateAnonymousClient().PostAsJsonAsync("/api/v1/cards/verify", new { cardToken = CardsDemoToken }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "partners.signature_missing");
    }

    [Fact]
    public async Task Verify_DemoCardAndBadTokens_AnswersOrRefuses()
    {
        var bank = await PartnerStaffAsync(factory, Zhongyuan);

        var demo = await VerifyAsync(bank, CardsDemoToken);
        demo.GetProperty("outcome").GetString().ShouldBe("valid");
        demo.GetProperty("level").GetString().ShouldBe("c");
        demo.GetProperty("last4").GetString().ShouldBe("6688");
        (await OutcomeAsync(bank, NewToken())).ShouldBe(("unknown", "card_unknown"));
        await (await PostAsync(bank, "/api/v1/cards/verify", new { cardToken = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cards.token_missing");
        await (await PostAsync(bank, "/api/v1/cards/verify", new { cardToken = new string('x', 300) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cards.token_invalid");
    }

    [Fact]
    public async Task TalentSuspended_VerifyTurnsRed_AndOnlyTheHoldingPartnerGetsTheWebhook()
    {
        var (talent, talentId, _) = await FreshTalentAsync(factory);
        var zhongyuan = await PartnerStaffAsync(factory, Zhongyuan);
        var icbc = await PartnerStaffAsync(factory, Icbc);
        var token = NewToken();
        var (_, _, holderRef) = await IssuedCardAsync(talent, zhongyuan, Zhongyuan, token);
        var icbcApplication = await AppliedAsync(talent, Icbc); // applied, no card: not a holder
        var icbcRef = (await GetJsonAsync(icbc, $"/api/v1/cards/applications/{icbcApplication}")).GetProperty("customerRef").GetString()!;
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        await CodesApi.SetStatusAsync(office, talentId, "suspended");

        var answer = await VerifyAsync(zhongyuan, token);
        answer.GetProperty("outcome").GetString().ShouldBe("suspended");
        answer.GetProperty("reason").GetString().ShouldNotBeNullOrEmpty();
        var events = await OutboxEventuallyAsync(factory, holderRef, "talent.status.changed");
        var change = events.Single(e => e.Type == "talent.status.changed");
        change.Data.GetProperty("status").GetString().ShouldBe("suspended");
        change.Data.GetProperty("fromStatus").GetString().ShouldBe("active");
        change.Data.GetProperty("customerRef").GetString().ShouldBe(holderRef);
        change.Data.GetRawText().ShouldNotContain(talentId.ToString()); // the partner sees its own customer reference only
        (await OutboxAsync(factory, icbcRef)).Select(e => e.Type).ShouldBe(["card.application.created"]);

        await CodesApi.SetStatusAsync(office, talentId, "active");
        (await OutcomeAsync(zhongyuan, token)).ShouldBe(("valid", "valid"));
    }

    [Fact]
    public async Task TalentLevelChanged_HoldingPartnerGetsLevelWebhook_AndVerifyShowsNewLevel()
    {
        var (talent, talentId, _) = await FreshTalentAsync(factory);
        var bank = await PartnerStaffAsync(factory, Zhongyuan);
        var token = NewToken();
        var (_, _, customerRef) = await IssuedCardAsync(talent, bank, Zhongyuan, token);

        await CodesApi.SetLevelAsync(await factory.CreateClientAsAsync("demo-talentoffice"), talentId, "b");

        (await VerifyAsync(bank, token)).GetProperty("level").GetString().ShouldBe("b");
        var events = await OutboxEventuallyAsync(factory, customerRef, "talent.level.changed");
        var change = events.Single(e => e.Type == "talent.level.changed");
        change.Data.GetProperty("level").GetString().ShouldBe("b");
        change.Data.GetProperty("fromLevel").GetString().ShouldBe("e");
    }

    [Fact]
    public async Task WithdrawConsent_IssuedCard_CardCancelledPartnerToldAndSharedDataErased()
    {
        var (talent, _, _) = await FreshTalentAsync(factory);
        var bank = await PartnerStaffAsync(factory, Zhongyuan);
        var token = NewToken();
        var (applicationId, _, customerRef) = await IssuedCardAsync(talent, bank, Zhongyuan, token);

        var withdrawn = await (await talent.PostAsync(new Uri($"/api/v1/me/cards/applications/{applicationId}/withdraw", UriKind.Relative), null, Ct)).ReadJsonAsync();

        withdrawn.GetProperty("status").GetString().ShouldBe("withdrawn");
        withdrawn.GetProperty("consentWithdrawnAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await OutcomeAsync(bank, token)).ShouldBe(("refused", "card_cancelled"));
        var application = await GetJsonAsync(bank, $"/api/v1/cards/applications/{applicationId}");
        application.GetProperty("sharedData").ValueKind.ShouldBe(JsonValueKind.Null);
        var events = await OutboxAsync(factory, customerRef);
        events.Select(e => e.Type).ShouldBe(["card.application.created", "card.cancelled"]);
        events[1].Data.GetProperty("reason").GetString().ShouldBe("consent_withdrawn");
        await (await talent.PostAsync(new Uri($"/api/v1/me/cards/applications/{applicationId}/withdraw", UriKind.Relative), null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "cards.application_closed");
    }

    [Fact]
    public async Task WithdrawConsent_PendingApplication_WithdrawnAndLeavesTheQueue()
    {
        var (talent, _, _) = await FreshTalentAsync(factory);
        var bank = await PartnerStaffAsync(factory, Zhongyuan);
        var applicationId = await AppliedAsync(talent, Zhongyuan);
        var other = await FreshTalentAsync(factory);

        await (await other.Client.PostAsync(new Uri($"/api/v1/me/cards/applications/{applicationId}/withdraw", UriKind.Relative), null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "cards.application_not_found");
        (await talent.PostAsync(new Uri($"/api/v1/me/cards/applications/{applicationId}/withdraw", UriKind.Relative), null, Ct)).EnsureSuccessStatusCode();

        var application = await GetJsonAsync(bank, $"/api/v1/cards/applications/{applicationId}");
        application.GetProperty("status").GetString().ShouldBe("withdrawn");
        await (await PostAsync(bank, $"/api/v1/cards/applications/{applicationId}/approve")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "cards.application_not_pending");
        var events = await OutboxAsync(factory, application.GetProperty("customerRef").GetString()!);
        events.Select(e => e.Type).ShouldBe(["card.application.created", "card.application.withdrawn"]);
        (await AppliedAsync(talent, Zhongyuan)).ShouldNotBe(applicationId); // may apply again
    }

    [Fact]
    public async Task CardTransitions_NotAllowedFromCurrentStatus_AreConflicts()
    {
        var bank = await PartnerStaffAsync(factory, Zhongyuan);
        var (_, cardId, _) = await IssuedCardAsync((await FreshTalentAsync(factory)).Client, bank, Zhongyuan, NewToken());
        (await PostAsync(bank, $"/api/v1/cards/{cardId}/cancel", new { reason = "测试" })).EnsureSuccessStatusCode();

        await (await PostAsync(bank, $"/api/v1/cards/{cardId}/activate")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "cards.status_transition_invalid");
        await (await PostAsync(bank, $"/api/v1/cards/{cardId}/loss")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "cards.status_transition_invalid");
        await (await PostAsync(bank, $"/api/v1/cards/{cardId}/replace", new { cardToken = NewToken(), last4 = "1111" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "cards.status_transition_invalid");
        await (await PostAsync(bank, $"/api/v1/cards/{cardId}/cancel", new { reason = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cards.reason_required");
        (await GetJsonAsync(bank, $"/api/v1/cards/{cardId}")).GetProperty("status").GetString().ShouldBe("cancelled");
    }

    [Fact]
    public async Task PartnerSuspendedThenReinstatedThenLeft_ItsCardsRefusedThenValidThenCancelled()
    {
        var (talent, _, _) = await FreshTalentAsync(factory);
        var ccb = await PartnerStaffAsync(factory, Ccb);
        var zhongyuan = await PartnerStaffAsync(factory, Zhongyuan);
        var token = NewToken();
        var (_, cardId, _) = await IssuedCardAsync(talent, ccb, Ccb, token);
        var otherToken = NewToken();
        await IssuedCardAsync(talent, zhongyuan, Zhongyuan, otherToken);
        var ccbId = await TalentsApi.OrganisationIdAsync(factory, Ccb);

        // The Partners module calls every IPartnerStatusHandler after its commit; here the Cards handler alone is
        // called, so the partner stays active in the Partners module (its API keeps answering) and the card rule shows.
        await ChangePartnerStatusAsync(ccbId, "active", "suspended");
        (await OutcomeAsync(ccb, token)).ShouldBe(("refused", "partner_suspended"));
        (await OutcomeAsync(zhongyuan, otherToken)).ShouldBe(("valid", "valid"));

        await ChangePartnerStatusAsync(ccbId, "suspended", "active");
        (await OutcomeAsync(ccb, token)).ShouldBe(("valid", "valid"));

        await ChangePartnerStatusAsync(ccbId, "active", "left");
        (await OutcomeAsync(ccb, token)).ShouldBe(("refused", "card_cancelled"));
        (await GetJsonAsync(ccb, $"/api/v1/cards/{cardId}")).GetProperty("statusReason").GetString().ShouldBe("partner_left");
        (await OutcomeAsync(zhongyuan, otherToken)).ShouldBe(("valid", "valid"));
    }

    private async Task ChangePartnerStatusAsync(Guid partnerId, string from, string to) =>
        await factory.WithScopeAsync(async services =>
        {
            var handler = services.GetServices<TalentPass.Modules.Partners.Contracts.IPartnerStatusHandler>().Single(h => h.GetType().Name == "CardsPartnerStatusHandler");
            await handler.HandleAsync(new TalentPass.Modules.Partners.Contracts.PartnerStatusChanged(partnerId, from, to, "测试 / test", TimeProvider.System.GetUtcNow()), Ct);
            return true;
        });

    private const string CardsDemoToken = "ZY-DEMO-CARD-A1";
}
