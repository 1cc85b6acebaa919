using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Talents.Domain;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Features.ImportTalents;

/// <summary>One data row of an import file, as text (the CLI reads it with CsvHelper). <see cref="Line"/> is 1-based.</summary>
internal sealed record ImportRow(
    int Line,
    string? Name,
    string? IdNumber,
    string? Level,
    string? Category,
    string? Phone = null,
    string? Address = null,
    string? EducationDegree = null,
    string? EducationSchool = null,
    string? EducationMajor = null,
    string? EducationGraduationYear = null,
    string? EmployerName = null,
    string? Honours = null);

internal sealed record ImportError(int Line, string Code, string Message);

internal sealed record ImportReport(int Read, int Inserted, int AlreadyRegistered, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Bulk registration from a file (talent office data, e.g. a recognition list). Every row is validated like
/// <c>POST /api/v1/talents</c>; valid rows are inserted in large transactions through raw ADO.NET, relying on the
/// unique blind index of the ID number so a re-run never adds a talent twice (<c>ON CONFLICT DO NOTHING</c>; on
/// PostgreSQL after a binary COPY into a temporary table). Imported values are verified with source
/// <c>import:&lt;file&gt;</c>. Rows repeating an ID number seen earlier in the same file are reported as errors.
/// </summary>
internal sealed class TalentImporter(IDbConnectionFactory connections, IFieldProtector protector, TimeProvider clock)
{
    public const int DefaultBatchSize = 10_000;

    private static readonly string[] Columns =
    [
        "id", "name", "gender", "birth_date", "id_number_cipher", "id_number_hash", "id_suffix", "id_masked", "phone_cipher", "phone_hash",
        "phone_masked", "address_cipher", "education_degree", "education_school", "education_major", "education_graduation_year",
        "honours", "employer_name", "level", "level_effective_on", "category", "category_effective_on", "status", "status_changed_at",
        "created_at", "updated_at", "version",
    ];

    public async Task<ImportReport> ImportAsync(
        IAsyncEnumerable<ImportRow> rows,
        string source,
        IProgress<int>? progress,
        CancellationToken ct,
        int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var errors = new List<ImportError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<Prepared>(batchSize);
        int read = 0, inserted = 0, valid = 0;
        var now = clock.GetUtcNow();
        var today = BusinessTime.Today(clock);
        await using var connection = await connections.OpenAsync(ct);
        if (connections.Provider == DatabaseProvider.Sqlite)
        {
            // Ten indexes on talents and the provenance key are updated in random order: with SQLite's default 2 MB page
            // cache every insert spills pages to the WAL. 256 MB keeps a batch in memory (this connection only).
            await ExecuteAsync(connection, null, "PRAGMA cache_size = -262144", ct);
        }

        await foreach (var row in rows.WithCancellation(ct))
        {
            read++;
            var prepared = Prepare(row, now, today, errors);
            if (prepared is not null)
            {
                if (!seen.Add(prepared.IdHash))
                {
                    errors.Add(new ImportError(row.Line, "talents.id_number_duplicate", "本文件中已出现该身份证号码 / The ID number appears earlier in this file."));
                }
                else
                {
                    valid++;
                    batch.Add(prepared);
                }
            }

            if (batch.Count >= batchSize)
            {
                inserted += await FlushAsync(connection, batch, source, now, ct);
                batch.Clear();
                progress?.Report(read);
            }
        }

        inserted += await FlushAsync(connection, batch, source, now, ct);
        progress?.Report(read);
        if (connections.Provider == DatabaseProvider.Postgres && inserted > 0)
        {
            await ExecuteAsync(connection, null, "ANALYZE talents_talents", ct); // fresh statistics for the search planner
        }

        return new ImportReport(read, inserted, valid - inserted, errors);
    }

    private sealed record Prepared(Guid Id, object?[] Values, string IdHash, string[] Fields, string Level, string Category, DateOnly Effective);

    private Prepared? Prepare(ImportRow row, DateTimeOffset now, DateOnly today, List<ImportError> errors)
    {
        void Fail(Error e) => errors.Add(new ImportError(row.Line, e.Code, e.Message));
        var name = row.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 50)
        {
            Fail(Error.Validation("request.invalid", "姓名必填且最多50个字符 / The name is required and has at most 50 characters."));
            return null;
        }

        var id = ResidentIdNumber.Parse(row.IdNumber);
        if (!id.IsSuccess)
        {
            Fail(id.Error);
            return null;
        }

        if (TalentLevel.Normalise(row.Level) is not { } level)
        {
            Fail(TalentsErrors.LevelUnknown);
            return null;
        }

        if (TalentCategory.Normalise(row.Category) is not { } category)
        {
            Fail(TalentsErrors.CategoryUnknown);
            return null;
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [ProfileFields.Phone] = row.Phone,
            [ProfileFields.Address] = row.Address,
            [ProfileFields.EducationDegree] = row.EducationDegree,
            [ProfileFields.EducationSchool] = row.EducationSchool,
            [ProfileFields.EducationMajor] = row.EducationMajor,
            [ProfileFields.EducationGraduationYear] = row.EducationGraduationYear,
            [ProfileFields.EmployerName] = row.EmployerName,
            [ProfileFields.Honours] = row.Honours?.Replace('|', ProfileFields.ListSeparator),
        };
        foreach (var key in values.Keys.ToList())
        {
            var normalised = ProfileFields.Normalise(ProfileFields.Find(key)!, values[key], today.Year);
            if (!normalised.IsSuccess)
            {
                Fail(normalised.Error);
                return null;
            }

            values[key] = normalised.Value;
        }

        var talentId = Guid.CreateVersion7(now);
        var phone = values[ProfileFields.Phone];
        var address = values[ProfileFields.Address];
        var year = values[ProfileFields.EducationGraduationYear];
        var row35 = new object?[]
        {
            talentId, name, id.Value.IsMale ? "male" : "female", id.Value.BirthDate, protector.Protect(id.Value.Value),
            protector.BlindIndex(Talent.IdIndexKey(id.Value)), id.Value.Suffix, id.Value.Masked,
            phone is null ? null : protector.Protect(phone), phone is null ? null : protector.BlindIndex(Talent.PhoneIndexKey(phone)),
            phone is null ? null : Masking.Phone(phone), address is null ? null : protector.Protect(address),
            values[ProfileFields.EducationDegree], values[ProfileFields.EducationSchool], values[ProfileFields.EducationMajor],
            year is null ? null : int.Parse(year, CultureInfo.InvariantCulture), values[ProfileFields.Honours], values[ProfileFields.EmployerName],
            level, today, category, today, TalentStatus.Active, now, now, now, 1,
        };
        var fields = new[] { ProfileFields.Name, ProfileFields.IdNumber, ProfileFields.Gender, ProfileFields.BirthDate }
            .Concat(values.Where(v => v.Value is not null).Select(v => v.Key))
            .ToArray();
        return new Prepared(talentId, row35, (string)row35[5]!, fields, level, category, today);
    }

    private async Task<int> FlushAsync(DbConnection connection, List<Prepared> batch, string source, DateTimeOffset now, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        return connections.Provider == DatabaseProvider.Postgres
            ? await FlushPostgresAsync((NpgsqlConnection)connection, batch, source, now, ct)
            : await FlushSqliteAsync((SqliteConnection)connection, batch, source, now, ct);
    }

    /// <summary>
    /// SQLite: prepared statements in one transaction per batch; a talent's provenance rows are one multi-row
    /// statement, prepared once per set of fields present (usually one set per file).
    /// </summary>
    private static Task<int> FlushSqliteAsync(SqliteConnection connection, List<Prepared> batch, string source, DateTimeOffset now, CancellationToken ct)
    {
        using var transaction = connection.BeginTransaction();
        using var talent = connection.CreateCommand();
        talent.Transaction = transaction;
        talent.CommandText = $"INSERT INTO talents_talents ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select((_, i) => "$p" + i))}) ON CONFLICT (id_number_hash) DO NOTHING";
        var parameters = Columns.Select((_, i) => talent.Parameters.Add("$p" + i, SqliteType.Text)).ToArray();
        talent.Prepare();
        using var history = connection.CreateCommand();
        history.Transaction = transaction;
        history.CommandText = "INSERT INTO talents_level_history (id, talent_id, from_level, to_level, from_category, to_category, effective_on, reason, decided_by, decided_at) VALUES ($i, $t, NULL, $l, NULL, $c, $e, $r, NULL, $d)";
        var hId = history.Parameters.Add("$i", SqliteType.Text);
        var hTalent = history.Parameters.Add("$t", SqliteType.Text);
        var hLevel = history.Parameters.Add("$l", SqliteType.Text);
        var hCategory = history.Parameters.Add("$c", SqliteType.Text);
        var hEffective = history.Parameters.Add("$e", SqliteType.Text);
        history.Parameters.AddWithValue("$r", "导入 / Imported (" + source + ")");
        history.Parameters.AddWithValue("$d", SqliteInstant(now));
        history.Prepare();
        var provenanceBySet = new Dictionary<string, (SqliteCommand Command, SqliteParameter Talent)>(StringComparer.Ordinal);
        var inserted = 0;
        try
        {
            foreach (var row in batch)
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = SqliteValue(row.Values[i]);
                }

                if (talent.ExecuteNonQuery() == 0)
                {
                    continue; // already registered
                }

                inserted++;
                var id = SqliteValue(row.Id);
                var set = string.Join(',', row.Fields);
                if (!provenanceBySet.TryGetValue(set, out var provenance))
                {
                    var command = connection.CreateCommand();
                    command.Transaction = transaction;

                    // Field keys come from the ProfileFields catalogue (never from the file), so they are literals.
                    command.CommandText = "INSERT INTO talents_field_provenance (talent_id, field, state, verified_by, source, updated_at) VALUES "
                        + string.Join(", ", row.Fields.Select(f => $"($t, '{f}', 'verified', NULL, $s, $u)"));
                    var parameter = command.Parameters.Add("$t", SqliteType.Text);
                    command.Parameters.AddWithValue("$s", source);
                    command.Parameters.AddWithValue("$u", SqliteInstant(now));
                    command.Prepare();
                    provenance = (command, parameter);
                    provenanceBySet[set] = provenance;
                }

                provenance.Talent.Value = id;
                provenance.Command.ExecuteNonQuery();
                hId.Value = SqliteValue(Guid.CreateVersion7(now));
                hTalent.Value = id;
                hLevel.Value = row.Level;
                hCategory.Value = row.Category;
                hEffective.Value = SqliteValue(row.Effective);
                history.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        finally
        {
            foreach (var (command, _) in provenanceBySet.Values)
            {
                command.Dispose();
            }
        }

        return Task.FromResult(inserted);
    }

    /// <summary>The text forms EF Core's SQLite provider uses (Guid upper-case, dates ISO, instants with offset).</summary>
    private static object SqliteValue(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString("D").ToUpperInvariant(),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => SqliteInstant(t),
        int i => i,
        _ => value,
    };

    private static string SqliteInstant(DateTimeOffset instant) =>
        instant.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static async Task<int> FlushPostgresAsync(NpgsqlConnection connection, List<Prepared> batch, string source, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, transaction,
            "CREATE TEMP TABLE talents_import (LIKE talents_talents INCLUDING DEFAULTS) ON COMMIT DROP; " +
            "CREATE TEMP TABLE talents_import_fields (talent_id uuid NOT NULL, field text NOT NULL) ON COMMIT DROP;", ct);
        var types = new NpgsqlDbType[]
        {
            NpgsqlDbType.Uuid, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Date, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
            NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
            NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Date, NpgsqlDbType.Text,
            NpgsqlDbType.Date, NpgsqlDbType.Text, NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz, NpgsqlDbType.Integer,
        };
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY talents_import ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in batch)
            {
                await copy.StartRowAsync(ct);
                for (var i = 0; i < types.Length; i++)
                {
                    var value = row.Values[i];
                    if (value is null)
                    {
                        await copy.WriteNullAsync(ct);
                    }
                    else
                    {
                        await copy.WriteAsync(value, types[i], ct);
                    }
                }
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY talents_import_fields (talent_id, field) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in batch)
            {
                foreach (var field in row.Fields)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(row.Id, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(field, NpgsqlDbType.Text, ct);
                }
            }

            await copy.CompleteAsync(ct);
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""
            WITH inserted AS (
                INSERT INTO talents_talents ({string.Join(", ", Columns)})
                SELECT {string.Join(", ", Columns)} FROM talents_import
                ON CONFLICT (id_number_hash) DO NOTHING
                RETURNING id, level, category, level_effective_on
            ), provenance AS (
                INSERT INTO talents_field_provenance (talent_id, field, state, verified_by, source, updated_at)
                SELECT f.talent_id, f.field, 'verified', NULL, @source, @now FROM talents_import_fields f JOIN inserted i ON i.id = f.talent_id
            ), history AS (
                INSERT INTO talents_level_history (id, talent_id, from_level, to_level, from_category, to_category, effective_on, reason, decided_by, decided_at)
                SELECT gen_random_uuid(), i.id, NULL, i.level, NULL, i.category, i.level_effective_on, @reason, NULL, @now FROM inserted i
            )
            SELECT COUNT(*) FROM inserted
            """;
        insert.Parameters.AddWithValue("source", source);
        insert.Parameters.AddWithValue("now", now);
        insert.Parameters.AddWithValue("reason", "导入 / Imported (" + source + ")");
        var inserted = Convert.ToInt32(await insert.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        await transaction.CommitAsync(ct);
        return inserted;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
