using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Infrastructure.Security;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Webhooks.Contracts;
using TalentPass.Modules.Webhooks.Domain;
using TalentPass.Modules.Webhooks.Persistence;

namespace TalentPass.IntegrationTests.Webhooks;

/// <summary>Test set-up straight through the module's services: a partner (a fresh id) with an endpoint, and events enqueued as Cards does.</summary>
internal static class WebhookTestData
{
    /// <summary>Registers an endpoint for a new partner id pointing at <paramref name="receiver"/> and gives the receiver the secret.</summary>
    public static async Task<Guid> NewPartnerAsync(TalentPassFactory factory, WebhookReceiver receiver)
    {
        var partner = Guid.NewGuid();
        var secret = WebhookSigner.NewSecret();
        receiver.Secret = secret;
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<WebhooksDbContext>();
            var now = TimeProvider.System.GetUtcNow();
            db.Endpoints.Add(new EndpointRow
            {
                PartnerOrganisationId = partner,
                Url = receiver.Url,
                Enabled = true,
                SecretCipher = sp.GetRequiredService<IFieldProtector>().Protect(secret),
                SecretCreatedAt = now,
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return 0;
        });
        return partner;
    }

    public static WebhookEventDraft Event(Guid partner, string key, int n, string type = "test.event") =>
        new(Guid.NewGuid(), partner, type, key, JsonSerializer.Serialize(new { key, n }), TimeProvider.System.GetUtcNow());

    /// <summary>Enqueues in one transaction on a raw connection (the way a module calls the outbox inside its own transaction).</summary>
    public static async Task EnqueueAsync(TalentPassFactory factory, IReadOnlyList<WebhookEventDraft> events)
    {
        await factory.WithScopeAsync(async sp =>
        {
            var ct = TestContext.Current.CancellationToken;
            await using var connection = await sp.GetRequiredService<IDbConnectionFactory>().OpenAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await sp.GetRequiredService<IWebhookOutbox>().EnqueueAsync(connection, tx, events, ct);
            await tx.CommitAsync(ct);
            return 0;
        });
    }

    public static async Task<List<OutboxRow>> RowsAsync(TalentPassFactory factory, Guid partner) =>
        await factory.WithScopeAsync(async sp => await sp.GetRequiredService<WebhooksDbContext>().Outbox.AsNoTracking()
            .Where(o => o.PartnerOrganisationId == partner).OrderBy(o => o.OrderingKey).ThenBy(o => o.Sequence).ToListAsync(TestContext.Current.CancellationToken));

    /// <summary>Polls until <paramref name="done"/> holds (the test's own cancellation token bounds the wait).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> done, string what)
    {
        var ct = TestContext.Current.CancellationToken;
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(90);
        while (!await done())
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Gave up waiting: {what}");
            }

            await Task.Delay(100, ct);
        }
    }
}
