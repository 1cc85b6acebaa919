using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Persistence;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Talents.Persistence;

namespace TalentPass.IntegrationTests.Talents;

/// <summary>The EF model of the Talents module agrees with the schema its SQL migrations created (this provider).</summary>
public sealed class TalentsSchemaTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EfModel_MatchesMigratedSchema_ColumnsTypesNullabilityAndIndexes()
    {
        var problems = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TalentsDbContext>();
            var connections = sp.GetRequiredService<IDbConnectionFactory>();
            await using var connection = await connections.OpenAsync(Ct);
            var found = new List<string>();
            foreach (var entity in db.Model.GetEntityTypes())
            {
                var table = entity.GetTableName()!;
                var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
                var columns = await ColumnsAsync(connection, connections.Provider, table);
                if (columns.Count == 0)
                {
                    found.Add($"{table}: table missing");
                    continue;
                }

                foreach (var property in entity.GetProperties())
                {
                    var name = property.GetColumnName(store)!;
                    if (!columns.TryGetValue(name, out var column))
                    {
                        found.Add($"{table}.{name}: column missing");
                        continue;
                    }

                    if (!string.Equals(column.Type, property.GetColumnType(store), StringComparison.OrdinalIgnoreCase))
                    {
                        found.Add($"{table}.{name}: schema type {column.Type}, model type {property.GetColumnType(store)}");
                    }

                    if (column.Nullable != property.IsColumnNullable(store))
                    {
                        found.Add($"{table}.{name}: schema nullable {column.Nullable}, model nullable {property.IsColumnNullable(store)}");
                    }
                }

                found.AddRange(columns.Keys
                    .Where(c => entity.GetProperties().All(p => p.GetColumnName(store) != c))
                    .Select(c => $"{table}.{c}: column not in the model"));
                var indexes = await IndexesAsync(connection, connections.Provider, table);
                found.AddRange(entity.GetIndexes()
                    .Select(i => i.GetDatabaseName(store)!)
                    .Where(i => !indexes.Contains(i))
                    .Select(i => $"{table}: index {i} missing"));
            }

            return found;
        });

        problems.ShouldBeEmpty();
    }

    private static async Task<Dictionary<string, (string Type, bool Nullable)>> ColumnsAsync(DbConnection connection, DatabaseProvider provider, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.Sqlite
            ? $"SELECT name, type, \"notnull\" = 0 FROM pragma_table_info('{table}')"
            : $"SELECT column_name, data_type, is_nullable = 'YES' FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}'";
        var columns = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            columns[reader.GetString(0)] = (reader.GetString(1), Convert.ToBoolean(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture));
        }

        return columns;
    }

    private static async Task<HashSet<string>> IndexesAsync(DbConnection connection, DatabaseProvider provider, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.Sqlite
            ? $"SELECT name FROM pragma_index_list('{table}')"
            : $"SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = '{table}'";
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
