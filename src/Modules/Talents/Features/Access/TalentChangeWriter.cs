using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.Modules.Talents.Domain;
using TalentPass.Modules.Talents.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Features.Access;

/// <summary>
/// Applies a level or status decision to a tracked talent and commits it together with its row in the durable
/// change feed (<c>talents_events</c>), then tells the in-process <see cref="ITalentEventHandler"/>s. Used by the
/// talent office's endpoints and by <see cref="ITalentDecisions"/> (other modules' decisions), so both write the
/// same history and events.
/// </summary>
internal sealed class TalentChangeWriter(TalentsDbContext db, TalentEventPublisher events, TimeProvider clock)
{
    /// <summary>Any constant: the transaction-scoped advisory lock that orders the feed on PostgreSQL.</summary>
    private const long FeedLockKey = 0x54414c454e5446; // "TALENTF"

    public async Task<Result<LevelHistoryEntry>> ChangeLevelAsync(
        Talent talent, string level, string? category, DateOnly effectiveOn, string reason, Guid? decidedBy, string? reference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(talent);
        var now = clock.GetUtcNow();
        var entry = talent.ChangeLevel(Guid.CreateVersion7(now), level, category, effectiveOn, reason, decidedBy, now);
        if (!entry.IsSuccess)
        {
            return entry.Error;
        }

        var e = entry.Value;
        db.LevelHistory.Add(e);
        db.Events.Add(TalentEvent.For(talent, TalentEvent.LevelChanged, e.FromLevel, null, e.EffectiveOn, reference, decidedBy, now));
        if (await CommitAsync(ct) is { } conflict)
        {
            return conflict;
        }

        await events.PublishAsync(new TalentLevelChanged(talent.Id, e.FromLevel, e.ToLevel, e.FromCategory, e.ToCategory, e.EffectiveOn, e.DecidedAt), ct);
        return e;
    }

    public async Task<Result<DateTimeOffset>> ChangeStatusAsync(
        Talent talent, string status, string reason, Guid? decidedBy, string? reference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(talent);
        var from = talent.Status;
        var now = clock.GetUtcNow();
        var changed = talent.ChangeStatus(status, reason, now);
        if (!changed.IsSuccess)
        {
            return changed.Error;
        }

        db.Events.Add(TalentEvent.For(talent, TalentEvent.StatusChanged, null, from, null, reference, decidedBy, now));
        if (await CommitAsync(ct) is { } conflict)
        {
            return conflict;
        }

        await events.PublishAsync(new TalentStatusChanged(talent.Id, from, talent.Status, now), ct);
        return now;
    }

    private async Task<Error?> CommitAsync(CancellationToken ct)
    {
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.IsPostgres)
            {
                // Held until commit: feed rows get their sequence numbers in commit order.
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [FeedLockKey], ct);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return TalentsErrors.VersionConflict;
        }
    }
}

/// <summary><see cref="ITalentEventFeed"/>: the committed feed, in sequence order.</summary>
internal sealed class TalentEventFeed(TalentsDbContext db) : ITalentEventFeed
{
    public async Task<IReadOnlyList<TalentFeedEvent>> ReadAsync(long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return await db.Events.AsNoTracking()
            .Where(e => e.Sequence > afterSequence)
            .OrderBy(e => e.Sequence)
            .Take(Math.Min(max, 10_000))
            .Select(e => new TalentFeedEvent(e.Sequence, e.EventId, e.TalentId, e.Kind, e.Level, e.Category, e.Status, e.FromLevel, e.FromStatus, e.EffectiveOn, e.OccurredAt))
            .ToListAsync(cancellationToken);
    }
}
