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

    public async Task<int> WriteAsync(IReadOnlyList<PreparedTalent> batch, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
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

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

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

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
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
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

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
