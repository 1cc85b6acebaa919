using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Redemptions.Contracts;
using TalentPass.Modules.Redemptions.Persistence;

namespace TalentPass.Modules.Redemptions.Features.Feed;

/// <summary>
/// <see cref="IRedemptionFeed"/>. Feed rows are written in the redemption's transaction without a number; before
/// reading, the reader numbers every committed unnumbered row in id order (PostgreSQL: under a transaction-scoped
/// advisory lock, so numbering runs one at a time and each run's numbers are above every earlier run's; SQLite: one
/// writer anyway). A row committed late is numbered in a later run with a higher number, so a cursor never skips it,
/// and redemptions never wait on a global lock.
/// </summary>
internal sealed class RedemptionFeed(RedemptionsDbContext db) : IRedemptionFeed
{
    /// <summary>Any constant: the advisory lock that serialises numbering on PostgreSQL.</summary>
    private const long NumberingLockKey = 0x7265_6465_6d70;

    private const int NumberingBatch = 5000;

    public async Task<IReadOnlyList<RedemptionEvent>> ReadAsync(long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        await NumberAsync(cancellationToken);
        var take = Math.Clamp(max, 1, 1000);
        var rows = await (from f in db.Feed.AsNoTracking()
                          where f.Sequence > afterSequence
                          join r in db.Redemptions.AsNoTracking() on f.RedemptionId equals r.Id
                          orderby f.Sequence
                          select new { f.Sequence, f.Kind, f.OccurredAt, R = r })
            .Take(take)
            .ToListAsync(cancellationToken);
        return rows.Select(x => new RedemptionEvent(
            x.Sequence!.Value,
            x.R.Id,
            x.Kind,
            x.R.RightId,
            x.R.RightCode,
            x.R.RightKind,
            x.R.ProviderOrganisationId,
            x.R.OrganisationId,
            x.R.TalentId,
            x.R.Level,
            x.R.Category,
            x.R.Beneficiary,
            x.R.PoolCode,
            x.R.ValueFen,
            x.R.Offline,
            x.Kind == "reversed" ? x.OccurredAt : x.R.OccurredAt)).ToList();
    }

    private async Task NumberAsync(CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [NumberingLockKey], ct);
            await db.Database.ExecuteSqlRawAsync(
                """
                WITH base AS (SELECT coalesce(max(sequence), 0) AS m FROM redemptions_feed),
                     next AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM redemptions_feed WHERE sequence IS NULL ORDER BY id LIMIT {0})
                UPDATE redemptions_feed f SET sequence = base.m + next.n FROM next, base WHERE f.id = next.id
                """,
                [NumberingBatch],
                ct);
        }
        else
        {
            var ids = await db.Feed.Where(f => f.Sequence == null).OrderBy(f => f.Id).Select(f => f.Id).Take(NumberingBatch).ToListAsync(ct);
            if (ids.Count > 0)
            {
                var next = (await db.Feed.MaxAsync(f => f.Sequence, ct) ?? 0) + 1;
                foreach (var id in ids)
                {
                    var sequence = next++;
                    await db.Feed.Where(f => f.Id == id).ExecuteUpdateAsync(u => u.SetProperty(f => f.Sequence, sequence), ct);
                }
            }
        }

        await tx.CommitAsync(ct);
    }
}
