using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Ledger.Sequencing;

namespace TalentPass.Modules.Ledger.Persistence;

/// <summary>
/// Writes entries to <c>ledger_entries</c> (with index and leaf hash) or to <c>ledger_pending</c> (ignoring entries
/// already pending): one multi-row <c>INSERT … SELECT FROM unnest(…)</c> round trip on PostgreSQL, a prepared
/// statement per row on SQLite (in-process, no round trips).
/// </summary>
internal static class EntryRowWriter
{
    public static Task InsertEntriesAsync(DbConnection connection, DbTransaction transaction, DatabaseProvider provider, IReadOnlyList<(long Index, PendingEntry Entry, byte[] Leaf)> rows, DateTimeOffset now, CancellationToken ct) =>
        InsertAsync(connection, transaction, provider, rows.Select(r => ((long?)r.Index, r.Entry, (byte[]?)r.Leaf)).ToList(), now, ct);

    public static Task InsertPendingAsync(DbConnection connection, DbTransaction transaction, DatabaseProvider provider, IReadOnlyList<PendingEntry> entries, DateTimeOffset now, CancellationToken ct) =>
        InsertAsync(connection, transaction, provider, entries.Select(e => ((long?)null, e, (byte[]?)null)).ToList(), now, ct);

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, DatabaseProvider provider, List<(long? Index, PendingEntry Entry, byte[]? Leaf)> rows, DateTimeOffset now, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var log = rows[0].Index is not null;
        var head = log
            ? "INSERT INTO ledger_entries (idx, entry_hash, leaf_hash, entry, kind, digest, parties, submitter, reference, entry_time, sequenced_at)"
            : "INSERT INTO ledger_pending (entry_hash, entry, kind, digest, parties, submitter, reference, entry_time, received_at)";
        var tail = log ? string.Empty : " ON CONFLICT (entry_hash) DO NOTHING";
        if (provider == DatabaseProvider.Postgres)
        {
            await using var bulk = new NpgsqlCommand(
                head + (log
                    ? " SELECT i, h, l, e, k, d, p, s, r, t, @now FROM unnest(@idx, @hash, @leaf, @entry, @kind, @digest, @parties, @submitter, @reference, @time) AS x(i, h, l, e, k, d, p, s, r, t)"
                    : " SELECT h, e, k, d, p, s, r, t, @now FROM unnest(@hash, @entry, @kind, @digest, @parties, @submitter, @reference, @time) AS x(h, e, k, d, p, s, r, t)") + tail,
                (NpgsqlConnection)connection,
                (NpgsqlTransaction)transaction);
            if (log)
            {
                bulk.Parameters.Add(new NpgsqlParameter<long[]>("idx", rows.Select(r => r.Index!.Value).ToArray()));
                bulk.Parameters.Add(new NpgsqlParameter<byte[][]>("leaf", rows.Select(r => r.Leaf!).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
            }

            bulk.Parameters.Add(new NpgsqlParameter<byte[][]>("hash", rows.Select(r => r.Entry.EntryHash).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
            bulk.Parameters.Add(new NpgsqlParameter<byte[][]>("entry", rows.Select(r => r.Entry.Entry).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
            bulk.Parameters.Add(new NpgsqlParameter<string[]>("kind", rows.Select(r => r.Entry.Kind).ToArray()));
            bulk.Parameters.Add(new NpgsqlParameter<string[]>("digest", rows.Select(r => r.Entry.Digest).ToArray()));
            bulk.Parameters.Add(new NpgsqlParameter<string[]>("parties", rows.Select(r => r.Entry.Parties).ToArray()));
            bulk.Parameters.Add(new NpgsqlParameter<string[]>("submitter", rows.Select(r => r.Entry.Submitter).ToArray()));
            bulk.Parameters.Add(new NpgsqlParameter<string?[]>("reference", rows.Select(r => r.Entry.Reference).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            bulk.Parameters.Add(new NpgsqlParameter<DateTime[]>("time", rows.Select(r => r.Entry.EntryTime.UtcDateTime).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            bulk.Parameters.Add(new NpgsqlParameter<DateTime>("now", now.UtcDateTime) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await bulk.ExecuteNonQueryAsync(ct);
            return;
        }

        await using var insert = connection.Command(transaction, head + (log
            ? " VALUES (@idx, @hash, @leaf, @entry, @kind, @digest, @parties, @submitter, @reference, @time, @now)"
            : " VALUES (@hash, @entry, @kind, @digest, @parties, @submitter, @reference, @time, @now)") + tail);
        var idx = log ? insert.Add("idx", 0L) : null;
        var leaf = log ? insert.Add("leaf", Array.Empty<byte>()) : null;
        var hash = insert.Add("hash", Array.Empty<byte>());
        var entry = insert.Add("entry", Array.Empty<byte>());
        var kind = insert.Add("kind", string.Empty);
        var digest = insert.Add("digest", string.Empty);
        var parties = insert.Add("parties", string.Empty);
        var submitter = insert.Add("submitter", string.Empty);
        var reference = insert.Add("reference", null);
        var time = insert.Add("time", 0L);
        insert.Add("now", now.UtcTicks);
        insert.Prepare();
        foreach (var row in rows)
        {
            if (log)
            {
                idx!.Value = row.Index!.Value;
                leaf!.Value = row.Leaf!;
            }

            hash.Value = row.Entry.EntryHash;
            entry.Value = row.Entry.Entry;
            kind.Value = row.Entry.Kind;
            digest.Value = row.Entry.Digest;
            parties.Value = row.Entry.Parties;
            submitter.Value = row.Entry.Submitter;
            reference.Value = (object?)row.Entry.Reference ?? DBNull.Value;
            time.Value = row.Entry.EntryTime.UtcTicks;
            await insert.ExecuteNonQueryAsync(ct);
        }
    }
}
