using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TalentPass.Modules.Ledger.Sequencing;

/// <summary>
/// The web host's ledger loop: every <see cref="LedgerOptions.SequencerInterval"/> it tries to be (or stay) the
/// sequencer, drains entries other nodes left pending, and publishes a checkpoint when one is due. The work is
/// in <see cref="LedgerJobs"/>, which the CLI and tests call directly.
/// </summary>
internal sealed partial class LedgerBackgroundService(IServiceScopeFactory scopes, IOptions<LedgerOptions> options, TimeProvider clock, ILogger<LedgerBackgroundService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SequencerInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<LedgerJobs>().RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed round is logged and retried on the next tick
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRoundFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Error, Message = "Ledger sequencing/checkpoint round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}

/// <summary>One round of background ledger work; also called by the CLI and tests.</summary>
internal sealed class LedgerJobs(LedgerSequencer sequencer, Features.Checkpoints.CheckpointPublisher publisher)
{
    public async Task RunOnceAsync(CancellationToken ct)
    {
        var added = await sequencer.SequencePendingAsync(ct);
        if (added is null)
        {
            return; // another node sequences and publishes
        }

        await publisher.PublishAsync(force: false, ct);
    }
}
