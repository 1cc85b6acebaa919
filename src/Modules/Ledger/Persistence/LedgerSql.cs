using System.Data.Common;
using System.Globalization;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.Modules.Ledger.Persistence;

/// <summary>Small raw-ADO helpers shared by the sequencer, the publisher and the audit (both providers take <c>@name</c>).</summary>
internal static class LedgerSql
{
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>The log index of each of these entry hashes that is already sequenced, keyed by the lower-case hex hash.</summary>
    public static async Task<Dictionary<string, long>> IndexesByEntryHashAsync(DbConnection connection, DbTransaction? transaction, IEnumerable<byte[]> hashes, CancellationToken ct)
    {
        await using var command = connection.Command(transaction, string.Empty);
        var names = new List<string>();
        foreach (var hash in hashes.DistinctBy(Convert.ToHexStringLower))
        {
            var name = "h" + names.Count.ToString(CultureInfo.InvariantCulture);
            names.Add("@" + name);
            command.Add(name, hash);
        }

        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return map;
        }

        command.CommandText = $"SELECT entry_hash, idx FROM ledger_entries WHERE entry_hash IN ({string.Join(',', names)})";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            map[Convert.ToHexStringLower((byte[])reader.GetValue(0))] = reader.GetInt64(1);
        }

        return map;
    }

    public static DbParameter Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>An instant as the provider stores it: UTC ticks on SQLite, timestamptz on PostgreSQL.</summary>
    public static object Instant(DatabaseProvider provider, DateTimeOffset value) =>
        provider == DatabaseProvider.Sqlite ? value.UtcTicks : value.ToUniversalTime();

    public static DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(long)
            ? new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero)
            : reader.GetFieldValue<DateTimeOffset>(ordinal).ToUniversalTime();

    public static long ToInt64(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    /// <summary>Opens a connection for ledger writes; on SQLite every commit is fsynced (durable before acknowledged).</summary>
    public static async Task<DbConnection> OpenDurableAsync(this IDbConnectionFactory connections, CancellationToken ct)
    {
        var connection = await connections.OpenAsync(ct);
        if (connections.Provider == DatabaseProvider.Sqlite)
        {
            await using var pragma = connection.Command(null, "PRAGMA synchronous=FULL;");
            await pragma.ExecuteNonQueryAsync(ct);
        }

        return connection;
    }

    public static async Task<Domain.Tile?> ReadTileAsync(DbConnection connection, DbTransaction? transaction, int level, long index, CancellationToken ct)
    {
        await using var command = connection.Command(transaction, "SELECT width, hashes FROM ledger_tiles WHERE level = @l AND tile_index = @i");
        command.Add("l", level);
        command.Add("i", index);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new Domain.Tile(level, index, reader.GetInt32(0), (byte[])reader.GetValue(1)) : null;
    }

    public static Domain.Tile? ReadTile(DbConnection connection, DbTransaction? transaction, int level, long index)
    {
        using var command = connection.Command(transaction, "SELECT width, hashes FROM ledger_tiles WHERE level = @l AND tile_index = @i");
        command.Add("l", level);
        command.Add("i", index);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new Domain.Tile(level, index, reader.GetInt32(0), (byte[])reader.GetValue(1)) : null;
    }
}
