using TalentPass.Infrastructure.Demo;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Reviews.Domain;
using TalentPass.Modules.Reviews.Features.Campaigns;
using TalentPass.Modules.Reviews.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Reviews.Demo;

/// <summary>
/// Demo reviews: a pending review for demo-talent (to confirm on <c>/me/review</c>), and a 2025 campaign for two
/// demo talents without an account whose reviews were due on 2026-01-05 and are overdue (the governance demo's
/// "review overdue" condition). No automatic re-verification and no notices, so the demo inboxes stay as they were.
/// </summary>
internal sealed class ReviewsDemoSeeder(
    ReviewsDbContext db,
    CampaignLauncher launcher,
    IAccountDirectory accounts,
    ITalentDirectory talents,
    ITalentRoster roster,
    TimeProvider clock) : IDemoSeeder
{
    public int Order => 260;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var today = BusinessTime.Today(clock);
        if (await accounts.FindAccountIdAsync("demo-talent", cancellationToken) is { } account &&
            await talents.FindByAccountAsync(account, cancellationToken) is { } demoTalent)
        {
            await SeedCampaignAsync("2026年度人才资格定期复核（示例）", [demoTalent], today.AddDays(28), cancellationToken);
        }

        var withoutAccount = (await roster.ListAsync(CampaignsHandler.KnownLevels, [], null, 50, cancellationToken))
            .Where(t => t.AccountId is null).Take(2).ToList();
        if (withoutAccount.Count > 0)
        {
            await SeedCampaignAsync("2025年度人才资格定期复核（逾期示例）", withoutAccount, new DateOnly(2026, 1, 5), cancellationToken);
        }
    }

    private async Task SeedCampaignAsync(string name, IReadOnlyList<TalentSummary> scope, DateOnly dueOn, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var campaign = new CampaignRow
        {
            Id = Guid.CreateVersion7(now),
            Name = name,
            Levels = string.Empty,
            Categories = string.Empty,
            Targeted = true,
            AutomaticReverification = false,
            LaunchedOn = BusinessTime.Today(clock),
            DueOn = dueOn,
            Status = CampaignStatus.Open,
            InScope = scope.Count,
            LaunchedAt = now,
            PopulatedAt = now,
            UpdatedAt = now,
        };
        db.Campaigns.Add(campaign);
        await launcher.AddBatchAsync(campaign, scope, ct);
        foreach (var review in db.Reviews.Local.Where(r => r.CampaignId == campaign.Id))
        {
            review.NotifiedAt = now;
            review.RemindedAt = now;
            review.OverdueNotifiedAt = now;
        }

        await db.SaveChangesAsync(ct);
    }
}
