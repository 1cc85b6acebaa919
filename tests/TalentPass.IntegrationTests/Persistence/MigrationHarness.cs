using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Persistence;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.Persistence;

/// <summary>
/// Another fresh, empty database of the configured provider with just the persistence services, for tests that
/// must migrate from scratch or break the migration history without disturbing the shared test host.
/// </summary>
internal sealed class MigrationHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private MigrationHarness(TestDatabase database, ServiceProvider services)
    {
        Database = database;
        this.services = services;
    }

    public TestDatabase Database { get; }

    public MigrationRunner Runner => services.GetRequiredService<MigrationRunner>();

    public DatabaseOptions Options => services.GetRequiredService<DatabaseOptions>();

    public static async Task<MigrationHarness> CreateAsync(IEnumerable<ModuleMigrations> modules)
    {
        var database = await TestDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Provider,
                ["ConnectionStrings:TalentPass"] = database.ConnectionString,
            })
            .Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddTalentPassDatabase(configuration);
        foreach (var module in modules)
        {
            collection.AddSingleton(module);
        }

        return new MigrationHarness(database, collection.BuildServiceProvider());
    }

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<IDbConnectionFactory>().OpenAsync(cancellationToken);

    public TContext CreateContext<TContext>(Func<DbContextOptions<TContext>, TContext> create)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(create);
        var options = new DbContextOptionsBuilder<TContext>();
        options.UseTalentPassDatabase(Options);
        return create(options.Options);
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
