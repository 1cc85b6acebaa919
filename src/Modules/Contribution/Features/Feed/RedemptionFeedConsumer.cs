using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Jobs;
using TalentPass.Modules.Contribution.Domain;
using TalentPass.Modules.Contribution.Persistence;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.Modules.Redemptions.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Contribution.Features.Feed;

/// <summary>Wakes the consumer at once (e.g. a test or the reports page asking for fresh figures).</summary>
internal sealed class ContributionFeedSignal : WakeSignal;

/// <summary>
/// Projects the redemption feed into <c>contribution_redemptions</c>: a <c>redeemed</c> event adds a row (marked
/// third-party when the service point is an organisation registered in Partners), a <c>reversed</c> event marks it
/// reversed. Rows and the cursor move commit in one transaction, so each event is applied exactly once even if the
/// process dies. Multi-node safe: the transaction starts by updating the cursor row (a row lock on PostgreSQL, the
/// write lock on SQLite), so a second node waits and then reads the moved cursor. Without an <see cref="IRedemptionFeed"/>
/// registered (Redemptions not installed) there is nothing to read. The feed is read before the cursor lock is taken
/// (its read numbers rows, a write that must not wait on our lock on SQLite); events applied meanwhile are skipped.
/// </summary>
internal sealed class RedemptionFeedProcessor(ContributionDbContext db, IServiceProvider services, IPartnerDirectory partners, TimeProvider clock)
{
    public async Task<int> ProcessBatchAsync(int max, CancellationToken ct)
    {
        if (services.GetService<IRedemptionFeed>() is not { } feed)
        {
            return 0;
        }

        // Read the feed BEFORE taking the cursor lock: reading numbers new feed rows (a write in the Redemptions
        // module), which on SQLite would wait for the write lock this transaction holds. Reading is idempotent;
        // under the lock, events another node applied meanwhile are skipped.
        var start = await db.FeedCursor.AsNoTracking().Where(c => c.Id == 1).Select(c => c.LastSequence).SingleAsync(ct);
        var read = await feed.ReadAsync(start, max, ct);
        if (read.Count == 0)
        {
            return 0;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("UPDATE contribution_feed_cursor SET last_sequence = last_sequence WHERE id = 1", ct);
        var cursor = await db.FeedCursor.SingleAsync(c => c.Id == 1, ct);
        var events = read.Where(e => e.Sequence > cursor.LastSequence).ToList();
        if (events.Count == 0)
        {
            await tx.RollbackAsync(ct);
            return 0;
        }

        var thirdParty = new Dictionary<Guid, bool>();
        var ids = events.Select(e => e.RedemptionId).Distinct().ToList();
        var existing = await db.Redemptions.Where(r => ids.Contains(r.RedemptionId)).ToDictionaryAsync(r => r.RedemptionId, ct);
        foreach (var e in events)
        {
            if (string.Equals(e.Kind, "reversed", StringComparison.Ordinal))
            {
                if (existing.TryGetValue(e.RedemptionId, out var row) && !row.Reversed)
                {
                    row.Reversed = true;
                    row.ReversedAt = e.OccurredAt;
                }

                continue;
            }

            if (!string.Equals(e.Kind, "redeemed", StringComparison.Ordinal) || existing.ContainsKey(e.RedemptionId))
            {
                continue;
            }

            if (!thirdParty.TryGetValue(e.ServicePointOrganisationId, out var isThirdParty))
            {
                isThirdParty = await partners.GetAsync(e.ServicePointOrganisationId, ct) is not null;
                thirdParty[e.ServicePointOrganisationId] = isThirdParty;
            }

            var added = Project(e, isThirdParty);
            db.Redemptions.Add(added);
            existing[e.RedemptionId] = added;
        }

        cursor.LastSequence = events[^1].Sequence;
        cursor.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return events.Count;
    }

    internal static RedemptionRow Project(RedemptionEvent e, bool thirdParty)
    {
        var day = DateOnly.FromDateTime(BusinessTime.ToBusiness(e.OccurredAt).DateTime);
        return new RedemptionRow
        {
            RedemptionId = e.RedemptionId,
            Sequence = e.Sequence,
            RightId = e.RightId,
            RightCode = e.RightCode,
            RightKind = e.RightKind,
            ProviderOrganisationId = e.ProviderOrganisationId,
            ServicePointOrganisationId = e.ServicePointOrganisationId,
            Level = e.Level,
            Category = e.Category,
            Beneficiary = e.Beneficiary,
            PoolCode = e.PoolCode,
            DiscountFen = e.DiscountFen,
            Offline = e.Offline,
            ThirdParty = thirdParty,
            OccurredAt = e.OccurredAt,
            BusinessDay = day,
            Month = day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        };
    }
}

/// <summary>Polls the feed every <see cref="ContributionOptions.FeedPollInterval"/> and whenever <see cref="ContributionFeedSignal"/> wakes it.</summary>
internal sealed partial class RedemptionFeedConsumer(IServiceScopeFactory scopes, ContributionFeedSignal signal, IOptions<ContributionOptions> options, ILogger<RedemptionFeedConsumer> logger)
    : BatchPollingService(scopes, signal)
{
    protected override int BatchSize => options.Value.FeedBatchSize;

    protected override TimeSpan PollInterval => options.Value.FeedPollInterval;

    protected override Task<int> ProcessBatchAsync(IServiceProvider services, int max, CancellationToken cancellationToken) =>
        services.GetRequiredService<RedemptionFeedProcessor>().ProcessBatchAsync(max, cancellationToken);

    protected override void LogFailure(Exception exception, int failures) => LogFailed(logger, exception, failures);

    [LoggerMessage(EventId = 6410, Level = LogLevel.Warning, Message = "Projecting the redemption feed into contribution value failed ({Failures} in a row)")]
    private static partial void LogFailed(ILogger logger, Exception exception, int failures);
}
