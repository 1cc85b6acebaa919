using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Codes.Persistence;

namespace TalentPass.Modules.Codes.Features.Scans;

/// <summary>
/// Writes the scan log in batches (up to 500 rows per transaction) so that online verification does not wait for a
/// database round trip per scan. A verification answer is sent once its scan row is queued; the queue is drained
/// on a clean shutdown (this hosted service stops after the web server has finished its requests), so nothing
/// acknowledged is lost then — a crash loses at most the rows of the last few milliseconds (docs/adr). Readers of
/// the log call <see cref="FlushAsync"/> first, so a node always reads its own scans.
/// </summary>
internal sealed partial class ScanWriter(IDbConnectionFactory connections, ILogger<ScanWriter> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private readonly Channel<ScanRow> queue = Channel.CreateBounded<ScanRow>(new BoundedChannelOptions(50_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private long enqueued;
    private long written;
    private TaskCompletionSource progress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Queues a row (waits only when 50,000 rows are pending: back-pressure rather than loss).</summary>
    public ValueTask EnqueueAsync(ScanRow row, CancellationToken ct)
    {
        Interlocked.Increment(ref enqueued);
        return queue.Writer.TryWrite(row) ? ValueTask.CompletedTask : queue.Writer.WriteAsync(row, ct);
    }

    /// <summary>Waits until every row queued before the call is written (no-op when the writer is not running, e.g. the CLI).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var target = Interlocked.Read(ref enqueued);
        while (Interlocked.Read(ref written) < target && ExecuteTask is { IsCompleted: false })
        {
            var wait = Volatile.Read(ref progress).Task;
            if (Interlocked.Read(ref written) >= target)
            {
                break;
            }

            try
            {
                await wait.WaitAsync(TimeSpan.FromSeconds(5), ct);
            }
            catch (TimeoutException)
            {
                return; // the database is struggling (the writer retries); read what is there rather than fail
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        if (ExecuteTask is { } running)
        {
            // Drain: ExecuteAsync ends when the completed queue is empty.
            await running.WaitAsync(cancellationToken);
        }

        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<ScanRow>(BatchSize);
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < BatchSize && reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            await WriteAsync(batch);
            Interlocked.Add(ref written, batch.Count);
            batch.Clear();
            Interlocked.Exchange(ref progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private async Task WriteAsync(List<ScanRow> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await InsertAsync(batch);
                return;
            }
#pragma warning disable CA1031 // the log must survive a transient database failure: retry, then give up loudly
            catch (Exception ex) when (attempt < 5)
#pragma warning restore CA1031
            {
                LogRetry(logger, ex, batch.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), CancellationToken.None);
            }
#pragma warning disable CA1031
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogLost(logger, ex, batch.Count);
                return;
            }
        }
    }

    /// <summary>
    /// One transaction, one prepared INSERT reused per row (plain ADO.NET: EF's change tracking cost more than the
    /// insert itself). Values are bound as the EF model stores them: Guid as TEXT (Microsoft.Data.Sqlite's default,
    /// as EF does) or uuid, instants as UTC ticks on SQLite and timestamptz on PostgreSQL.
    /// </summary>
    private async Task InsertAsync(List<ScanRow> batch)
    {
        var sqlite = connections.Provider == DatabaseProvider.Sqlite;
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO codes_scans (id, scanned_at, account_id, organisation_id, outcome, code_hash, status_list_id, status_list_index, level, masked_name, mode) " +
            "VALUES (@id, @scanned_at, @account_id, @organisation_id, @outcome, @code_hash, @status_list_id, @status_list_index, @level, @masked_name, @mode)";
        string[] names = ["@id", "@scanned_at", "@account_id", "@organisation_id", "@outcome", "@code_hash", "@status_list_id", "@status_list_index", "@level", "@masked_name", "@mode"];
        var parameters = new DbParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = names[i];
            command.Parameters.Add(parameters[i]);
        }

        foreach (var row in batch)
        {
            parameters[0].Value = row.Id;
            parameters[1].Value = sqlite ? row.ScannedAt.UtcTicks : row.ScannedAt.ToUniversalTime();
            parameters[2].Value = (object?)row.AccountId ?? DBNull.Value;
            parameters[3].Value = (object?)row.OrganisationId ?? DBNull.Value;
            parameters[4].Value = row.Outcome;
            parameters[5].Value = row.CodeHash;
            parameters[6].Value = (object?)row.StatusListId ?? DBNull.Value;
            parameters[7].Value = (object?)row.StatusListIndex ?? DBNull.Value;
            parameters[8].Value = (object?)row.Level ?? DBNull.Value;
            parameters[9].Value = (object?)row.MaskedName ?? DBNull.Value;
            parameters[10].Value = (object?)row.Mode ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }

        await transaction.CommitAsync(CancellationToken.None);
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Writing {Count} scan log rows failed (attempt {Attempt}); retrying")]
    private static partial void LogRetry(ILogger logger, Exception exception, int count, int attempt);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Error, Message = "Gave up writing {Count} scan log rows")]
    private static partial void LogLost(ILogger logger, Exception exception, int count);
}
