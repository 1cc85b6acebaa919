using System.Data.Common;
using System.Globalization;
using Npgsql;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.Modules.Services.Persistence;

/// <summary>
/// Plain ADO.NET inserts in EF's storage formats (Guid TEXT/uuid, dates TEXT/date, instants UTC ticks/timestamptz,
/// booleans INTEGER/boolean), so rows written here read back through the EF model exactly like rows EF wrote. On
/// PostgreSQL large row sets go through binary COPY; otherwise one prepared INSERT per table, reused per row.
/// </summary>
internal sealed class RowWriter(DbConnection connection, DbTransaction transaction, bool sqlite)
{
    public const int CopyThreshold = 64;

    public async Task InsertAsync<T>(string table, string[] columns, IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (!sqlite && rows.Count >= CopyThreshold && connection is NpgsqlConnection npgsql)
        {
            await using var importer = await npgsql.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                foreach (var value in values(row))
                {
                    var v = Store(value);
                    if (v is DBNull)
                    {
                        await importer.WriteNullAsync(ct);
                    }
                    else
                    {
                        await importer.WriteAsync(v, TypeOf(v), ct);
                    }
                }
            }

            await importer.CompleteAsync(ct);
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = new DbParameter[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameters[i]);
        }

        foreach (var row in rows)
        {
            var v = values(row);
            for (var i = 0; i < v.Length; i++)
            {
                parameters[i].Value = Store(v[i]);
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static NpgsqlTypes.NpgsqlDbType TypeOf(object value) => value switch
    {
        Guid => NpgsqlTypes.NpgsqlDbType.Uuid,
        string => NpgsqlTypes.NpgsqlDbType.Text,
        int => NpgsqlTypes.NpgsqlDbType.Integer,
        long => NpgsqlTypes.NpgsqlDbType.Bigint,
        bool => NpgsqlTypes.NpgsqlDbType.Boolean,
        DateOnly => NpgsqlTypes.NpgsqlDbType.Date,
        DateTimeOffset => NpgsqlTypes.NpgsqlDbType.TimestampTz,
        _ => throw new InvalidOperationException($"No PostgreSQL type for {value.GetType()}."),
    };

    public object Store(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset instant => sqlite ? instant.UtcTicks : instant.ToUniversalTime(),
        DateOnly day => sqlite ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : day,
        bool flag => sqlite ? (flag ? 1L : 0L) : flag,
        _ => value,
    };

    public static bool IsSqlite(IDbConnectionFactory connections) => connections.Provider == DatabaseProvider.Sqlite;
}
