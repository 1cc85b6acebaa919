using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Demo;

namespace TalentPass.Infrastructure.Persistence;

/// <summary>
/// Start-up work for the embedded default: apply migrations, then seed the demo city once when demo mode is
/// on and the database has never been seeded. Refuses demo mode in a production environment.
/// </summary>
public sealed partial class DatabaseInitializer(
    MigrationRunner migrations,
    IEnumerable<IDemoSeeder> seeders,
    IDbConnectionFactory connections,
    IOptions<DemoOptions> demo,
    DatabaseOptions database,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitialiseAsync(bool migrate, CancellationToken cancellationToken)
    {
        if (migrate)
        {
            await migrations.ApplyAsync(cancellationToken);
        }

        if (!demo.Value.Enabled)
        {
            return;
        }

        await SeedDemoAsync(cancellationToken);
    }

    /// <summary>Seeds the demo data unless it is already there. Returns whether it seeded.</summary>
    public async Task<bool> SeedDemoAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = database.IsSqlite
                ? "CREATE TABLE IF NOT EXISTS tp_demo_seed (id INTEGER PRIMARY KEY CHECK (id = 1), seeded_at TEXT NOT NULL)"
                : "CREATE TABLE IF NOT EXISTS tp_demo_seed (id integer PRIMARY KEY CHECK (id = 1), seeded_at timestamptz NOT NULL)";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var check = connection.CreateCommand())
        {
            check.CommandText = "SELECT COUNT(*) FROM tp_demo_seed";
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                return false;
            }
        }

        foreach (var seeder in seeders.OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(cancellationToken);
        }

        await using (var mark = connection.CreateCommand())
        {
            mark.CommandText = database.IsSqlite
                ? "INSERT INTO tp_demo_seed (id, seeded_at) VALUES (1, strftime('%Y-%m-%dT%H:%M:%fZ','now'))"
                : "INSERT INTO tp_demo_seed (id, seeded_at) VALUES (1, now())";
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }

        LogSeeded(logger);
        return true;
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Demo data seeded")]
    private static partial void LogSeeded(ILogger logger);
}
