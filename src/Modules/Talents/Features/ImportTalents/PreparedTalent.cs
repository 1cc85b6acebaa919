using System.Globalization;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.Modules.Talents.Domain;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Features.ImportTalents;

/// <summary>One validated import row, encrypted and ready to write: exactly the columns of <c>talents_talents</c>.</summary>
internal sealed record PreparedTalent(
    long Line,
    Guid Id,
    Guid HistoryId,
    string Name,
    string Gender,
    DateOnly BirthDate,
    string IdNumberCipher,
    string IdNumberHash,
    string IdSuffix,
    string IdMasked,
    string? PhoneCipher,
    string? PhoneHash,
    string? PhoneMasked,
    string? AddressCipher,
    IReadOnlyDictionary<string, string?> PlainFields,
    string Level,
    string Category,
    DateOnly EffectiveOn)
{
    public string? Plain(string field) => PlainFields.GetValueOrDefault(field);

    public int? GraduationYear =>
        Plain(ProfileFields.EducationGraduationYear) is { } year ? int.Parse(year, CultureInfo.InvariantCulture) : null;

    /// <summary>Validates and transforms one row; either a prepared talent or the errors of the row.</summary>
    public static (PreparedTalent? Talent, List<TalentImportError>? Errors) From(
        long line,
        IReadOnlyDictionary<string, string?> row,
        IFieldProtector protector,
        DateOnly today,
        DateTimeOffset now)
    {
        var errors = new List<TalentImportError>();
        void Fail(string column, Error error) => errors.Add(new TalentImportError(line, column, error.Code, error.Message));

        var id = ResidentIdNumber.Parse(row.GetValueOrDefault(ImportColumns.IdNumber));
        if (!id.IsSuccess)
        {
            Fail(ImportColumns.IdNumber, id.Error);
        }

        var name = ProfileFields.Normalise(ProfileFields.Find(ProfileFields.Name)!, row.GetValueOrDefault(ImportColumns.Name), today.Year);
        if (!name.IsSuccess)
        {
            Fail(ImportColumns.Name, name.Error);
        }
        else if (string.IsNullOrWhiteSpace(name.Value))
        {
            Fail(ImportColumns.Name, Error.Validation("import.name_required", "姓名必填 / The name is required."));
        }

        var level = TalentLevel.Normalise(row.GetValueOrDefault(ImportColumns.Level));
        if (level is null)
        {
            Fail(ImportColumns.Level, TalentsErrors.LevelUnknown);
        }

        var category = TalentCategory.Normalise(row.GetValueOrDefault(ImportColumns.Category));
        if (category is null)
        {
            Fail(ImportColumns.Category, TalentsErrors.CategoryUnknown);
        }

        var effectiveOn = today;
        if (row.GetValueOrDefault(ImportColumns.LevelEffectiveFrom) is { Length: > 0 } rawDate
            && !DateOnly.TryParseExact(rawDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out effectiveOn))
        {
            Fail(ImportColumns.LevelEffectiveFrom, Error.Validation("import.date_invalid", "日期格式应为 yyyy-MM-dd / Dates are written yyyy-MM-dd."));
        }

        var plain = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (column, field) in ImportColumns.ProfileColumns)
        {
            if (!row.TryGetValue(column, out var raw) || string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var definition = ProfileFields.Find(field)!;
            var input = definition.Kind == ProfileFieldKind.List ? raw.Replace(';', ProfileFields.ListSeparator) : raw;
            var normalised = ProfileFields.Normalise(definition, input, today.Year);
            if (normalised.IsSuccess)
            {
                plain[field] = normalised.Value;
            }
            else
            {
                Fail(column, normalised.Error);
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var idNumber = id.Value!;
        var phone = plain.GetValueOrDefault(ProfileFields.Phone);
        var address = plain.GetValueOrDefault(ProfileFields.Address);
        plain.Remove(ProfileFields.Phone);
        plain.Remove(ProfileFields.Address);
        var talent = new PreparedTalent(
            line,
            Guid.CreateVersion7(now),
            Guid.CreateVersion7(now),
            name.Value!,
            idNumber.IsMale ? "male" : "female",
            idNumber.BirthDate,
            protector.Protect(idNumber.Value),
            protector.BlindIndex(Talent.IdIndexKey(idNumber)),
            idNumber.Suffix,
            idNumber.Masked,
            phone is null ? null : protector.Protect(phone),
            phone is null ? null : protector.BlindIndex(Talent.PhoneIndexKey(phone)),
            phone is null ? null : Masking.Phone(phone),
            address is null ? null : protector.Protect(address),
            plain,
            level!,
            category!,
            effectiveOn);
        return (talent, null);
    }
}
