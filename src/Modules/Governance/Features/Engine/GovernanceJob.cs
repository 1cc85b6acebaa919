using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalentPass.Modules.Governance.Features.Signals;
using TalentPass.Modules.Governance.Persistence;

namespace TalentPass.Modules.Governance.Features.Engine;

/// <summary>
/// The background loop: the signal detector every <see cref="GovernanceOptions.SignalInterval"/>, the rule engine every
/// <see cref="GovernanceOptions.EvaluationInterval"/> (each exclusive across nodes); failures are logged and retried.
/// </summary>
internal sealed partial class GovernanceJob(IServiceScopeFactory scopes, IOptions<GovernanceOptions> options, TimeProvider clock, ILogger<GovernanceJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextEvaluation = clock.GetUtcNow() + TimeSpan.FromSeconds(10);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
                    var detector = scope.ServiceProvider.GetRequiredService<SignalDetector>();
                    await ExclusiveRun.TryAsync(db, ExclusiveRun.SignalLock, async () =>
                    {
                        while (await detector.RunBatchAsync(500, stoppingToken) >= 500)
                        {
                        }

                        return true;
                    }, stoppingToken);
                }

                if (clock.GetUtcNow() >= nextEvaluation)
                {
                    nextEvaluation = clock.GetUtcNow() + options.Value.EvaluationInterval;
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
                    var engine = scope.ServiceProvider.GetRequiredService<RuleEngine>();
                    var result = await ExclusiveRun.TryAsync(db, ExclusiveRun.EngineLock, () => engine.EvaluateAsync(null, stoppingToken), stoppingToken);
                    if (result is { CasesOpened: > 0 })
                    {
                        LogOpened(logger, result.CasesOpened);
                    }
                }

                await Task.Delay(options.Value.SignalInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed round is logged and retried
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(EventId = 8110, Level = LogLevel.Information, Message = "The rule engine opened {Count} governance cases")]
    private static partial void LogOpened(ILogger logger, int count);

    [LoggerMessage(EventId = 8111, Level = LogLevel.Warning, Message = "A governance round (signals or rules) failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
