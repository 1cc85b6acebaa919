using Npgsql;

namespace TalentPass.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test host, on the provider chosen by <c>TALENTPASS_TEST_PROVIDER</c>
/// (<c>sqlite</c>, the default, or <c>postgres</c>). PostgreSQL needs <c>TALENTPASS_TEST_PG</c>, a connection string
/// to a server where the user may create databases (scripts/test.sh starts one).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? sqliteDirectory;
    private readonly string? postgresAdmin;
    private readonly string? postgresName;

    private TestDatabase(string provider, string connectionString, string? sqliteDirectory, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteDirectory = sqliteDirectory;
        this.postgresAdmin = postgresAdmin;
        this.postgresName = postgresName;
    }

    /// <summary><c>Sqlite</c> or <c>Postgres</c>, as <c>Database:Provider</c> expects it.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public bool IsPostgres => Provider == "Postgres";

    public static string ConfiguredProvider =>
        string.Equals(Environment.GetEnvironmentVariable("TALENTPASS_TEST_PROVIDER"), "postgres", StringComparison.OrdinalIgnoreCase)
            ? "Postgres"
            : "Sqlite";

    public static async Task<TestDatabase> CreateAsync()
    {
        if (ConfiguredProvider == "Sqlite")
        {
            var directory = Path.Combine(Path.GetTempPath(), "talentpass-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            return new TestDatabase("Sqlite", $"Data Source={Path.Combine(directory, "talentpass.db")}", directory, null, null);
        }

        var admin = Environment.GetEnvironmentVariable("TALENTPASS_TEST_PG")
            ?? throw new InvalidOperationException("TALENTPASS_TEST_PROVIDER=postgres needs TALENTPASS_TEST_PG (a connection string; scripts/test.sh sets it).");
        var name = "tp_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase("Postgres", builder.ConnectionString, null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finalising connection; the temp folder is cleaned by the OS.
            }
        }

        if (postgresAdmin is not null && postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
