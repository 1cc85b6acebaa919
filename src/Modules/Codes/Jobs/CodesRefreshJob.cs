using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalentPass.Modules.Codes.Features.Publishing;
using TalentPass.Modules.Codes.Features.Subjects;

namespace TalentPass.Modules.Codes.Jobs;

/// <summary>
/// Keeps this node current: every <see cref="CodesOptions.CacheRefresh"/> it follows the registry's change feed
/// (<see cref="TalentFeedFollower"/>) and re-reads status changes made on other nodes; every minute it re-signs the trust list and status lists that are due, so downloads find fresh bytes.
/// </summary>
internal sealed partial class CodesRefreshJob(
    StatusCache statuses, ListPublisher publisher, IServiceScopeFactory scopes, IOptions<CodesOptions> options, TimeProvider clock, ILogger<CodesRefreshJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CacheRefresh, clock);
        var lastPublish = DateTimeOffset.MinValue;
        do
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<TalentFeedFollower>().CatchUpAsync(stoppingToken);
                }

                await statuses.RefreshAsync(stoppingToken);
                if (clock.GetUtcNow() - lastPublish >= TimeSpan.FromMinutes(1))
                {
                    await publisher.RepublishAsync(stoppingToken);
                    lastPublish = clock.GetUtcNow();
                }
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

    [LoggerMessage(EventId = 4020, Level = LogLevel.Warning, Message = "Refreshing code statuses or re-signing lists failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
