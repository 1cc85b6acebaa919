using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Jobs;

namespace TalentPass.Modules.Reviews.Features.Jobs;

/// <summary>Wakes the reviews job early (a campaign was launched, a review was handed back, a test).</summary>
internal sealed class ReviewsJobSignal : WakeSignal;

/// <summary>Runs <see cref="ReviewsWork"/> every <see cref="ReviewsOptions.JobInterval"/> or when signalled.</summary>
internal sealed partial class ReviewsJob(IServiceScopeFactory scopes, ReviewsJobSignal signal, IOptions<ReviewsOptions> options, ILogger<ReviewsJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                more = await scope.ServiceProvider.GetRequiredService<ReviewsWork>().RunAsync(stoppingToken);
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

            if (more)
            {
                continue; // a launch or re-verification is under way: keep going without waiting
            }

            try
            {
                await signal.WaitAsync(options.Value.JobInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 7810, Level = LogLevel.Warning, Message = "The reviews round failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
