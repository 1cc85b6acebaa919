using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.Webhooks;

/// <summary>The partner API for a partner's own webhook endpoint and deliveries, and the talent office's view.</summary>
public sealed class WebhookEndpointApiTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveEndpoint_New_ReturnsTheSecretOnceAndEventsArriveSignedWithIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (partner, client) = await WebhookPartners.CreateAsync(factory);

        var saved = await (await client.SendAsync(HttpMethod.Put, "/api/v1/webhooks/endpoint", new { url = receiver.Url, enabled = true })).ReadJsonAsync();
        var secret = saved.GetProperty("secret").GetString().ShouldNotBeNull();
        secret.ShouldStartWith("whsec_");
        receiver.Secret = secret;
        var again = await (await client.SendAsync(HttpMethod.Put, "/api/v1/webhooks/endpoint", new { url = receiver.Url, enabled = true })).ReadJsonAsync();
        again.GetProperty("secret").ValueKind.ShouldBe(JsonValueKind.Null, "the secret is shown only when created");
        var read = await client.GetStringAsync("/api/v1/webhooks/endpoint", Ct);
        read.ShouldNotContain("whsec_");

        var e = WebhookTestData.Event(partner, "talent:x", 1, "talent.status.changed");
        await WebhookTestData.EnqueueAsync(factory, [e]);
        await WebhookTestData.WaitUntilAsync(() => Task.FromResult(receiver.Accepted.Count == 1), "the event arrives");

        var got = receiver.Accepted[0];
        got.Id.ShouldBe(e.EventId.ToString());
        got.SignatureValid.ShouldBeTrue();
        got.Json.GetProperty("type").GetString().ShouldBe("talent.status.changed");
        got.Json.GetProperty("data").GetProperty("n").GetInt32().ShouldBe(1);
        var deliveries = await client.GetFromJsonAsync<JsonElement>("/api/v1/webhooks/deliveries?status=delivered", Ct);
        deliveries.GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("id").GetGuid().ShouldBe(e.EventId);
    }

    [Fact]
    public async Task RotateSecret_WithOverlap_EventsCarrySignaturesForTheNewAndThePreviousSecret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (partner, client) = await WebhookPartners.CreateAsync(factory);
        var saved = await (await client.SendAsync(HttpMethod.Put, "/api/v1/webhooks/endpoint", new { url = receiver.Url })).ReadJsonAsync();
        var oldSecret = saved.GetProperty("secret").GetString()!;

        var rotated = await (await client.SendAsync(HttpMethod.Post, "/api/v1/webhooks/endpoint/rotate-secret", new { overlapHours = 2 })).ReadJsonAsync();
        var newSecret = rotated.GetProperty("secret").GetString()!;
        receiver.Secret = newSecret;
        await WebhookTestData.EnqueueAsync(factory, [WebhookTestData.Event(partner, "k", 1)]);
        await WebhookTestData.WaitUntilAsync(() => Task.FromResult(receiver.Accepted.Count == 1), "the event arrives");

        newSecret.ShouldNotBe(oldSecret);
        var got = receiver.Accepted[0];
        got.SignatureValid.ShouldBeTrue();
        WebhookReceiver.Verify(oldSecret, got.Id, got.Timestamp, got.Body, got.Signature).ShouldBeTrue("the previous secret still verifies during the overlap");
        got.Signature.Split(' ').Length.ShouldBe(2);
    }

    [Theory]
    [InlineData("ftp://example.com/hook", "webhooks.url_invalid")]
    [InlineData("http://user:pw@example.com/hook", "webhooks.url_invalid")]
    [InlineData("not a url", "webhooks.url_invalid")]
    [InlineData("http://169.254.169.254/latest/meta-data", "webhooks.url_not_allowed")]
    [InlineData("http://10.1.2.3/hook", "webhooks.url_not_allowed")]
    [InlineData("http://0.0.0.0/hook", "webhooks.url_not_allowed")]
    public async Task SaveEndpoint_UnsafeOrMalformedUrl_IsRefused(string url, string code)
    {
        var (_, client) = await WebhookPartners.CreateAsync(factory);

        var response = await client.SendAsync(HttpMethod.Put, "/api/v1/webhooks/endpoint", new { url });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        (await client.GetAsync("/api/v1/webhooks/endpoint", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deliveries_AnotherPartnersEvent_IsNotFoundAndNotListed()
    {
        var (partner, client) = await WebhookPartners.CreateAsync(factory);
        var other = Guid.NewGuid();
        var mine = WebhookTestData.Event(partner, "k", 1);
        var theirs = WebhookTestData.Event(other, "k", 1);
        await WebhookTestData.EnqueueAsync(factory, [mine, theirs]);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/webhooks/deliveries", Ct);
        var detail = await client.GetAsync($"/api/v1/webhooks/deliveries/{theirs.EventId}", Ct);
        var redeliver = await client.SendAsync(HttpMethod.Post, $"/api/v1/webhooks/deliveries/{theirs.EventId}/redeliver", new { });
        var office = await (await factory.CreateClientAsAsync("demo-talentoffice")).GetAsync($"/api/v1/webhooks/office/deliveries/{theirs.EventId}", Ct);

        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([mine.EventId]);
        await detail.ShouldBeProblemAsync(HttpStatusCode.NotFound, "webhooks.delivery_not_found");
        await redeliver.ShouldBeProblemAsync(HttpStatusCode.NotFound, "webhooks.delivery_not_found");
        office.StatusCode.ShouldBe(HttpStatusCode.OK, "the talent office sees every partner's deliveries");
    }

    [Fact]
    public async Task PartnerApi_NonPartnerAccounts_AreForbidden()
    {
        var talent = await factory.CreateClientAsAsync("demo-talent");
        var bank = await factory.CreateClientAsAsync("demo-bank");

        (await talent.GetAsync("/api/v1/webhooks/deliveries", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await bank.GetAsync("/api/v1/webhooks/office/endpoints", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
