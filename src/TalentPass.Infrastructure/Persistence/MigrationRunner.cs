using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace TalentPass.Infrastructure.Persistence;

/// <summary>
/// A module's versioned SQL migrations: embedded resources named
/// <c>migrations/&lt;provider&gt;/NNNN_name.sql</c> (see <c>docs/adr/0002-migrations.md</c>).
/// </summary>
public sealed record ModuleMigrations(string Module, Assembly Assembly)
{
    public IReadOnlyList<MigrationScript> Scripts(DatabaseProvider provider)
    {
        var prefix = $"migrations/{provider.ToString().ToLowerInvariant()}/";
        var scripts = new List<MigrationScript>();
        foreach (var name in Assembly.GetManifestResourceNames())
        {
            var normalised = name.Replace('\\', '/');
            if (!normalised.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !normalised.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var file = normalised[prefix.Length..^4];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore < 1 || !int.TryParse(file[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration resource '{name}' of module {Module} is not named NNNN_name.sql.");
            }

            using var stream = Assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd();
            scripts.Add(new MigrationScript(Module, version, file[(underscore + 1)..], sql));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < scripts.Count; i++)
        {
            if (scripts[i].Version == scripts[i - 1].Version)
            {
                throw new InvalidOperationException($"Module {Module} has two {provider} migrations numbered {scripts[i].Version}.");
            }
        }

        return scripts;
    }
}

public sealed record MigrationScript(string Module, int Version, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}

/// <summary>
/// Applies pending migrations of every module, each script in its own transaction, recording them in
/// <c>tp_schema_migrations</c>. Refuses to run when an applied script was edited afterwards (checksum). On
/// PostgreSQL an advisory lock makes concurrent nodes wait for each other; on SQLite a write transaction does.
/// </summary>
public sealed partial class MigrationRunner(IEnumerable<ModuleMigrations> modules, IDbConnectionFactory connections, ILogger<MigrationRunner> logger)
{
    private const long AdvisoryLockKey = 0x5450_4D49_4752; // "TPMIGR"

    public async Task<IReadOnlyList<MigrationScript>> ApplyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var provider = connections.Provider;
        if (provider == DatabaseProvider.Sqlite)
        {
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        }
        else
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey});", cancellationToken);
        }

        try
        {
            await ExecuteAsync(connection, null, HistoryTableSql(provider), cancellationToken);
            var applied = await ReadAppliedAsync(connection, cancellationToken);
            var done = new List<MigrationScript>();
            foreach (var module in modules)
            {
                foreach (var script in module.Scripts(provider))
                {
                    if (applied.TryGetValue((script.Module, script.Version), out var checksum))
                    {
                        if (!string.Equals(checksum, script.Checksum, StringComparison.Ordinal))
                        {
                            throw new InvalidOperationException(
                                $"Migration {script.Module} {script.Version:D4}_{script.Name} was changed after it was applied. Add a new migration instead.");
                        }

                        continue;
                    }

                    await ApplyScriptAsync(connection, provider, script, cancellationToken);
                    LogApplied(logger, script.Module, script.Version, script.Name);
                    done.Add(script);
                }
            }

            return done;
        }
        finally
        {
            if (provider == DatabaseProvider.Postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey});", CancellationToken.None);
            }
        }
    }

    /// <summary>Lists scripts not yet applied, without applying anything.</summary>
    public async Task<IReadOnlyList<MigrationScript>> PendingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, HistoryTableSql(connections.Provider), cancellationToken);
        var applied = await ReadAppliedAsync(connection, cancellationToken);
        return modules.SelectMany(m => m.Scripts(connections.Provider))
            .Where(s => !applied.ContainsKey((s.Module, s.Version)))
            .ToList();
    }

    private static string HistoryTableSql(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? """
          CREATE TABLE IF NOT EXISTS tp_schema_migrations (
              module TEXT NOT NULL,
              version INTEGER NOT NULL,
              name TEXT NOT NULL,
              checksum TEXT NOT NULL,
              applied_at TEXT NOT NULL,
              PRIMARY KEY (module, version)
          );
          """
        : """
          CREATE TABLE IF NOT EXISTS tp_schema_migrations (
              module text NOT NULL,
              version integer NOT NULL,
              name text NOT NULL,
              checksum text NOT NULL,
              applied_at timestamptz NOT NULL,
              PRIMARY KEY (module, version)
          );
          """;

    private static async Task<Dictionary<(string, int), string>> ReadAppliedAsync(DbConnection connection, CancellationToken ct)
    {
        var applied = new Dictionary<(string, int), string>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT module, version, checksum FROM tp_schema_migrations";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            applied[(reader.GetString(0), reader.GetInt32(1))] = reader.GetString(2);
        }

        return applied;
    }

    private static async Task ApplyScriptAsync(DbConnection connection, DatabaseProvider provider, MigrationScript script, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, transaction, script.Sql, ct);
        await using var record = connection.CreateCommand();
        record.Transaction = transaction;
        record.CommandText = provider == DatabaseProvider.Sqlite
            ? "INSERT INTO tp_schema_migrations (module, version, name, checksum, applied_at) VALUES ($m, $v, $n, $c, strftime('%Y-%m-%dT%H:%M:%fZ','now'))"
            : "INSERT INTO tp_schema_migrations (module, version, name, checksum, applied_at) VALUES (@m, @v, @n, @c, now())";
        AddParameter(record, provider, "m", script.Module);
        AddParameter(record, provider, "v", script.Version);
        AddParameter(record, provider, "n", script.Name);
        AddParameter(record, provider, "c", script.Checksum);
        await record.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static void AddParameter(DbCommand command, DatabaseProvider provider, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = (provider == DatabaseProvider.Sqlite ? "$" : "@") + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Applied migration {Module} {Version:D4}_{Name}")]
    private static partial void LogApplied(ILogger logger, string module, int version, string name);
}
