using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Jobs;
using TalentPass.Modules.Cards.Domain;
using TalentPass.Modules.Cards.Features.Events;
using TalentPass.Modules.Cards.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.Modules.Webhooks.Contracts;

namespace TalentPass.Modules.Cards.Features.Sync;

/// <summary>Wakes the feed consumer at once when this node committed a registry change.</summary>
internal sealed class FeedSignal : WakeSignal;

/// <summary>The in-process hook: a committed level or status change wakes the consumer (the feed carries the data).</summary>
internal sealed class CardsTalentEventHandler(FeedSignal signal) : ITalentEventHandler
{
    public Task HandleAsync(TalentLevelChanged change, CancellationToken cancellationToken)
    {
        signal.Wake();
        return Task.CompletedTask;
    }

    public Task HandleAsync(TalentStatusChanged change, CancellationToken cancellationToken)
    {
        signal.Wake();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Turns the talent registry's durable feed into partner webhooks: for each level or status change, one event per
/// partner holding a live card (issued, active, lost) of that talent. The events and the cursor move are written in
/// one transaction, so every change reaches each holding partner exactly once into the outbox even if the process
/// dies. Multi-node safe: the transaction starts by updating the cursor row, which serialises consumers (a row lock
/// on PostgreSQL, the write lock on SQLite); a second node then reads the moved cursor.
/// </summary>
internal sealed class TalentFeedProcessor(CardsDbContext db, ITalentEventFeed feed, CardWebhooks webhooks, TimeProvider clock)
{
    /// <summary>Processes one batch; returns how many feed events were consumed.</summary>
    public async Task<int> ProcessBatchAsync(int max, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("UPDATE cards_feed_cursor SET last_sequence = last_sequence WHERE id = 1", ct);
        var cursor = await db.FeedCursor.SingleAsync(c => c.Id == 1, ct);
        var events = await feed.ReadAsync(cursor.LastSequence, max, ct);
        if (events.Count == 0)
        {
            await tx.RollbackAsync(ct);
            return 0;
        }

        var talentIds = events.Select(e => e.TalentId).Distinct().ToList();
        var holders = await db.Cards.AsNoTracking()
            .Where(c => talentIds.Contains(c.TalentId) && Card.LiveStatuses.Contains(c.Status))
            .Select(c => new { c.TalentId, c.PartnerId, c.CustomerRef, c.Id, c.Last4, c.Status })
            .ToListAsync(ct);
        var byTalent = holders.ToLookup(h => h.TalentId);

        var drafts = new List<WebhookEventDraft>();
        foreach (var e in events)
        {
            var type = e.Kind switch
            {
                "level_changed" => CardEventTypes.TalentLevelChanged,
                "status_changed" => CardEventTypes.TalentStatusChanged,
                _ => null,
            };
            if (type is null)
            {
                continue;
            }

            foreach (var partner in byTalent[e.TalentId].GroupBy(h => h.PartnerId))
            {
                var customerRef = partner.First().CustomerRef;
                drafts.Add(CardWebhooks.TalentChanged(e.EventId, type, partner.Key, customerRef, e.OccurredAt, new
                {
                    customerRef,
                    cards = partner.Select(c => new { cardId = c.Id, last4 = c.Last4, status = c.Status }).ToList(),
                    level = e.Level,
                    category = e.Category,
                    status = e.Status,
                    fromLevel = e.FromLevel,
                    fromStatus = e.FromStatus,
                    effectiveOn = e.EffectiveOn,
                    occurredAt = e.OccurredAt,
                }));
            }
        }

        await webhooks.EnqueueAsync(db, drafts, ct);
        cursor.LastSequence = events[^1].Sequence;
        cursor.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return events.Count;
    }
}

/// <summary>Polls the feed every <see cref="CardsOptions.FeedPollInterval"/> and whenever <see cref="FeedSignal"/> wakes it.</summary>
internal sealed partial class TalentFeedConsumer(IServiceScopeFactory scopes, FeedSignal signal, IOptions<CardsOptions> options, ILogger<TalentFeedConsumer> logger)
    : BatchPollingService(scopes, signal)
{
    protected override int BatchSize => options.Value.FeedBatchSize;

    protected override TimeSpan PollInterval => options.Value.FeedPollInterval;

    protected override Task<int> ProcessBatchAsync(IServiceProvider services, int max, CancellationToken cancellationToken) =>
        services.GetRequiredService<TalentFeedProcessor>().ProcessBatchAsync(max, cancellationToken);

    protected override void LogFailure(Exception exception, int failures) => LogFailed(logger, exception, failures);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Warning, Message = "Turning talent feed events into partner webhooks failed ({Failures} in a row)")]
    private static partial void LogFailed(ILogger logger, Exception exception, int failures);
}
