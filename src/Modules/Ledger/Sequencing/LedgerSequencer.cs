using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Ledger.Domain;
using TalentPass.Modules.Ledger.Persistence;

namespace TalentPass.Modules.Ledger.Sequencing;

/// <summary>An entry written durably to <c>ledger_pending</c>, waiting for its index.</summary>
internal sealed record PendingEntry(
    byte[] EntryHash,
    byte[] Entry,
    string Kind,
    string Digest,
    string Parties,
    string Submitter,
    string? Reference,
    DateTimeOffset EntryTime)
{
    public long Id { get; init; }

    public static PendingEntry From(LedgerEntry entry) =>
        new(entry.EntryHash, entry.Canonical, entry.Kind, entry.Digest, entry.PartiesColumn, entry.Submitter, entry.Reference, entry.Time);
}

/// <summary>
/// The one sequencer: moves pending entries into the log in batches, each batch in ONE transaction that adds
/// the entries with dense indexes, rewrites the changed tiles, advances <c>ledger_tree</c> (guarded by the
/// size it read) and deletes the pending rows. A crash at any point leaves either the whole batch or none of
/// it: never a gap, never a fork. On PostgreSQL only the holder of a session advisory lock sequences
/// (<see cref="SequencerLease"/>); the guarded update makes even two would-be leaders safe.
/// </summary>
internal sealed partial class LedgerSequencer(
    IDbConnectionFactory connections,
    SequencerLease lease,
    IOptions<LedgerOptions> options,
    TimeProvider clock,
    ILogger<LedgerSequencer> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly LogHasher hasher = LogHasher.For(options.Value.HashProfile);
    private TreeEdge? edge;

    /// <summary>Test seam: called at named steps ("batch-read", "entries-written", "before-commit"); throwing simulates a crash there.</summary>
    internal Action<string>? FaultHook { get; set; }

    public LogHasher Hasher => hasher;

    public bool IsLeader => lease.IsHeld;

    /// <summary>
    /// Sequences everything pending, batch by batch. Returns null when another node holds the lease, else the
    /// entry hashes this call added to the log.
    /// </summary>
    public async Task<HashSet<string>?> SequencePendingAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (!await lease.TryAcquireAsync(ct))
            {
                return null;
            }

            var added = new HashSet<string>(StringComparer.Ordinal);
            while (true)
            {
                var batch = await SequenceBatchAsync(null, null, added, ct);
                if (batch < options.Value.MaxBatchSize)
                {
                    return added;
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The leader's fast path: sequences <paramref name="batch"/> (with anything other nodes left pending) in one
    /// transaction, without writing it to <c>ledger_pending</c> first. Returns null when another node holds the
    /// lease, else each entry hash's index and whether it was in the log before.
    /// </summary>
    public async Task<Dictionary<string, (long Index, bool Existing)>?> SequenceDirectAsync(IReadOnlyList<PendingEntry> batch, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (!await lease.TryAcquireAsync(ct))
            {
                return null;
            }

            var outcome = new Dictionary<string, (long Index, bool Existing)>(StringComparer.Ordinal);
            var added = new HashSet<string>(StringComparer.Ordinal);
            if (await SequenceBatchAsync(batch, outcome, added, ct) >= options.Value.MaxBatchSize)
            {
                while (await SequenceBatchAsync(null, null, added, ct) >= options.Value.MaxBatchSize)
                {
                    // drain what other nodes left pending
                }
            }

            return outcome;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<int> SequenceBatchAsync(IReadOnlyList<PendingEntry>? direct, Dictionary<string, (long Index, bool Existing)>? outcome, HashSet<string> added, CancellationToken ct)
    {
        var provider = connections.Provider;
        await using var connection = await connections.OpenDurableAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            var (size, profile) = await ReadTreeAsync(connection, transaction, provider, ct);
            if (profile is not null && profile != hasher.Profile)
            {
                throw new InvalidOperationException($"The ledger was started with hash profile '{profile}'; Ledger:HashProfile is '{hasher.Profile}'. The profile of a log never changes.");
            }

            var pending = await ReadPendingAsync(connection, transaction, options.Value.MaxBatchSize, ct);
            if (pending.Count == 0 && (direct is null || direct.Count == 0))
            {
                await transaction.RollbackAsync(ct);
                return 0;
            }

            FaultHook?.Invoke("batch-read");
            var candidates = direct is null ? pending : [.. pending, .. direct];
            if (edge is null || edge.Size != size)
            {
                edge = TreeEdge.Load(hasher, size, (l, i) => LedgerSql.ReadTile(connection, transaction, l, i));
            }

            var known = await LedgerSql.IndexesByEntryHashAsync(connection, transaction, candidates.Select(e => e.EntryHash), ct);
            var existing = new HashSet<string>(known.Keys, StringComparer.Ordinal);
            var rows = new List<(long Index, PendingEntry Entry, byte[] Leaf)>(candidates.Count);
            foreach (var entry in candidates)
            {
                var hash = Convert.ToHexStringLower(entry.EntryHash);
                if (!known.ContainsKey(hash))
                {
                    var leaf = hasher.Leaf(entry.Entry);
                    known[hash] = edge.Size;
                    rows.Add((edge.Size, entry, leaf));
                    edge.Append(leaf);
                }
            }

            var now = clock.GetUtcNow();
            await EntryRowWriter.InsertEntriesAsync(connection, transaction, provider, rows, now, ct);
            FaultHook?.Invoke("entries-written");
            foreach (var tile in edge.TakeChanged())
            {
                await UpsertTileAsync(connection, transaction, tile, ct);
            }

            await AdvanceTreeAsync(connection, transaction, provider, size, edge.Size, edge.Root(), now, ct);
            if (pending.Count > 0)
            {
                await DeletePendingAsync(connection, transaction, provider, pending, ct);
            }

            FaultHook?.Invoke("before-commit");
            await transaction.CommitAsync(ct);
            foreach (var row in rows)
            {
                added.Add(Convert.ToHexStringLower(row.Entry.EntryHash));
            }

            if (outcome is not null && direct is not null)
            {
                foreach (var entry in direct)
                {
                    var hash = Convert.ToHexStringLower(entry.EntryHash);
                    outcome[hash] = (known[hash], existing.Contains(hash));
                }
            }

            if (rows.Count > 0)
            {
                LogSequenced(logger, rows.Count, rows[0].Index, edge.Size);
            }

            return candidates.Count;
        }
        catch
        {
            edge = null; // the in-memory edge may be ahead of what was committed: reload next time
            throw;
        }
    }

    private async Task<(long Size, string? Profile)> ReadTreeAsync(DbConnection connection, DbTransaction transaction, DatabaseProvider provider, CancellationToken ct)
    {
        var sql = provider == DatabaseProvider.Postgres
            ? "SELECT size, hash_profile FROM ledger_tree WHERE id = 1 FOR UPDATE"
            : "SELECT size, hash_profile FROM ledger_tree WHERE id = 1";
        await using var command = connection.Command(transaction, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            throw new InvalidOperationException("ledger_tree has no row: the Ledger migrations were not applied.");
        }

        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    private static async Task<List<PendingEntry>> ReadPendingAsync(DbConnection connection, DbTransaction transaction, int limit, CancellationToken ct)
    {
        await using var command = connection.Command(transaction,
            "SELECT id, entry_hash, entry, kind, digest, parties, submitter, reference, entry_time FROM ledger_pending ORDER BY id LIMIT @n");
        command.Add("n", limit);
        var list = new List<PendingEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new PendingEntry(
                (byte[])reader.GetValue(1),
                (byte[])reader.GetValue(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                LedgerSql.ReadInstant(reader, 8))
            { Id = reader.GetInt64(0) });
        }

        return list;
    }

    private static async Task UpsertTileAsync(DbConnection connection, DbTransaction transaction, Tile tile, CancellationToken ct)
    {
        await using var command = connection.Command(transaction,
            """
            INSERT INTO ledger_tiles (level, tile_index, width, hashes) VALUES (@l, @i, @w, @h)
            ON CONFLICT (level, tile_index) DO UPDATE SET width = excluded.width, hashes = excluded.hashes
            """);
        command.Add("l", tile.Level);
        command.Add("i", tile.Index);
        command.Add("w", tile.Width);
        command.Add("h", tile.Hashes);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task AdvanceTreeAsync(DbConnection connection, DbTransaction transaction, DatabaseProvider provider, long from, long to, byte[] root, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = connection.Command(transaction,
            "UPDATE ledger_tree SET size = @to, root_hash = @root, hash_profile = @profile, origin = @origin, updated_at = @now WHERE id = 1 AND size = @from");
        command.Add("to", to);
        command.Add("root", root);
        command.Add("profile", hasher.Profile);
        command.Add("origin", options.Value.Origin);
        command.Add("now", LedgerSql.Instant(provider, now));
        command.Add("from", from);
        if (await command.ExecuteNonQueryAsync(ct) != 1)
        {
            throw new InvalidOperationException($"The ledger tree moved from size {from} during sequencing; the batch is rolled back.");
        }
    }

    private static async Task DeletePendingAsync(DbConnection connection, DbTransaction transaction, DatabaseProvider provider, List<PendingEntry> pending, CancellationToken ct)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            await using var delete = new NpgsqlCommand("DELETE FROM ledger_pending WHERE id = ANY(@ids)", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
            delete.Parameters.Add(new NpgsqlParameter<long[]>("ids", pending.Select(p => p.Id).ToArray()));
            await delete.ExecuteNonQueryAsync(ct);
            return;
        }

        await using var command = connection.Command(transaction, "DELETE FROM ledger_pending WHERE id = @id");
        var id = command.Add("id", 0L);
        foreach (var entry in pending)
        {
            id.Value = entry.Id;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Sequenced {Count} entries from index {First}; tree size {Size}")]
    private static partial void LogSequenced(ILogger logger, int count, long first, long size);
}
