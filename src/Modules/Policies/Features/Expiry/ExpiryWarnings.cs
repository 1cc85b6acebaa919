using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Notifications.Contracts;
using TalentPass.Modules.Policies.Features.Manage;
using TalentPass.Modules.Policies.Persistence;

namespace TalentPass.Modules.Policies.Features.Expiry;

/// <summary>
/// One round: every version that expires within 60 days without an approved successor gets one warning — a row in
/// <c>policies_expiry_warnings</c> (its primary key makes the round safe on several nodes) and a notification to each
/// of <see cref="PoliciesOptions.ExpiryRecipients"/> (deduplicated per version and recipient).
/// </summary>
internal sealed class ExpiryWarnings(
    PoliciesDbContext db,
    PolicyWorkflow workflow,
    IAccountDirectory accounts,
    IServiceProvider services,
    IOptions<PoliciesOptions> options,
    TimeProvider clock)
{
    /// <returns>How many versions were warned about in this round.</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var warned = 0;
        foreach (var policy in await workflow.ExpiringAsync(ct))
        {
            if (await db.ExpiryWarnings.AnyAsync(w => w.PolicyId == policy.Id, ct))
            {
                continue;
            }

            db.ExpiryWarnings.Add(new ExpiryWarningRow { PolicyId = policy.Id, WarnedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                continue; // another node warned
            }

            warned++;
            if (services.GetService<INotifier>() is not { } notifier)
            {
                continue;
            }

            var days = policy.ExpiresInDays ?? 0;
            foreach (var username in options.Value.ExpiryRecipients.Distinct(StringComparer.Ordinal))
            {
                if (await accounts.FindAccountIdAsync(username, ct) is not { } account)
                {
                    continue;
                }

                await notifier.NotifyAsync(
                    new NotificationDraft(
                        account,
                        "policies.expiring",
                        $"政策即将到期：{policy.Label}",
                        $"Policy expiring: {policy.Label}",
                        $"“{policy.TitleZh}”（{policy.Label}）有效期至 {policy.ValidTo:yyyy-MM-dd}，还有 {days} 天，尚无替代版本。请提请新版本。",
                        $"“{policy.TitleEn}” ({policy.Label}) is valid until {policy.ValidTo:yyyy-MM-dd}, {days} day(s) from now, and has no successor. Propose a new version.",
                        $"/policies/{policy.Id}",
                        null,
                        $"policies:expiring:{policy.Id}:{username}"),
                    ct);
            }
        }

        return warned;
    }
}

/// <summary>Runs <see cref="ExpiryWarnings"/> every <see cref="PoliciesOptions.JobInterval"/>.</summary>
internal sealed partial class ExpiryJob(IServiceScopeFactory scopes, IOptions<PoliciesOptions> options, TimeProvider clock, ILogger<ExpiryJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.JobInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ExpiryWarnings>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed round is logged and retried at the next tick
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 8602, Level = LogLevel.Warning, Message = "The policy expiry round failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
