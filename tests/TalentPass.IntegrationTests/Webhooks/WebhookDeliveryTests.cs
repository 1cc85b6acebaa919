using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Persistence;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Webhooks.Contracts;

namespace TalentPass.IntegrationTests.Webhooks;

/// <summary>
/// The outbox and the dispatcher against a real HTTP partner stand-in (its own Kestrel): at least once, in order per
/// ordering key, nothing twice after confirmation, failures visible and redeliverable, a failing key not holding
/// back the others.
/// </summary>
public sealed class WebhookDeliveryTests(TalentPassFactory factory)
{
    [Fact]
    public async Task Enqueue_SeveralEventsPerKeyInOneTransaction_NumbersEachKeyConsecutively()
    {
        var partner = Guid.NewGuid(); // no endpoint: the events stay pending
        await WebhookTestData.EnqueueAsync(factory, [WebhookTestData.Event(partner, "a", 1), WebhookTestData.Event(partner, "b", 1), WebhookTestData.Event(partner, "a", 2)]);
        await WebhookTestData.EnqueueAsync(factory, [WebhookTestData.Event(partner, "a", 3)]);

        var rows = await WebhookTestData.RowsAsync(factory, partner);

        rows.Select(r => (r.OrderingKey, r.Sequence, N: JsonDocument.Parse(r.DataJson).RootElement.GetProperty("n").GetInt32()))
            .ShouldBe([("a", 1L, 1), ("a", 2L, 2), ("a", 3L, 3), ("b", 1L, 1)]);
        rows.ShouldAllBe(r => r.Status == "pending" && r.Attempts == 0);
    }

    [Fact]
    public async Task Enqueue_CallerRollsBack_NothingIsStoredOrNumbered()
    {
        var ct = TestContext.Current.CancellationToken;
        var partner = Guid.NewGuid();
        await factory.WithScopeAsync(async sp =>
        {
            await using var connection = await sp.GetRequiredService<IDbConnectionFactory>().OpenAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await sp.GetRequiredService<IWebhookOutbox>().EnqueueAsync(connection, tx, [WebhookTestData.Event(partner, "k", 1)], ct);
            await tx.RollbackAsync(ct);
            return 0;
        });
        await WebhookTestData.EnqueueAsync(factory, [WebhookTestData.Event(partner, "k", 2)]);

        var rows = await WebhookTestData.RowsAsync(factory, partner);

        rows.Count.ShouldBe(1);
        rows[0].Sequence.ShouldBe(1);
    }

    [Fact]
    public async Task Deliver_ReceiverStoppedAndRestartedMidStream_EveryEventArrivesOnceInOrderPerKey()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var partner = await WebhookTestData.NewPartnerAsync(factory, receiver);
        string[] keys = ["talent:1", "talent:2", "talent:3", "talent:4"];
        var first = keys.SelectMany(k => Enumerable.Range(1, 10).Select(n => WebhookTestData.Event(partner, k, n))).ToList();
        var second = keys.SelectMany(k => Enumerable.Range(11, 10).Select(n => WebhookTestData.Event(partner, k, n))).ToList();

        await WebhookTestData.EnqueueAsync(factory, first);
        await WebhookTestData.WaitUntilAsync(() => Task.FromResult(receiver.Accepted.Count > 0), "the first events arrive");
        await receiver.StopAsync();
        await WebhookTestData.EnqueueAsync(factory, second);
        await WebhookTestData.WaitUntilAsync(
            async () => (await WebhookTestData.RowsAsync(factory, partner)).Any(r => r.Status == "pending" && r.Attempts > 0 && r.LastError != null),
            "an attempt fails while the partner is down");
        await receiver.StartAgainAsync();
        await WebhookTestData.WaitUntilAsync(
            async () => (await WebhookTestData.RowsAsync(factory, partner)).All(r => r.Status == "delivered"),
            "every event is delivered");

        var accepted = receiver.Accepted;
        var all = first.Concat(second).ToList();
        accepted.Select(r => r.Id).Order().ShouldBe(all.Select(e => e.EventId.ToString()).Order(), "each event confirmed exactly once");
        accepted.ShouldAllBe(r => r.SignatureValid);
        foreach (var key in keys)
        {
            accepted.Where(r => r.OrderingKeyHint == key).Select(r => r.Json.GetProperty("data").GetProperty("n").GetInt32())
                .ShouldBe(Enumerable.Range(1, 20), $"events of {key} arrive in order");
        }
    }

    [Fact]
    public async Task Deliver_OneKeyRejected_OtherKeysFlowAndTheFailureIsVisibleThenRedeliveredInOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync();
        var rejecting = true;
        receiver.Answer = json => rejecting && json.GetProperty("data").GetProperty("key").GetString() == "bad" ? 500 : 200;
        var partner = await WebhookTestData.NewPartnerAsync(factory, receiver);
        var bad1 = WebhookTestData.Event(partner, "bad", 1);
        var bad2 = WebhookTestData.Event(partner, "bad", 2);
        await WebhookTestData.EnqueueAsync(factory, [bad1, bad2]);
        var good = Enumerable.Range(1, 5).Select(n => WebhookTestData.Event(partner, "good", n)).ToList();
        await WebhookTestData.EnqueueAsync(factory, good);

        await WebhookTestData.WaitUntilAsync(
            async () => (await WebhookTestData.RowsAsync(factory, partner)).Single(r => r.Id == bad1.EventId).Status == "failed",
            "the rejected event is marked failed after the maximum age");
        var rows = await WebhookTestData.RowsAsync(factory, partner);
        rows.Where(r => r.OrderingKey == "good").ShouldAllBe(r => r.Status == "delivered");
        rows.Single(r => r.Id == bad2.EventId).ShouldSatisfyAllConditions(r => r.Status.ShouldBe("pending"), r => r.Attempts.ShouldBe(0));
        receiver.Accepted.ShouldNotContain(r => r.Id == bad2.EventId.ToString(), "a later event is never sent before an earlier one is delivered");

        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var failed = await office.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/office/deliveries?partnerId={partner}&status=failed", ct);
        var item = failed.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        item.GetProperty("id").GetGuid().ShouldBe(bad1.EventId);
        item.GetProperty("lastError").GetString().ShouldStartWith("HTTP 500");
        item.GetProperty("attempts").GetInt32().ShouldBeGreaterThan(1);
        var blocked = await office.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/office/deliveries/{bad2.EventId}", ct);
        blocked.GetProperty("delivery").GetProperty("blocked").GetBoolean().ShouldBeTrue();

        rejecting = false;
        var redeliver = await office.PostAsync($"/api/v1/webhooks/office/deliveries/{bad1.EventId}/redeliver", null, ct);
        redeliver.EnsureSuccessStatusCode();
        await WebhookTestData.WaitUntilAsync(
            async () => (await WebhookTestData.RowsAsync(factory, partner)).All(r => r.Status == "delivered"),
            "the redelivered event and the one behind it are delivered");
        receiver.Accepted.Where(r => r.OrderingKeyHint == "bad").Select(r => r.Id).ShouldBe([bad1.EventId.ToString(), bad2.EventId.ToString()]);

        var again = await office.PostAsync($"/api/v1/webhooks/office/deliveries/{bad1.EventId}/redeliver", null, ct);
        await again.ShouldBeProblemAsync(System.Net.HttpStatusCode.Conflict, "webhooks.not_redeliverable");
    }
}
