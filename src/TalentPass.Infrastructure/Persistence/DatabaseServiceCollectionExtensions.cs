using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace TalentPass.Infrastructure.Persistence;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Binds <see cref="DatabaseOptions"/>, the connection factory and the migration runner.</summary>
    public static IServiceCollection AddTalentPassDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .Configure(o =>
            {
                var cs = configuration.GetConnectionString("TalentPass");
                if (!string.IsNullOrWhiteSpace(cs))
                {
                    o.ConnectionString = cs;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        services.AddSingleton<IDbConnectionFactory, DbConnectionFactory>();
        services.AddSingleton<MigrationRunner>();
        return services;
    }

    /// <summary>Registers a module's DbContext on the configured provider.</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.AddDbContext<TContext>((sp, builder) => builder.UseTalentPassDatabase(sp.GetRequiredService<DatabaseOptions>()));
        return services;
    }

    public static DbContextOptionsBuilder UseTalentPassDatabase(this DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(DbConnectionFactory.NormaliseSqlite(options.ConnectionString)),
            DatabaseProvider.Postgres => builder.UseNpgsql(options.ConnectionString),
            _ => throw new InvalidOperationException($"Unknown database provider {options.Provider}."),
        };
    }
}

/// <summary>Opens raw ADO.NET connections for bulk work (import) and migrations.</summary>
public interface IDbConnectionFactory
{
    DatabaseProvider Provider { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);
}

internal sealed class DbConnectionFactory(DatabaseOptions options) : IDbConnectionFactory
{
    public DatabaseProvider Provider => options.Provider;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = options.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteConnection(NormaliseSqlite(options.ConnectionString)),
            DatabaseProvider.Postgres => new NpgsqlConnection(options.ConnectionString),
            _ => throw new InvalidOperationException($"Unknown database provider {options.Provider}."),
        };
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Creates the directory of a file database and sets a busy timeout so writers wait rather than fail.</summary>
    internal static string NormaliseSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var full = DataPaths.Resolve(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            builder.DataSource = full;
        }

        builder.Pooling = true;
        return builder.ToString();
    }
}
