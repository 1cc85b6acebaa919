using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace TalentPass.Benchmarks;

/// <summary>
/// The limits the registry figures are compared with, measured in the same run on the same machine:
/// inserting the same rows into a bare table with the provider's fastest path (no validation, no crypto, no
/// indexes but the primary key), and the field crypto alone.
/// </summary>
internal static class Limits
{
    private const int Columns = 12;

    /// <summary>Rows per second for a bare insert of the CSV into an unindexed table.</summary>
    public static async Task<double> RawInsertAsync(string provider, string connectionString, string csvPath, CancellationToken cancellationToken)
    {
        var rows = File.ReadLines(csvPath).Skip(1).Select(l => l.Split(',')).ToList();
        var stopwatch = Stopwatch.StartNew();
        if (provider == "sqlite")
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await ExecAsync(connection, "PRAGMA journal_mode=WAL; DROP TABLE IF EXISTS bench_raw; CREATE TABLE bench_raw (c0 TEXT PRIMARY KEY, c1 TEXT, c2 TEXT, c3 TEXT, c4 TEXT, c5 TEXT, c6 TEXT, c7 TEXT, c8 TEXT, c9 TEXT, c10 TEXT, c11 TEXT)", cancellationToken);
            stopwatch.Restart();
            foreach (var batch in rows.Chunk(50_000))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.Transaction = (SqliteTransaction)transaction;
                command.CommandText = "INSERT INTO bench_raw VALUES ($0,$1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)";
                var parameters = Enumerable.Range(0, Columns).Select(i => command.Parameters.Add("$" + i, SqliteType.Text)).ToArray();
                command.Prepare();
                foreach (var row in batch)
                {
                    for (var i = 0; i < Columns; i++)
                    {
                        parameters[i].Value = row[i];
                    }

                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            stopwatch.Stop();
            await ExecAsync(connection, "DROP TABLE bench_raw", cancellationToken);
        }
        else
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await ExecAsync(connection, "DROP TABLE IF EXISTS bench_raw; CREATE UNLOGGED TABLE bench_raw (c0 text PRIMARY KEY, c1 text, c2 text, c3 text, c4 text, c5 text, c6 text, c7 text, c8 text, c9 text, c10 text, c11 text)", cancellationToken);
            await ExecAsync(connection, "ALTER TABLE bench_raw SET LOGGED", cancellationToken);
            stopwatch.Restart();
            await using (var importer = await connection.BeginBinaryImportAsync("COPY bench_raw FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var row in rows)
                {
                    await importer.StartRowAsync(cancellationToken);
                    for (var i = 0; i < Columns; i++)
                    {
                        await importer.WriteAsync(row[i], NpgsqlDbType.Text, cancellationToken);
                    }
                }

                await importer.CompleteAsync(cancellationToken);
            }

            stopwatch.Stop();
            await ExecAsync(connection, "DROP TABLE bench_raw", cancellationToken);
        }

        return rows.Count / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>Rows per second, one core, for the crypto one imported row needs: 3 AES-GCM encryptions, 2 HMACs.</summary>
    public static double RawCrypto(string csvPath, int sample = 200_000)
    {
        var rows = File.ReadLines(csvPath).Skip(1).Take(sample).Select(l => l.Split(',')).ToList();
        var key = RandomNumberGenerator.GetBytes(32);
        var macKey = RandomNumberGenerator.GetBytes(32);
        using var aes = new AesGcm(key, 16);
        var nonce = new byte[12];
        var tag = new byte[16];
        var buffer = new byte[256];
        var stopwatch = Stopwatch.StartNew();
        foreach (var row in rows)
        {
            foreach (var value in (string[])[row[0], row[2], row[3]])
            {
                var plain = Encoding.UTF8.GetBytes(value);
                RandomNumberGenerator.Fill(nonce);
                aes.Encrypt(nonce, plain, buffer.AsSpan(0, plain.Length), tag);
                _ = Convert.ToBase64String(buffer, 0, plain.Length);
            }

            _ = Convert.ToHexStringLower(HMACSHA256.HashData(macKey, Encoding.UTF8.GetBytes("id:" + row[0])));
            _ = Convert.ToHexStringLower(HMACSHA256.HashData(macKey, Encoding.UTF8.GetBytes("phone:" + row[2])));
        }

        stopwatch.Stop();
        return rows.Count / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task ExecAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
