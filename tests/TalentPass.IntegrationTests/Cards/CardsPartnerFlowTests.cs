using System.Net;
using System.Net.Http.Json;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Partners;
using static TalentPass.IntegrationTests.Cards.CardsApi;

namespace TalentPass.IntegrationTests.Cards;

/// <summary>
/// A freshly onboarded bank working through HMAC-signed requests (its own API key): it receives an application, issues
/// a card idempotently and verifies it; its suspension, reinstatement and departure in the Partners module reach its cards.
/// </summary>
public sealed class CardsPartnerFlowTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnboardedBank_SignedRequests_IssuesIdempotentlyAndVerifies_ThenSuspendedReinstatedLeft()
    {
        var partner = await PartnersApi.OnboardAsync(factory);
        var signed = PartnersApi.Signed(factory, partner);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var (talent, _, _) = await FreshTalentAsync(factory);

        var applicationId = await AppliedAsync(talent, partner.Code);
        var queue = await GetJsonAsync(signed, "/api/v1/cards/applications");
        var item = queue.GetProperty("items").EnumerateArray().Single();
        item.GetProperty("id").GetGuid().ShouldBe(applicationId);
        item.GetProperty("sharedData").GetProperty("phone").GetString().ShouldNotBeNullOrEmpty();
        (await PostAsync(signed, $"/api/v1/cards/applications/{applicationId}/approve")).EnsureSuccessStatusCode();

        var token = NewToken("sig");
        var key = Guid.NewGuid().ToString("N");
        var first = await IssueAsync(signed, applicationId, token, key);
        var replay = await IssueAsync(signed, applicationId, token, key);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        replay.StatusCode.ShouldBe(HttpStatusCode.Created);
        replay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await replay.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
        (await GetJsonAsync(signed, "/api/v1/cards")).GetProperty("total").GetInt64().ShouldBe(1);
        (await OutcomeAsync(signed, token)).ShouldBe(("valid", "valid"));

        await StatusAsync(office, partner, "suspend");
        await (await PostAsync(signed, "/api/v1/cards/verify", new { cardToken = token })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "partners.partner_not_active");
        var offer = await GetJsonAsync(talent, "/api/v1/me/cards/offer");
        offer.GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ShouldNotContain(partner.Code);

        await StatusAsync(office, partner, "reinstate");
        (await OutcomeAsync(signed, token)).ShouldBe(("valid", "valid"));

        await StatusAsync(office, partner, "leave");
        var mine = await GetJsonAsync(talent, "/api/v1/me/cards");
        var card = mine.GetProperty("cards").EnumerateArray().Single();
        card.GetProperty("status").GetString().ShouldBe("cancelled");
        card.GetProperty("statusReason").GetString().ShouldBe("partner_left");
        mine.GetProperty("applications").EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("closed");
    }

    private static Task<HttpResponseMessage> IssueAsync(HttpClient client, Guid applicationId, string token, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/cards/applications/{applicationId}/card", UriKind.Relative))
        {
            Content = JsonContent.Create(new { cardToken = token, last4 = "2468" }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request, Ct);
    }

    private static async Task StatusAsync(HttpClient office, OnboardedPartner partner, string action) =>
        (await office.PostAsJsonAsync($"/api/v1/partners/{partner.OrganisationId}/status", new { action, reason = "测试 / test" }, Ct)).EnsureSuccessStatusCode();
}
