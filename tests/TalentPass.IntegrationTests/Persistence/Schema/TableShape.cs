using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TalentPass.IntegrationTests.Persistence.Schema;

public sealed record ColumnShape(string Name, string StoreType, bool Nullable);

/// <summary>An index by its key columns (in order); the primary key is not listed here.</summary>
public sealed record IndexShape(string Name, IReadOnlyList<string> Columns, bool Unique, bool Partial)
{
    public string Key => $"({string.Join(", ", Columns)})";

    public string Describe() => $"{(Unique ? "unique " : string.Empty)}{(Partial ? "partial " : string.Empty)}index {Name} on {Key}";
}

/// <summary>One table as either the EF model or the migrated database sees it, in provider-neutral terms.</summary>
public sealed record TableShape(string Name, IReadOnlyList<ColumnShape> Columns, IReadOnlyList<string> PrimaryKey, IReadOnlyList<IndexShape> Indexes)
{
    /// <summary>The tables a DbContext's model maps to, as its provider would create them.</summary>
    public static IReadOnlyList<TableShape> FromModel(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var tables = new List<TableShape>();
        foreach (var table in model.Tables)
        {
            var primaryKey = table.PrimaryKey?.Columns.Select(c => c.Name).ToList() ?? [];
            var indexes = table.Indexes
                .Select(i => new IndexShape(i.Name, i.Columns.Select(c => c.Name).ToList(), i.IsUnique, i.Filter is not null))
                .Concat(table.UniqueConstraints
                    .Where(u => !u.Columns.Select(c => c.Name).SequenceEqual(primaryKey))
                    .Select(u => new IndexShape(u.Name, u.Columns.Select(c => c.Name).ToList(), Unique: true, Partial: false)))
                .ToList();
            tables.Add(new TableShape(
                Qualified(table.Schema, table.Name),
                table.Columns.Select(c => new ColumnShape(c.Name, c.StoreType, c.IsNullable)).ToList(),
                primaryKey,
                indexes));
        }

        return tables;
    }

    /// <summary>Every table of the database (SQLite: <c>pragma</c>; PostgreSQL: the system catalogs).</summary>
    public static Task<IReadOnlyList<TableShape>> FromDatabaseAsync(DbConnection connection, bool postgres, CancellationToken ct) =>
        postgres ? ReadPostgresAsync(connection, ct) : ReadSqliteAsync(connection, ct);

    public static string Qualified(string? schema, string name) =>
        string.IsNullOrEmpty(schema) || schema == "public" ? name : $"{schema}.{name}";

    private static async Task<IReadOnlyList<TableShape>> ReadSqliteAsync(DbConnection connection, CancellationToken ct)
    {
        var names = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", r => r.GetString(0), ct);
        var tables = new List<TableShape>();
        foreach (var table in names)
        {
            var raw = await QueryAsync(
                connection,
                "SELECT name, type, \"notnull\", pk FROM pragma_table_info(@t) ORDER BY cid",
                r => (Name: r.GetString(0), Type: r.GetString(1), NotNull: r.GetInt64(2) != 0, Pk: (int)r.GetInt64(3)),
                ct,
                ("@t", table));
            var primaryKey = raw.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();

            // An INTEGER PRIMARY KEY is the rowid and can never be NULL, whatever it was declared as; any other
            // primary key column in SQLite accepts NULL unless declared NOT NULL.
            var columns = raw.Select(c => new ColumnShape(
                c.Name,
                c.Type,
                Nullable: !c.NotNull && !(primaryKey.Count == 1 && c.Pk == 1 && c.Type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase)))).ToList();

            var indexList = await QueryAsync(
                connection,
                "SELECT name, \"unique\", origin, partial FROM pragma_index_list(@t)",
                r => (Name: r.GetString(0), Unique: r.GetInt64(1) != 0, Origin: r.GetString(2), Partial: r.GetInt64(3) != 0),
                ct,
                ("@t", table));
            var indexes = new List<IndexShape>();
            foreach (var index in indexList.Where(i => i.Origin != "pk"))
            {
                var keyColumns = await QueryAsync(
                    connection,
                    "SELECT name FROM pragma_index_info(@i) ORDER BY seqno",
                    r => r.IsDBNull(0) ? "(expression)" : r.GetString(0),
                    ct,
                    ("@i", index.Name));
                indexes.Add(new IndexShape(index.Name, keyColumns, index.Unique, index.Partial));
            }

            tables.Add(new TableShape(table, columns, primaryKey, indexes));
        }

        return tables;
    }

    private static async Task<IReadOnlyList<TableShape>> ReadPostgresAsync(DbConnection connection, CancellationToken ct)
    {
        const string Schemas = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'";
        var tableNames = await QueryAsync(
            connection,
            $"SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND {Schemas} ORDER BY 1, 2",
            r => Qualified(r.GetString(0), r.GetString(1)),
            ct);
        var columns = await QueryAsync(
            connection,
            $"""
             SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
             FROM pg_attribute a
             JOIN pg_class c ON c.oid = a.attrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND {Schemas}
             ORDER BY n.nspname, c.relname, a.attnum
             """,
            r => (Table: Qualified(r.GetString(0), r.GetString(1)), Column: new ColumnShape(r.GetString(2), r.GetString(3), !r.GetBoolean(4))),
            ct);
        var indexes = await QueryAsync(
            connection,
            $"""
             SELECT n.nspname, t.relname, i.relname, ix.indisunique, ix.indisprimary, ix.indpred IS NOT NULL,
                    ARRAY(SELECT COALESCE(a.attname::text, '(expression)')
                          FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                          LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum AND k.attnum > 0
                          WHERE k.ord <= ix.indnkeyatts
                          ORDER BY k.ord)
             FROM pg_index ix
             JOIN pg_class i ON i.oid = ix.indexrelid
             JOIN pg_class t ON t.oid = ix.indrelid
             JOIN pg_namespace n ON n.oid = t.relnamespace
             WHERE t.relkind IN ('r', 'p') AND {Schemas}
             """,
            r => (
                Table: Qualified(r.GetString(0), r.GetString(1)),
                Primary: r.GetBoolean(4),
                Index: new IndexShape(r.GetString(2), r.GetFieldValue<string[]>(6), r.GetBoolean(3), r.GetBoolean(5))),
            ct);

        return tableNames.Select(name => new TableShape(
                name,
                columns.Where(c => c.Table == name).Select(c => c.Column).ToList(),
                indexes.Where(i => i.Table == name && i.Primary).Select(i => i.Index.Columns).FirstOrDefault() ?? [],
                indexes.Where(i => i.Table == name && !i.Primary).Select(i => i.Index).ToList()))
            .ToList();
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> map, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
