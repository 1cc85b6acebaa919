using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Ledger.Domain;
using TalentPass.Modules.Ledger.Persistence;

namespace TalentPass.Modules.Ledger.Sequencing;

/// <summary>
/// Group commit for appends. Callers queue entries; one pump cuts batches (at <see cref="LedgerOptions.MaxBatchSize"/>
/// entries, after <see cref="LedgerOptions.MaxBatchDelay"/>, or when the queue stays empty for
/// <see cref="LedgerOptions.BatchIdleCut"/>), writes each batch to <c>ledger_pending</c> in one committed
/// transaction, asks the sequencer to sequence, and answers every caller with its index. If another node is
/// the sequencer, it polls until that node has sequenced the batch. Nobody is answered before the index is committed.
/// </summary>
internal sealed partial class LedgerAppender(
    IDbConnectionFactory connections,
    LedgerSequencer sequencer,
    IOptions<LedgerOptions> options,
    TimeProvider clock,
    ILogger<LedgerAppender> logger) : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private readonly Channel<Waiter> queue = Channel.CreateUnbounded<Waiter>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource stopping = new();
    private readonly object startLock = new();
    private Task? pump;

    /// <summary>Test seam: called after a batch is durable in <c>ledger_pending</c>; throwing simulates a crash before sequencing.</summary>
    internal Action<string>? FaultHook { get; set; }

    public async Task<LedgerAppended> AppendAsync(LedgerEntry entry, CancellationToken ct)
    {
        var waiter = new Waiter(PendingEntry.From(entry));
        EnsurePump();
        await queue.Writer.WriteAsync(waiter, ct);
        return await waiter.Completion.Task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await stopping.CancelAsync();
        if (pump is not null)
        {
            try
            {
                await pump;
            }
            catch (OperationCanceledException)
            {
                // stopping
            }
        }

        stopping.Dispose();
    }

    private void EnsurePump()
    {
        if (pump is not null)
        {
            return;
        }

        lock (startLock)
        {
            pump ??= Task.Run(() => PumpAsync(stopping.Token));
        }
    }

    private async Task PumpAsync(CancellationToken ct)
    {
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync(ct))
        {
            var batch = await CutBatchAsync(reader, ct);
            try
            {
                var entries = batch.Select(w => w.Entry).DistinctBy(e => Convert.ToHexStringLower(e.EntryHash)).ToList();
                var outcome = await sequencer.SequenceDirectAsync(entries, ct);
                if (outcome is not null)
                {
                    Complete(batch, outcome);
                    continue;
                }

                // Another node sequences: make the batch durable in ledger_pending and wait for its indexes.
                var before = await LookupAsync(batch.Select(w => w.Entry.EntryHash).ToList(), ct);
                var fresh = entries.Where(e => !before.ContainsKey(Convert.ToHexStringLower(e.EntryHash))).ToList();
                if (fresh.Count > 0)
                {
                    await WritePendingAsync(fresh, ct);
                    FaultHook?.Invoke("pending-written");
                }

                _ = Task.Run(() => AwaitOtherSequencerAsync(batch, before, ct), ct);
            }
#pragma warning disable CA1031 // every caller of the batch gets the failure; the pump keeps serving
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
#pragma warning restore CA1031
            {
                LogBatchFailed(logger, ex, batch.Count);
                foreach (var waiter in batch)
                {
                    waiter.Completion.TrySetException(ex);
                }
            }
        }
    }

    private async Task<List<Waiter>> CutBatchAsync(ChannelReader<Waiter> reader, CancellationToken ct)
    {
        var max = options.Value.MaxBatchSize;
        var batch = new List<Waiter>(Math.Min(max, 256));
        var deadline = clock.GetUtcNow() + options.Value.MaxBatchDelay;
        while (batch.Count < max)
        {
            if (reader.TryRead(out var next))
            {
                batch.Add(next);
                continue;
            }

            var remaining = deadline - clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero || batch.Count == 0 && !await reader.WaitToReadAsync(ct))
            {
                break;
            }

            if (batch.Count == 0)
            {
                continue;
            }

            var wait = remaining < options.Value.BatchIdleCut ? remaining : options.Value.BatchIdleCut;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(wait);
            try
            {
                if (!await reader.WaitToReadAsync(timeout.Token))
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                break;
            }
        }

        return batch;
    }

    private async Task WritePendingAsync(List<PendingEntry> entries, CancellationToken ct)
    {
        var provider = connections.Provider;
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenDurableAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await EntryRowWriter.InsertPendingAsync(connection, transaction, provider, entries, now, ct);
        await transaction.CommitAsync(ct);
    }

    private async Task AwaitOtherSequencerAsync(List<Waiter> batch, Dictionary<string, long> before, CancellationToken ct)
    {
        try
        {
            var answered = new HashSet<string>(StringComparer.Ordinal);
            var open = batch;
            while (open.Count > 0)
            {
                await Task.Delay(PollInterval, clock, ct);
                var found = await LookupAsync(open.Select(w => w.Entry.EntryHash).ToList(), ct);
                var still = new List<Waiter>();
                foreach (var waiter in open)
                {
                    var hash = Convert.ToHexStringLower(waiter.Entry.EntryHash);
                    if (found.TryGetValue(hash, out var index))
                    {
                        waiter.Completion.TrySetResult(new LedgerAppended(index, hash, before.ContainsKey(hash) || !answered.Add(hash)));
                    }
                    else
                    {
                        still.Add(waiter);
                    }
                }

                open = still;
            }
        }
#pragma warning disable CA1031 // handed to the callers
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var waiter in batch)
            {
                waiter.Completion.TrySetException(ex);
            }
        }
    }

    private static void Complete(List<Waiter> batch, Dictionary<string, (long Index, bool Existing)> outcome)
    {
        var answered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var waiter in batch)
        {
            var hash = Convert.ToHexStringLower(waiter.Entry.EntryHash);
            var (index, existing) = outcome[hash];

            // The first caller of an entry that was not in the log before this batch gets AlreadyRecorded = false.
            var fresh = !existing && answered.Add(hash);
            waiter.Completion.TrySetResult(new LedgerAppended(index, hash, !fresh));
        }
    }

    private async Task<Dictionary<string, long>> LookupAsync(List<byte[]> hashes, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await LedgerSql.IndexesByEntryHashAsync(connection, null, hashes, ct);
    }

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "A ledger batch of {Count} entries failed; its callers get the error")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    private sealed record Waiter(PendingEntry Entry)
    {
        public TaskCompletionSource<LedgerAppended> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
