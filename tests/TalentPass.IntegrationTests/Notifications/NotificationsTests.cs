using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Identity;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.Modules.Notifications.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Notifications;

/// <summary>
/// Inbox and SMS on the real host. The SMS tests share <see cref="SmsTestGateway"/> (one test stops it), so they live
/// in this one class, whose tests run one after another.
/// </summary>
public sealed class NotificationsTests(TalentPassFactory factory) : IAsyncLifetime
{
    public ValueTask InitializeAsync() => new(SmsTestGateway.StartAsync());

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Inbox_TwoAccounts_EachSeesReadsAndCountsOnlyItsOwn()
    {
        var (alice, aliceId) = await AccountAsync();
        var (bob, bobId) = await AccountAsync();
        await NotifyAsync(Draft(aliceId, "for alice 1"));
        await NotifyAsync(Draft(aliceId, "for alice 2"));
        await NotifyAsync(Draft(bobId, "for bob"));

        var aliceInbox = await (await alice.GetAsync(new Uri("/api/v1/notifications", UriKind.Relative), Ct)).ReadJsonAsync();
        var bobInbox = await (await bob.GetAsync(new Uri("/api/v1/notifications", UriKind.Relative), Ct)).ReadJsonAsync();

        Titles(aliceInbox).ShouldBe(["for alice 2", "for alice 1"], ignoreOrder: true);
        // Newest first, to the millisecond: the list is ordered by version-7 ids, whose order within one millisecond is random.
        var created = aliceInbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("createdAt").GetDateTimeOffset().ToUnixTimeMilliseconds()).ToList();
        created.ShouldBe(created.OrderDescending().ToList());
        Titles(bobInbox).ShouldBe(["for bob"]);
        (await UnreadAsync(alice)).ShouldBe(2);
        var bobsMessage = bobInbox.GetProperty("items")[0].GetProperty("id").GetGuid();
        await (await alice.PostAsync(new Uri($"/api/v1/notifications/{bobsMessage}/read", UriKind.Relative), null, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "notifications.not_found");
        (await UnreadAsync(bob)).ShouldBe(1);

        var first = aliceInbox.GetProperty("items")[0].GetProperty("id").GetGuid();
        (await alice.PostAsync(new Uri($"/api/v1/notifications/{first}/read", UriKind.Relative), null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await UnreadAsync(alice)).ShouldBe(1);
        var unreadOnly = await (await alice.GetAsync(new Uri("/api/v1/notifications?unread=true", UriKind.Relative), Ct)).ReadJsonAsync();
        Titles(unreadOnly).ShouldBe(["for alice 1"]);
        var all = await (await alice.PostAsync(new Uri("/api/v1/notifications/read-all", UriKind.Relative), null, Ct)).ReadJsonAsync();
        all.GetProperty("marked").GetInt32().ShouldBe(1);
        (await UnreadAsync(alice)).ShouldBe(0);
        (await UnreadAsync(bob)).ShouldBe(1);
    }

    [Fact]
    public async Task Notify_SameDeduplicationKeyConcurrently_OneMessageAndOneSms()
    {
        var (client, accountId) = await AccountAsync();
        var talentId = await TalentAsync();
        var key = "test:" + Guid.NewGuid().ToString("N");

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => NotifyAsync(Draft(accountId, $"dedup {i}") with { DeduplicationKey = key, SmsTalentId = talentId })));
        await NotifyAsync(Draft(accountId, "dedup later") with { DeduplicationKey = key, SmsTalentId = talentId });

        var inbox = await (await client.GetAsync(new Uri("/api/v1/notifications", UriKind.Relative), Ct)).ReadJsonAsync();
        inbox.GetProperty("total").GetInt32().ShouldBe(1);
        var sent = await WaitForSmsAsync(talentId, "sent");
        sent.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Sms_TalentWithPhone_ReachesTheGatewayOnceWithTheRegisteredPhone()
    {
        var (_, accountId) = await AccountAsync();
        var talentId = await TalentAsync();

        await NotifyAsync(Draft(accountId, "审批通过") with { SmsTalentId = talentId, Link = "/me" });
        var row = (await WaitForSmsAsync(talentId, "sent"))[0];

        var messages = await SmsTestGateway.MessagesAsync(row.GetProperty("id").GetGuid(), Ct);
        messages.Count.ShouldBe(1);
        messages[0].GetProperty("to").GetString().ShouldBe("13812345678");
        messages[0].GetProperty("template").GetString().ShouldBe("tests.notice");
        messages[0].GetProperty("params").GetProperty("title").GetString().ShouldBe("审批通过");
        row.GetProperty("gatewayMessageId").GetString().ShouldBe(messages[0].GetProperty("messageId").GetString());
        row.TryGetProperty("phone", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Sms_GatewayDown_RetriedLaterAndDeliveredOnce()
    {
        var (_, accountId) = await AccountAsync();
        var talentId = await TalentAsync();
        await SmsTestGateway.StopAsync();
        JsonElement waiting;
        try
        {
            await NotifyAsync(Draft(accountId, "gateway down") with { SmsTalentId = talentId });
            waiting = await WaitForAsync(talentId, rows => rows.GetArrayLength() == 1 && rows[0].GetProperty("attempts").GetInt32() >= 2 ? rows[0] : (JsonElement?)null);
        }
        finally
        {
            await SmsTestGateway.StartAsync();
        }

        waiting.GetProperty("status").GetString().ShouldBe("pending");
        waiting.GetProperty("lastError").GetString()!.ShouldContain("unreachable");
        var sent = (await WaitForSmsAsync(talentId, "sent"))[0];
        (await SmsTestGateway.MessagesAsync(sent.GetProperty("id").GetGuid(), Ct)).Count.ShouldBe(1);
        sent.GetProperty("attempts").GetInt32().ShouldBeGreaterThan(2);
    }

    [Fact]
    public async Task Sms_TalentWithoutPhone_FailsVisiblyAndCanBeQueuedAgain()
    {
        var (_, accountId) = await AccountAsync();
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var talentId = await TalentsApi.RegisterAsync(office, new { name = TalentsApi.UniqueName(), idNumber = TalentsApi.NewIdNumber(), level = "e", category = "science" });
        var operatorClient = await factory.CreateClientAsAsync("demo-operator");

        await NotifyAsync(Draft(accountId, "no phone") with { SmsTalentId = talentId });
        var failed = (await WaitForSmsAsync(talentId, "failed"))[0];
        failed.GetProperty("lastError").GetString()!.ShouldContain("no phone");

        var id = failed.GetProperty("id").GetGuid();
        (await operatorClient.PostAsync(new Uri($"/api/v1/notifications/sms/{id}/retry", UriKind.Relative), null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var again = (await WaitForSmsAsync(talentId, "failed", minAttempts: 1))[0];
        again.GetProperty("id").GetGuid().ShouldBe(id);
        var talentClient = await factory.CreateClientAsAsync("demo-talent");
        await (await talentClient.GetAsync(new Uri("/api/v1/notifications/sms", UriKind.Relative), Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Inbox_Anonymous_Unauthenticated()
    {
        var response = await factory.CreateAnonymousClient().GetAsync(new Uri("/api/v1/notifications/unread-count", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    private static NotificationDraft Draft(Guid recipient, string title) =>
        new(recipient, "tests.notice", title, title + " (en)", "正文", "Body");

    private static IReadOnlyList<string> Titles(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("titleZh").GetString()!).ToList();

    private static async Task<int> UnreadAsync(HttpClient client) =>
        (await (await client.GetAsync(new Uri("/api/v1/notifications/unread-count", UriKind.Relative), Ct)).ReadJsonAsync()).GetProperty("unread").GetInt32();

    private Task NotifyAsync(NotificationDraft draft) =>
        factory.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<INotifier>().NotifyAsync(draft, Ct);
            return true;
        });

    private async Task<(HttpClient Client, Guid AccountId)> AccountAsync()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var username = IdentityApi.UniqueName("inbox");
        var account = await IdentityApi.CreateAccountAsync(office, username, [Roles.Talent], null);
        return (await factory.CreateClientAsAsync(username, IdentityApi.StrongPassword), account.GetProperty("id").GetGuid());
    }

    /// <summary>A fresh talent registered with the test phone number 13812345678.</summary>
    private async Task<Guid> TalentAsync() =>
        await TalentsApi.RegisterAsync(await factory.CreateClientAsAsync("demo-talentoffice"), TalentsApi.UniqueName(), level: "e");

    /// <summary>The talent's outbox rows once all have <paramref name="status"/> (polls the staff API; gives up after 60 s).</summary>
    private Task<JsonElement> WaitForSmsAsync(Guid talentId, string status, int minAttempts = 0) =>
        WaitForAsync(talentId, rows => rows.GetArrayLength() > 0 && rows.EnumerateArray().All(r => r.GetProperty("status").GetString() == status && r.GetProperty("attempts").GetInt32() >= minAttempts) ? rows : (JsonElement?)null);

    private async Task<JsonElement> WaitForAsync(Guid talentId, Func<JsonElement, JsonElement?> condition)
    {
        var staff = await factory.CreateClientAsAsync("demo-operator");
        var last = default(JsonElement);
        for (var i = 0; i < 300; i++)
        {
            var page = await (await staff.GetAsync(new Uri($"/api/v1/notifications/sms?talentId={talentId}", UriKind.Relative), Ct)).ReadJsonAsync();
            last = page.GetProperty("items");
            if (condition(last) is { } done)
            {
                return done;
            }

            await Task.Delay(200, Ct);
        }

        throw new ShouldAssertException($"The SMS outbox of talent {talentId} never reached the expected state; last seen: {last}");
    }
}
