using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Codes.Persistence;
using TalentPass.Modules.Talents.Contracts;

namespace TalentPass.Modules.Codes.Features.Subjects;

/// <summary>
/// Reconciles status-list entries with the registry's durable change feed. The in-process
/// <see cref="CodesTalentEventHandler"/> applies a suspension at once; this follower makes sure nothing is missed
/// when a process died between the registry's commit and that handler (or the handler failed): each round it reads
/// the feed after its cursor, applies the LAST status of each talent in the batch (setting a status is idempotent)
/// and moves the cursor. Several nodes may follow at once: the work is idempotent and the cursor only moves forward.
/// </summary>
internal sealed class TalentFeedFollower(CodesDbContext db, ITalentEventFeed feed, SubjectRegistry subjects, TimeProvider clock)
{
    private const int BatchSize = 1000;

    /// <summary>Follows the feed to its end; returns how many status changes it applied.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        var applied = 0;
        var cursor = await db.FeedCursor.AsNoTracking().Where(c => c.Id == 1).Select(c => c.Sequence).FirstAsync(ct);
        while (true)
        {
            var batch = await feed.ReadAsync(cursor, BatchSize, ct);
            if (batch.Count == 0)
            {
                return applied;
            }

            var lastStatus = new Dictionary<Guid, string>();
            foreach (var e in batch)
            {
                if (e.Kind == "status_changed")
                {
                    lastStatus[e.TalentId] = e.Status;
                }
            }

            foreach (var (talentId, status) in lastStatus)
            {
                if (await subjects.SetStatusAsync(talentId, SubjectRegistry.FromTalentStatus(status), ct))
                {
                    applied++;
                }
            }

            cursor = batch[^1].Sequence;
            var now = clock.GetUtcNow();
            var next = cursor;
            await db.FeedCursor.Where(c => c.Id == 1 && c.Sequence < next)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Sequence, next).SetProperty(c => c.UpdatedAt, now), ct);
        }
    }
}
