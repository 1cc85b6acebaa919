using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Persistence.Schema;

namespace TalentPass.IntegrationTests.Persistence;

/// <summary>
/// The hand-written SQL migrations and the EF models must describe the same schema on the provider under test
/// (run once with TALENTPASS_TEST_PROVIDER=sqlite and once with postgres).
/// </summary>
public sealed class SchemaMatchesModelTests(TalentPassFactory factory)
{
    /// <summary>Tables that belong to the infrastructure, not to a module's model.</summary>
    private static readonly string[] InfrastructureTables = ["tp_schema_migrations", "tp_demo_seed"];

    [Fact]
    public async Task MigratedSchema_EveryModuleDbContext_MatchesItsEfModel()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = factory.Services.CreateAsyncScope();
        var database = await ReadDatabaseAsync(scope.ServiceProvider, ct);

        var contexts = ModuleDbContextTypes(scope.ServiceProvider);
        contexts.ShouldNotBeEmpty("No DbContext found in the module assemblies: nothing would be compared.");

        var differences = new List<string>();
        foreach (var type in contexts)
        {
            if (scope.ServiceProvider.GetService(type) is not DbContext context)
            {
                differences.Add($"{type.FullName}: not registered in the container (services.AddModuleDbContext<{type.Name}>())");
                continue;
            }

            differences.AddRange(SchemaComparer.Compare(type.Name, TableShape.FromModel(context), database, factory.Database.IsPostgres));
        }

        differences.ShouldBeEmpty(Report(differences));
    }

    [Fact]
    public async Task MigratedSchema_EveryTable_IsOwnedByAModuleModel()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = factory.Services.CreateAsyncScope();
        var database = await ReadDatabaseAsync(scope.ServiceProvider, ct);
        var modelled = ModuleDbContextTypes(scope.ServiceProvider)
            .Select(t => scope.ServiceProvider.GetService(t))
            .OfType<DbContext>()
            .SelectMany(TableShape.FromModel)
            .Select(t => t.Name)
            .ToHashSet(StringComparer.Ordinal);

        var orphans = database
            .Select(t => t.Name)
            .Where(name => !modelled.Contains(name) && !InfrastructureTables.Contains(name))
            .Select(name => $"table {name} exists in the database but no module's DbContext maps it")
            .ToList();

        orphans.ShouldBeEmpty(Report(orphans));
    }

    /// <summary>Every concrete DbContext declared in an assembly of a registered module.</summary>
    internal static IReadOnlyList<Type> ModuleDbContextTypes(IServiceProvider services) =>
        services.GetServices<ITalentPassModule>()
            .Select(m => m.GetType().Assembly)
            .Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(DbContext).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();

    private static async Task<IReadOnlyList<TableShape>> ReadDatabaseAsync(IServiceProvider services, CancellationToken ct)
    {
        var connections = services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await connections.OpenAsync(ct);
        return await TableShape.FromDatabaseAsync(connection, connections.Provider == DatabaseProvider.Postgres, ct);
    }

    private static string Report(IReadOnlyList<string> differences) =>
        $"{differences.Count} difference(s) between the EF models and the migrated schema:{Environment.NewLine}  "
        + string.Join(Environment.NewLine + "  ", differences);
}
