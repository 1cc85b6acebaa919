using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Reviews.Contracts;
using TalentPass.Modules.Reviews.Domain;
using TalentPass.Modules.Reviews.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Reviews.Features.Directory;

/// <summary>
/// <see cref="IReviewDirectory"/> for governance. Overdue = still <c>pending</c> (waiting for the talent) with a due
/// date before the day asked about, and not waiting for its automatic re-verification. A <c>failed</c> review waits
/// for a clerk, not for the talent, so it is never overdue.
/// </summary>
internal sealed class ReviewDirectory(ReviewsDbContext db, TimeProvider clock) : IReviewDirectory
{
    public async Task<ReviewState?> GetLatestAsync(Guid talentId, CancellationToken cancellationToken = default)
    {
        var row = await db.Reviews.AsNoTracking().Where(r => r.TalentId == talentId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : State(row, BusinessTime.Today(clock));
    }

    public async Task<IReadOnlyList<ReviewState>> ListOverdueAsync(DateOnly on, int max, CancellationToken cancellationToken = default)
    {
        if (max <= 0)
        {
            return [];
        }

        var rows = await db.Reviews.AsNoTracking()
            .Where(r => r.Status == ReviewStatus.Pending && r.DueOn < on && r.Reverification != Reverification.Queued)
            .OrderBy(r => r.DueOn).ThenBy(r => r.Id).Take(Math.Min(max, 10_000)).ToListAsync(cancellationToken);
        return rows.Select(r => State(r, on)).ToList();
    }

    /// <summary>The contract view; <paramref name="today"/> decides whether a pending review is reported overdue.</summary>
    internal static ReviewState State(ReviewRow row, DateOnly today) =>
        new(row.Id, row.TalentId, row.CampaignId, Status(row, today), row.DueOn, row.CompletedAt);

    private static string Status(ReviewRow row, DateOnly today) =>
        row.Reverification == Reverification.Queued ? row.Status : ReviewStatus.Effective(row.Status, row.DueOn, today);
}
