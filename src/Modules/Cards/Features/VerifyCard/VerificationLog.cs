using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TalentPass.Modules.Cards.Persistence;

namespace TalentPass.Modules.Cards.Features.VerifyCard;

/// <summary>
/// The card verification log: verifications are queued in memory and written in batches by a background loop,
/// so a verification never waits for an insert. A bounded queue: when the database falls behind by more than
/// 100,000 rows, the oldest queued rows are dropped (and counted in the log) rather than slowing terminals.
/// </summary>
internal sealed partial class VerificationLog(IServiceScopeFactory scopes, ILogger<VerificationLog> logger) : BackgroundService
{
    private readonly Channel<VerificationRow> queue = Channel.CreateBounded<VerificationRow>(
        new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Enqueue(VerificationRow row) => queue.Writer.TryWrite(row);

    /// <summary>Writes whatever is queued now (tests, shutdown).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var batch = new List<VerificationRow>();
        while (queue.Reader.TryRead(out var row))
        {
            batch.Add(row);
        }

        await WriteAsync(batch, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                var batch = new List<VerificationRow>();
                while (batch.Count < 1000 && queue.Reader.TryRead(out var row))
                {
                    batch.Add(row);
                }

                try
                {
                    await WriteAsync(batch, stoppingToken);
                }
#pragma warning disable CA1031 // a failed batch is logged; verification goes on
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogWriteFailed(logger, ex, batch.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await FlushAsync(cancellationToken);
        }
#pragma warning disable CA1031 // best effort at shutdown
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogWriteFailed(logger, ex, 0);
        }
    }

    private async Task WriteAsync(List<VerificationRow> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CardsDbContext>();
        db.Verifications.AddRange(batch);
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Writing {Count} card verifications to the log failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);
}
