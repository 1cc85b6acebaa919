using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using TalentPass.Modules.Talents.Domain;

namespace TalentPass.Modules.Talents.Features.ImportTalents;

/// <summary>
/// Writes prepared talents in one transaction per batch: the talent row unless its ID number is already
/// registered (unique blind index) — its <c>registration_source</c> is the provenance of every imported value —
/// and for each added talent its first level-history entry. Returns how many talents were added.
/// </summary>
internal interface IImportWriter : IAsyncDisposable
{
    Task<int> WriteAsync(IReadOnlyList<PreparedTalent> batch, CancellationToken cancellationToken);

    /// <summary>Bulk mode: opens the one transaction and drops the search indexes (all but the key and the unique ID-number index).</summary>
    Task BeginBulkAsync(CancellationToken cancellationToken);

    /// <summary>Bulk mode: rebuilds the dropped indexes from their saved definitions and commits everything.</summary>
    Task EndBulkAsync(CancellationToken cancellationToken);
}

internal static class ImportSql
{
    public const string TalentColumns =
        "id, name, gender, birth_date, id_number_cipher, id_number_hash, id_suffix, id_masked, phone_cipher, phone_hash, phone_masked, " +
        "address_cipher, education_degree, education_school, education_major, education_graduation_year, academic_titles, academic_fields, " +
        "research_projects, research_papers, research_patents, honours, employer_organisation_id, employer_name, account_id, level, " +
        "level_effective_on, category, category_effective_on, status, status_changed_at, status_reason, created_at, updated_at, version, " +
        "registration_source, registered_by";

    public const int TalentColumnCount = 37;

    /// <summary>Indexes a bulk load keeps: the key (rowid / primary key) and the unique ID-number index used by ON CONFLICT.</summary>
    public const string KeptIndex = "ux_talents_talents_id_number_hash";

    public static object?[] TalentValues(PreparedTalent t, string source, DateTimeOffset now) =>
    [
        t.Id, t.Name, t.Gender, t.BirthDate, t.IdNumberCipher, t.IdNumberHash, t.IdSuffix, t.IdMasked, t.PhoneCipher, t.PhoneHash, t.PhoneMasked,
        t.AddressCipher, t.Plain(ProfileFields.EducationDegree), t.Plain(ProfileFields.EducationSchool), t.Plain(ProfileFields.EducationMajor),
        t.GraduationYear, t.Plain(ProfileFields.AcademicTitles), t.Plain(ProfileFields.AcademicFields), t.Plain(ProfileFields.ResearchProjects),
        t.Plain(ProfileFields.ResearchPapers), t.Plain(ProfileFields.ResearchPatents), t.Plain(ProfileFields.Honours), null,
        t.Plain(ProfileFields.EmployerName), null, t.Level, t.EffectiveOn, t.Category, t.EffectiveOn, TalentStatus.Active, now, null, now, now, 1,
        source, null,
    ];
}

/// <summary>SQLite: prepared statements, <c>INSERT … ON CONFLICT DO NOTHING</c>, values in EF Core's storage formats.</summary>
internal sealed class SqliteImportWriter(SqliteConnection connection, string source, string reason, DateTimeOffset now) : IImportWriter
{
    // EF Core's SQLite formats, so that rows written here read back exactly like rows EF wrote.
    private const string InstantFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz";

    private SqliteTransaction? bulk;
    private List<string> droppedIndexes = [];

    public async Task BeginBulkAsync(CancellationToken cancellationToken)
    {
        bulk = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        droppedIndexes = [];
        await using (var list = connection.CreateCommand())
        {
            list.Transaction = bulk;
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'talents_talents' AND sql IS NOT NULL AND name <> $kept";
            list.Parameters.AddWithValue("$kept", ImportSql.KeptIndex);
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            var names = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                names.Add(reader.GetString(0));
                droppedIndexes.Add(reader.GetString(1));
            }

            await reader.CloseAsync();
            foreach (var name in names)
            {
                await using var drop = connection.CreateCommand();
                drop.Transaction = bulk;
                drop.CommandText = $"DROP INDEX \"{name}\"";
                await drop.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    public async Task EndBulkAsync(CancellationToken cancellationToken)
    {
        foreach (var ddl in droppedIndexes)
        {
            await using var create = connection.CreateCommand();
            create.Transaction = bulk;
            create.CommandText = ddl;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await bulk!.CommitAsync(cancellationToken);
        await bulk.DisposeAsync();
        bulk = null;
    }

    public async Task<int> WriteAsync(IReadOnlyList<PreparedTalent> batch, CancellationToken cancellationToken)
    {
        var own = bulk is null ? (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken) : null;
        var transaction = bulk ?? own!;
        await using var talent = Command(transaction, $"INSERT INTO talents_talents ({ImportSql.TalentColumns}) VALUES ({Placeholders(ImportSql.TalentColumnCount)}) ON CONFLICT (id_number_hash) DO NOTHING", ImportSql.TalentColumnCount);
        await using var history = Command(
            transaction,
            "INSERT INTO talents_level_history (id, talent_id, from_level, to_level, from_category, to_category, effective_on, reason, decided_by, decided_at) VALUES ($p0, $p1, NULL, $p2, NULL, $p3, $p4, $p5, NULL, $p6)",
            7);
        var instant = now.ToString(InstantFormat, CultureInfo.InvariantCulture);
        var added = 0;
        foreach (var t in batch)
        {
            var values = ImportSql.TalentValues(t, source, now);
            for (var i = 0; i < values.Length; i++)
            {
                talent.Parameters[i].Value = Store(values[i], instant);
            }

            if (talent.ExecuteNonQuery() == 0)
            {
                continue; // already registered
            }

            added++;
            var id = Store(t.Id, instant);
            Set(history, Store(t.HistoryId, instant), id, t.Level, t.Category, Store(t.EffectiveOn, instant), reason, instant);
            history.ExecuteNonQuery();
        }

        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
            await own.DisposeAsync();
        }

        return added;
    }

    public async ValueTask DisposeAsync()
    {
        if (bulk is not null)
        {
            await bulk.DisposeAsync(); // not committed: rolled back, indexes and all
        }

        await connection.DisposeAsync();
    }

    private SqliteCommand Command(SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static object Store(object? value, string instant) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset => instant,
        _ => value,
    };

    private static string Placeholders(int count) =>
        string.Join(", ", Enumerable.Range(0, count).Select(i => "$p" + i.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>
/// PostgreSQL: binary COPY of the batch into a temporary table, then one statement that inserts the new talents
/// (<c>ON CONFLICT DO NOTHING</c>) and, for exactly those, their first level-history entry.
/// </summary>
internal sealed class PostgresImportWriter(NpgsqlConnection connection, string source, string reason, DateTimeOffset now) : IImportWriter
{
    private bool prepared;
    private NpgsqlTransaction? bulk;
    private List<string> droppedIndexes = [];

    public async Task BeginBulkAsync(CancellationToken cancellationToken)
    {
        bulk = await connection.BeginTransactionAsync(cancellationToken);
        await ExecAsync("SET LOCAL maintenance_work_mem = '256MB'", bulk, cancellationToken);
        droppedIndexes = [];
        var names = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid " +
            "WHERE x.indrelid = 'talents_talents'::regclass AND NOT x.indisprimary AND i.relname <> @kept",
            connection,
            bulk))
        {
            list.Parameters.AddWithValue("kept", ImportSql.KeptIndex);
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                names.Add(reader.GetString(0));
                droppedIndexes.Add(reader.GetString(1));
            }
        }

        foreach (var name in names)
        {
            await ExecAsync($"DROP INDEX \"{name}\"", bulk, cancellationToken);
        }
    }

    public async Task EndBulkAsync(CancellationToken cancellationToken)
    {
        foreach (var ddl in droppedIndexes)
        {
            await ExecAsync(ddl, bulk, cancellationToken);
        }

        await bulk!.CommitAsync(cancellationToken);
        await bulk.DisposeAsync();
        bulk = null;
    }

    public async Task<int> WriteAsync(IReadOnlyList<PreparedTalent> batch, CancellationToken cancellationToken)
    {
        if (!prepared)
        {
            await ExecAsync(
                """
                CREATE TEMP TABLE import_talents (LIKE talents_talents) ON COMMIT DELETE ROWS;
                ALTER TABLE import_talents ADD COLUMN history_id uuid NOT NULL;
                """,
                null,
                cancellationToken);
            prepared = true;
        }

        var own = bulk is null ? await connection.BeginTransactionAsync(cancellationToken) : null;
        var transaction = bulk ?? own!;
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY import_talents ({ImportSql.TalentColumns}, history_id) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var t in batch)
            {
                await copy.StartRowAsync(cancellationToken);
                foreach (var value in ImportSql.TalentValues(t, source, now))
                {
                    await WriteAsync(copy, value, cancellationToken);
                }

                await copy.WriteAsync(t.HistoryId, NpgsqlDbType.Uuid, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using var insert = new NpgsqlCommand(
            $"""
            WITH added AS (
                INSERT INTO talents_talents ({ImportSql.TalentColumns})
                SELECT {ImportSql.TalentColumns} FROM import_talents
                ON CONFLICT (id_number_hash) DO NOTHING
                RETURNING id
            ), history AS (
                INSERT INTO talents_level_history (id, talent_id, from_level, to_level, from_category, to_category, effective_on, reason, decided_by, decided_at)
                SELECT t.history_id, t.id, NULL, t.level, NULL, t.category, t.level_effective_on, @reason, NULL, @now
                FROM import_talents t JOIN added a ON a.id = t.id
            )
            SELECT count(*) FROM added
            """,
            connection,
            transaction);
        insert.Parameters.AddWithValue("reason", reason);
        insert.Parameters.AddWithValue("now", now);
        var added = Convert.ToInt32(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        await ExecAsync("TRUNCATE import_talents", transaction, cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
            await own.DisposeAsync();
        }

        return added;
    }

    public async ValueTask DisposeAsync()
    {
        if (bulk is not null)
        {
            await bulk.DisposeAsync(); // not committed: rolled back, indexes and all
        }

        await connection.DisposeAsync();
    }

    private static Task WriteAsync(NpgsqlBinaryImporter copy, object? value, CancellationToken cancellationToken) => value switch
    {
        null => copy.WriteNullAsync(cancellationToken),
        Guid g => copy.WriteAsync(g, NpgsqlDbType.Uuid, cancellationToken),
        string s => copy.WriteAsync(s, NpgsqlDbType.Text, cancellationToken),
        DateOnly d => copy.WriteAsync(d, NpgsqlDbType.Date, cancellationToken),
        DateTimeOffset o => copy.WriteAsync(o, NpgsqlDbType.TimestampTz, cancellationToken),
        int i => copy.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken),
        _ => throw new InvalidOperationException($"No COPY mapping for {value.GetType()}."),
    };

    private async Task ExecAsync(string sql, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, (NpgsqlTransaction?)transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
