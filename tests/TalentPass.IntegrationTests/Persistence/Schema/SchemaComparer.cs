using System.Text.RegularExpressions;

namespace TalentPass.IntegrationTests.Persistence.Schema;

/// <summary>
/// Compares what an EF model expects with what the migrations created: tables, columns, store types (SQLite: same
/// type affinity; PostgreSQL: the same type after resolving aliases such as <c>int4</c> = <c>integer</c>,
/// <c>timestamptz</c> = <c>timestamp with time zone</c>), nullability, primary keys and indexes (matched by their
/// key columns; names are not compared because the SQL is hand-written). Returns every difference, one per line.
/// </summary>
public static partial class SchemaComparer
{
    public static IReadOnlyList<string> Compare(string owner, IEnumerable<TableShape> model, IReadOnlyList<TableShape> database, bool postgres)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(database);
        var differences = new List<string>();
        var actualTables = database.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var expected in model)
        {
            if (!actualTables.TryGetValue(expected.Name, out var actual))
            {
                differences.Add($"{owner}: table {expected.Name} is in the model but no migration creates it");
                continue;
            }

            var where = $"{owner}: {expected.Name}";
            CompareColumns(where, expected, actual, postgres, differences);

            if (!expected.PrimaryKey.SequenceEqual(actual.PrimaryKey, StringComparer.Ordinal))
            {
                differences.Add($"{where}: primary key is ({string.Join(", ", expected.PrimaryKey)}) in the model but ({string.Join(", ", actual.PrimaryKey)}) in the database");
            }

            CompareIndexes(where, expected, actual, differences);
        }

        return differences;
    }

    /// <summary>A store type reduced to what the provider really distinguishes.</summary>
    public static string Canonical(string storeType, bool postgres)
    {
        ArgumentNullException.ThrowIfNull(storeType);
        return postgres ? CanonicalPostgres(storeType) : SqliteAffinity(storeType);
    }

    private static void CompareColumns(string where, TableShape expected, TableShape actual, bool postgres, List<string> differences)
    {
        var actualColumns = actual.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var column in expected.Columns)
        {
            if (!actualColumns.TryGetValue(column.Name, out var found))
            {
                differences.Add($"{where}.{column.Name}: column is in the model ({column.StoreType}) but not in the database");
                continue;
            }

            if (Canonical(column.StoreType, postgres) != Canonical(found.StoreType, postgres))
            {
                differences.Add($"{where}.{column.Name}: store type is {column.StoreType} in the model but {found.StoreType} in the database");
            }

            if (column.Nullable != found.Nullable)
            {
                differences.Add($"{where}.{column.Name}: {(column.Nullable ? "nullable" : "NOT NULL")} in the model but {(found.Nullable ? "nullable" : "NOT NULL")} in the database");
            }
        }

        var modelled = expected.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var extra in actual.Columns.Where(c => !modelled.Contains(c.Name)))
        {
            differences.Add($"{where}.{extra.Name}: column is in the database ({extra.StoreType}) but not in the model");
        }
    }

    private static void CompareIndexes(string where, TableShape expected, TableShape actual, List<string> differences)
    {
        var unmatched = actual.Indexes.ToList();
        foreach (var index in expected.Indexes)
        {
            var same = unmatched.FirstOrDefault(i => i.Columns.SequenceEqual(index.Columns, StringComparer.Ordinal) && i.Unique == index.Unique && i.Partial == index.Partial)
                ?? unmatched.FirstOrDefault(i => i.Columns.SequenceEqual(index.Columns, StringComparer.Ordinal));
            if (same is null)
            {
                differences.Add($"{where}: the model has a {index.Describe()} that the database lacks");
                continue;
            }

            unmatched.Remove(same);
            if (same.Unique != index.Unique || same.Partial != index.Partial)
            {
                differences.Add($"{where}: the model has a {index.Describe()} but the database has a {same.Describe()}");
            }
        }

        foreach (var extra in unmatched)
        {
            differences.Add($"{where}: the database has a {extra.Describe()} that the model does not know");
        }
    }

    /// <summary>SQLite's type affinity rules (https://sqlite.org/datatype3.html#determination_of_column_affinity).</summary>
    private static string SqliteAffinity(string declared)
    {
        var type = declared.ToUpperInvariant();
        if (type.Contains("INT", StringComparison.Ordinal))
        {
            return "INTEGER";
        }

        if (type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal))
        {
            return "TEXT";
        }

        if (type.Length == 0 || type.Contains("BLOB", StringComparison.Ordinal))
        {
            return "BLOB";
        }

        if (type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal))
        {
            return "REAL";
        }

        return "NUMERIC";
    }

    private static string CanonicalPostgres(string storeType)
    {
        var type = Whitespace().Replace(storeType.Trim().ToLowerInvariant(), " ");
        var array = string.Empty;
        while (type.EndsWith("[]", StringComparison.Ordinal))
        {
            array += "[]";
            type = type[..^2].TrimEnd();
        }

        var match = Modifier().Match(type);
        var name = match.Success ? match.Groups["name"].Value.Trim() : type;
        var modifier = match.Success ? "(" + match.Groups["mod"].Value.Replace(" ", string.Empty, StringComparison.Ordinal) + ")" : string.Empty;
        name = name switch
        {
            "int" or "int4" or "serial" or "serial4" => "integer",
            "int8" or "bigserial" or "serial8" => "bigint",
            "int2" or "smallserial" or "serial2" => "smallint",
            "bool" => "boolean",
            "varchar" => "character varying",
            "char" or "bpchar" => "character",
            "timestamptz" => "timestamp with time zone",
            "timestamp" => "timestamp without time zone",
            "timetz" => "time with time zone",
            "time" => "time without time zone",
            "float8" or "double" => "double precision",
            "float4" => "real",
            "decimal" => "numeric",
            _ => name,
        };

        return name + modifier + array;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?<name>[a-z ]+?)\s*\((?<mod>[^)]*)\)\s*$")]
    private static partial Regex Modifier();
}
