using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentPass.Modules.DataSharing.Contracts;
using TalentPass.Modules.Notifications.Contracts;
using TalentPass.Modules.Reviews.Domain;
using TalentPass.Modules.Reviews.Features.Campaigns;
using TalentPass.Modules.Reviews.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Reviews.Features.Jobs;

/// <summary>
/// One round of the reviews job: (1) launch steps of level campaigns (each campaign held by one node through a lease
/// taken with a conditional UPDATE); (2) automatic re-verification of queued reviews by social insurance;
/// (3) notices: review opened, reminder before the due date, overdue. Every notice is claimed with a conditional
/// UPDATE of its timestamp, so two nodes never send it twice (and the notifier deduplicates by key as well).
/// </summary>
internal sealed class ReviewsWork(
    ReviewsDbContext db,
    CampaignLauncher launcher,
    IServiceProvider services,
    IOptions<ReviewsOptions> options,
    TimeProvider clock)
{
    private const int Batch = 100;

    /// <summary>Returns true when there is more work right away (a launch or re-verification not finished).</summary>
    public async Task<bool> RunAsync(CancellationToken ct)
    {
        var more = await LaunchAsync(ct);
        more |= await ReverifyAsync(ct);
        await NotifyOpenedAsync(ct);
        await RemindAsync(ct);
        await NotifyOverdueAsync(ct);
        return more;
    }

    private async Task<bool> LaunchAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var launching = await db.Campaigns.AsNoTracking().Where(c => c.Status == CampaignStatus.Launching && (c.LeaseUntil == null || c.LeaseUntil < now))
            .OrderBy(c => c.LaunchedAt).Select(c => c.Id).Take(5).ToListAsync(ct);
        var more = false;
        foreach (var id in launching)
        {
            var until = now.AddMinutes(2);
            var claimed = await db.Campaigns
                .Where(c => c.Id == id && c.Status == CampaignStatus.Launching && (c.LeaseUntil == null || c.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseUntil, until), ct);
            if (claimed == 0)
            {
                continue;
            }

            var campaign = await db.Campaigns.FirstAsync(c => c.Id == id, ct);
            var started = clock.GetUtcNow();
            while (await launcher.StepAsync(campaign, ct))
            {
                if (clock.GetUtcNow() - started > TimeSpan.FromSeconds(20))
                {
                    more = true; // give the lease back soon; the next round goes on from the cursor
                    break;
                }
            }

            if (campaign.Status == CampaignStatus.Launching)
            {
                campaign.LeaseUntil = null;
                await db.SaveChangesAsync(ct);
            }

            db.ChangeTracker.Clear();
        }

        return more;
    }

    private async Task<bool> ReverifyAsync(CancellationToken ct)
    {
        var dataSharing = services.GetService<IDataSharing>();
        var queued = await db.Reviews.AsNoTracking().Where(r => r.Reverification == Reverification.Queued)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(Batch).ToListAsync(ct);
        foreach (var review in queued)
        {
            string outcome;
            Guid? answerId = null;
            if (dataSharing is null)
            {
                outcome = Reverification.Unavailable;
            }
            else
            {
                DataSharingAnswer answer;
                try
                {
                    answer = await dataSharing.LookUpAsync(review.TalentId, DataSources.SocialInsurance, $"reviews:review:{review.Id}", ct);
                }
#pragma warning disable CA1031 // a source failing is an unavailable answer: the talent confirms instead
                catch (Exception) when (!ct.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    answer = new DataSharingAnswer(Guid.Empty, DataSources.SocialInsurance, DataSharingOutcome.Unavailable, new Dictionary<string, string>(), clock.GetUtcNow(), string.Empty, "exception");
                }

                answerId = answer.Id == Guid.Empty ? null : answer.Id;
                outcome = answer.Outcome switch
                {
                    DataSharingOutcome.Found when answer.Fields.TryGetValue("contributing", out var c) && string.Equals(c, "true", StringComparison.OrdinalIgnoreCase) => Reverification.Contributing,
                    DataSharingOutcome.Found when answer.Fields.TryGetValue("contributing", out var c) && string.Equals(c, "false", StringComparison.OrdinalIgnoreCase) => Reverification.Stopped,
                    DataSharingOutcome.NotFound => Reverification.NotFound,
                    _ => Reverification.Unavailable,
                };
            }

            var status = outcome switch
            {
                Reverification.Contributing => ReviewStatus.Reverified,
                Reverification.Stopped or Reverification.NotFound => ReviewStatus.Failed,
                _ => ReviewStatus.Pending,
            };
            var now = clock.GetUtcNow();
            DateTimeOffset? completed = status == ReviewStatus.Reverified ? now : null;
            await db.Reviews.Where(r => r.Id == review.Id && r.Reverification == Reverification.Queued && r.Status == ReviewStatus.Pending)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.Reverification, outcome)
                        .SetProperty(r => r.ReverificationAnswerId, answerId)
                        .SetProperty(r => r.ReverifiedAt, now)
                        .SetProperty(r => r.Status, status)
                        .SetProperty(r => r.CompletedAt, completed)
                        .SetProperty(r => r.UpdatedAt, now)
                        .SetProperty(r => r.Version, r => r.Version + 1),
                    ct);
        }

        return queued.Count == Batch;
    }

    private async Task NotifyOpenedAsync(CancellationToken ct)
    {
        var rows = await db.Reviews.AsNoTracking()
            .Where(r => r.NotifiedAt == null && r.TalentAccountId != null && r.Reverification != Reverification.Queued)
            .OrderBy(r => r.CreatedAt).Take(500).ToListAsync(ct);
        foreach (var r in rows)
        {
            if (!await ClaimAsync(r.Id, "notified", ct))
            {
                continue;
            }

            var draft = r.Status switch
            {
                ReviewStatus.Reverified => Draft(r, "reviews.reverified", "opened",
                    "定期复核已自动完成", "Your periodic review was completed automatically",
                    "经社保数据核验，您的人才资格定期复核已完成，无需操作。", "Social insurance data confirmed your details; your periodic review is complete and nothing is needed from you."),
                ReviewStatus.Failed => Draft(r, "reviews.failed", "opened",
                    "定期复核需人工核查", "Your periodic review needs a clerk's check",
                    "数据共享核验未通过，人才办工作人员将与您联系。", "Data sharing could not confirm your details; the talent office will contact you."),
                _ => Draft(r, "reviews.opened", "opened",
                    "请完成人才资格定期复核", "Please complete your periodic review",
                    $"请在 {r.DueOn:yyyy-MM-dd} 前确认或更新您的信息。", $"Please confirm or update your details by {r.DueOn:yyyy-MM-dd}."),
            };
            await NotifyAsync(draft, ct);
        }
    }

    private async Task RemindAsync(CancellationToken ct)
    {
        var today = BusinessTime.Today(clock);
        var horizon = today.AddDays(options.Value.ReminderDaysBefore);
        var rows = await db.Reviews.AsNoTracking()
            .Where(r => r.Status == ReviewStatus.Pending && r.NotifiedAt != null && r.RemindedAt == null && r.TalentAccountId != null && r.DueOn >= today && r.DueOn <= horizon)
            .OrderBy(r => r.DueOn).Take(500).ToListAsync(ct);
        foreach (var r in rows)
        {
            if (await ClaimAsync(r.Id, "reminded", ct))
            {
                await NotifyAsync(Draft(r, "reviews.reminder", "reminder",
                    "定期复核即将到期", "Your periodic review is due soon",
                    $"您的人才资格定期复核将于 {r.DueOn:yyyy-MM-dd} 到期，请尽快确认。", $"Your periodic review is due on {r.DueOn:yyyy-MM-dd}; please confirm soon."), ct);
            }
        }
    }

    private async Task NotifyOverdueAsync(CancellationToken ct)
    {
        var today = BusinessTime.Today(clock);
        var rows = await db.Reviews.AsNoTracking()
            .Where(r => r.Status == ReviewStatus.Pending && r.Reverification != Reverification.Queued && r.OverdueNotifiedAt == null && r.TalentAccountId != null && r.DueOn < today)
            .OrderBy(r => r.DueOn).Take(500).ToListAsync(ct);
        foreach (var r in rows)
        {
            if (await ClaimAsync(r.Id, "overdue", ct))
            {
                await NotifyAsync(Draft(r, "reviews.overdue", "overdue",
                    "定期复核已逾期", "Your periodic review is overdue",
                    $"您的人才资格定期复核已于 {r.DueOn:yyyy-MM-dd} 到期。逾期未复核可能导致人才待遇暂停，请尽快确认。",
                    $"Your periodic review was due on {r.DueOn:yyyy-MM-dd}. An overdue review may lead to the suspension of your rights; please confirm now."), ct);
            }
        }
    }

    private async Task<bool> ClaimAsync(Guid id, string which, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var query = db.Reviews.Where(r => r.Id == id);
        return which switch
        {
            "notified" => await query.Where(r => r.NotifiedAt == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.NotifiedAt, now), ct),
            "reminded" => await query.Where(r => r.RemindedAt == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.RemindedAt, now), ct),
            _ => await query.Where(r => r.OverdueNotifiedAt == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.OverdueNotifiedAt, now), ct),
        } == 1;
    }

    private static NotificationDraft Draft(ReviewRow r, string topic, string kind, string titleZh, string titleEn, string bodyZh, string bodyEn) =>
        new(r.TalentAccountId!.Value, topic, titleZh, titleEn, bodyZh, bodyEn, "/me/review", DeduplicationKey: $"reviews:{r.Id}:{kind}:{r.DueOn:yyyyMMdd}");

    private Task NotifyAsync(NotificationDraft draft, CancellationToken ct) =>
        services.GetService<INotifier>() is { } notifier ? notifier.NotifyAsync(draft, ct) : Task.CompletedTask;
}
