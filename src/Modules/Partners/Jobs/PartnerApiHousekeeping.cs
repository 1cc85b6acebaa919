using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalentPass.Modules.Partners.Persistence;

namespace TalentPass.Modules.Partners.Jobs;

/// <summary>Deletes nonces older than twice the signature window (they can no longer be replayed: the timestamp check refuses them) and expired idempotency records.</summary>
internal sealed class PartnerApiHousekeeping(IServiceScopeFactory scopes, TimeProvider clock, IOptions<PartnersOptions> options)
{
    public async Task<(int Nonces, int IdempotencyRecords)> RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnersDbContext>();
        var now = clock.GetUtcNow();
        var nonceCutoff = now - (2 * options.Value.SignatureWindow);
        var nonces = await db.Nonces.Where(n => n.SeenAt < nonceCutoff).ExecuteDeleteAsync(ct);
        var idempotency = await db.Idempotency.Where(r => r.ExpiresAt < now).ExecuteDeleteAsync(ct);
        return (nonces, idempotency);
    }
}

/// <summary>Runs <see cref="PartnerApiHousekeeping"/> every minute (deletes are idempotent: safe on several nodes).</summary>
internal sealed partial class PartnerApiHousekeepingService(PartnerApiHousekeeping job, TimeProvider clock, ILogger<PartnerApiHousekeepingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await job.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed clean-up is retried on the next tick
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 5130, Level = LogLevel.Warning, Message = "Partner API housekeeping failed; retrying next minute")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
