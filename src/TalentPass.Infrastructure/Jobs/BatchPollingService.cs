using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TalentPass.Infrastructure.Jobs;

/// <summary>
/// A background job that drains work in batches: it processes batches in a fresh DI scope each until a batch comes back
/// short, then sleeps until <see cref="PollInterval"/> passes or its <see cref="WakeSignal"/> fires. A failed round is
/// reported through <see cref="LogFailure"/> (the 1st, 10th, 100th and every 1,000th in a row) and retried after a
/// back-off of one second per failure, at most 30 s. Used by feed consumers that move a cursor per batch.
/// </summary>
public abstract class BatchPollingService(IServiceScopeFactory scopes, WakeSignal signal) : BackgroundService
{
    protected abstract int BatchSize { get; }

    protected abstract TimeSpan PollInterval { get; }

    /// <summary>Processes at most <paramref name="max"/> items; returns how many it processed.</summary>
    protected abstract Task<int> ProcessBatchAsync(IServiceProvider services, int max, CancellationToken cancellationToken);

    protected abstract void LogFailure(Exception exception, int failures);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int consumed;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    consumed = await ProcessBatchAsync(scope.ServiceProvider, BatchSize, stoppingToken);
                }
                while (consumed >= BatchSize);

                failures = 0;
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed round is logged and retried with back-off
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures++;
                if (failures is 1 or 10 or 100 || failures % 1000 == 0)
                {
                    LogFailure(ex, failures);
                }

                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, failures)), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
