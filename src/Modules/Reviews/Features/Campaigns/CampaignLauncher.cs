using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalentPass.Modules.Reviews.Domain;
using TalentPass.Modules.Reviews.Persistence;
using TalentPass.Modules.Talents.Contracts;

namespace TalentPass.Modules.Reviews.Features.Campaigns;

/// <summary>
/// Creates the reviews of a campaign, one batch of talents at a time. A talent is skipped when they already have an
/// open review (pending or failed, in any campaign), already have a review in this campaign (a re-run), or — in a
/// level campaign — completed a review within the cycle of their level (<see cref="ReviewsOptions.CycleMonths"/>).
/// </summary>
internal sealed class CampaignLauncher(ReviewsDbContext db, ITalentRoster roster, IOptions<ReviewsOptions> options, TimeProvider clock)
{
    /// <summary>Adds reviews for <paramref name="talents"/> to the (tracked) campaign and saves.</summary>
    public async Task AddBatchAsync(CampaignRow campaign, IReadOnlyList<TalentSummary> talents, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ids = talents.Select(t => t.Id).ToList();
        var busy = (await db.Reviews.AsNoTracking()
            .Where(r => ids.Contains(r.TalentId) && (r.CampaignId == campaign.Id || r.Status == ReviewStatus.Pending || r.Status == ReviewStatus.Failed))
            .Select(r => r.TalentId).ToListAsync(ct)).ToHashSet();
        var recent = new Dictionary<Guid, DateTimeOffset>();
        if (!campaign.Targeted)
        {
            var horizon = campaign.LaunchedAt.AddMonths(-options.Value.CycleMonths.Values.Append(options.Value.DefaultCycleMonths).Max());
            foreach (var done in await db.Reviews.AsNoTracking()
                         .Where(r => ids.Contains(r.TalentId) && r.CompletedAt != null && r.CompletedAt >= horizon)
                         .Select(r => new { r.TalentId, r.CompletedAt }).ToListAsync(ct))
            {
                if (!recent.TryGetValue(done.TalentId, out var at) || at < done.CompletedAt!.Value)
                {
                    recent[done.TalentId] = done.CompletedAt!.Value;
                }
            }
        }

        foreach (var talent in talents)
        {
            var withinCycle = recent.TryGetValue(talent.Id, out var completed) &&
                completed >= campaign.LaunchedAt.AddMonths(-options.Value.CycleFor(talent.Level));
            if (busy.Contains(talent.Id) || withinCycle || talent.Status == "terminated")
            {
                campaign.Skipped++;
                continue;
            }

            db.Reviews.Add(new ReviewRow
            {
                Id = Guid.CreateVersion7(now),
                CampaignId = campaign.Id,
                TalentId = talent.Id,
                TalentAccountId = talent.AccountId,
                MaskedName = talent.MaskedName,
                Level = talent.Level,
                Category = talent.Category,
                Status = ReviewStatus.Pending,
                DueOn = campaign.DueOn,
                Reverification = campaign.AutomaticReverification ? Reverification.Queued : Reverification.Off,
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
            });
            campaign.Created++;
        }

        if (talents.Count > 0)
        {
            campaign.Cursor = talents[^1].Id;
        }

        campaign.UpdatedAt = now;
        campaign.Version++;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// One launch step of a level campaign: reads the next batch from the registry and adds it. Returns false when
    /// the campaign is fully populated (it is then <c>open</c>).
    /// </summary>
    public async Task<bool> StepAsync(CampaignRow campaign, CancellationToken ct)
    {
        var batch = await roster.ListAsync(Split(campaign.Levels), Split(campaign.Categories), campaign.Cursor, options.Value.LaunchBatchSize, ct);
        if (batch.Count == 0)
        {
            campaign.Status = CampaignStatus.Open;
            campaign.PopulatedAt = clock.GetUtcNow();
            campaign.LeaseUntil = null;
            campaign.UpdatedAt = clock.GetUtcNow();
            campaign.Version++;
            await db.SaveChangesAsync(ct);
            return false;
        }

        await AddBatchAsync(campaign, batch, ct);
        return true;
    }

    public static IReadOnlyList<string> Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
