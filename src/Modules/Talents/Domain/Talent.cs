using System.Globalization;
using TalentPass.Infrastructure.Security;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Domain;

/// <summary>
/// A talent in the registry. Personal data (ID number, phone, address) is held only encrypted, with a keyed
/// blind index for uniqueness / exact search and a masked or partial clear form for staff lists. Every change
/// bumps <see cref="Version"/> (optimistic concurrency).
/// </summary>
internal sealed class Talent
{
    private Talent()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary><c>male</c> or <c>female</c>, derived from the ID number (GB 11643 sequence parity).</summary>
    public string Gender { get; private set; } = string.Empty;

    public DateOnly BirthDate { get; private set; }

    public string IdNumberCipher { get; private set; } = string.Empty;

    public string IdNumberHash { get; private set; } = string.Empty;

    /// <summary>Last four characters in clear, for staff search by "ID suffix".</summary>
    public string IdSuffix { get; private set; } = string.Empty;

    /// <summary>4101**********1234: what lists show without decrypting.</summary>
    public string IdMasked { get; private set; } = string.Empty;

    public string? PhoneCipher { get; private set; }

    public string? PhoneHash { get; private set; }

    public string? PhoneMasked { get; private set; }

    public string? AddressCipher { get; private set; }

    public string? EducationDegree { get; private set; }

    public string? EducationSchool { get; private set; }

    public string? EducationMajor { get; private set; }

    public int? EducationGraduationYear { get; private set; }

    public string? AcademicTitles { get; private set; }

    public string? AcademicFields { get; private set; }

    public string? ResearchProjects { get; private set; }

    public string? ResearchPapers { get; private set; }

    public string? ResearchPatents { get; private set; }

    public string? Honours { get; private set; }

    /// <summary>The employing enterprise (an Identity organisation of kind Enterprise), if registered.</summary>
    public Guid? EmployerOrganisationId { get; private set; }

    public string? EmployerName { get; private set; }

    /// <summary>The talent's own sign-in account, if linked.</summary>
    public Guid? AccountId { get; private set; }

    public string Level { get; private set; } = TalentLevel.Reserve;

    public DateOnly LevelEffectiveOn { get; private set; }

    public string Category { get; private set; } = string.Empty;

    public DateOnly CategoryEffectiveOn { get; private set; }

    public string Status { get; private set; } = TalentStatus.Active;

    public DateTimeOffset StatusChangedAt { get; private set; }

    public string? StatusReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// Data source of the values given at registration (<c>manual</c>, <c>import:&lt;file&gt;</c>, <c>demo</c>, …).
    /// Together with <see cref="RegisteredBy"/> and <see cref="CreatedAt"/> it is the provenance of every value
    /// present at registration: verified. A field-level <see cref="FieldProvenance"/> row exists only for values
    /// changed afterwards, so a bulk import writes one row per talent, not one per field.
    /// </summary>
    public string RegistrationSource { get; private set; } = DataSources.Manual;

    /// <summary>The account that registered (and so verified) the initial values; null for the system (import, seed).</summary>
    public Guid? RegisteredBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>Normalised form of a phone number for its blind index.</summary>
    public static string PhoneIndexKey(string phone) => "phone:" + phone.Trim();

    /// <summary>Normalised form of an ID number for its blind index.</summary>
    public static string IdIndexKey(ResidentIdNumber id) => "id:" + id.Value;

    public static Talent Register(
        Guid id,
        string name,
        ResidentIdNumber idNumber,
        string level,
        string category,
        DateOnly effectiveOn,
        IFieldProtector protector,
        DateTimeOffset now,
        string source = DataSources.Manual,
        Guid? registeredBy = null)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        ArgumentNullException.ThrowIfNull(protector);
        if (!TalentLevel.IsKnown(level) || !TalentCategory.IsKnown(category) || string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("Level, category and name must be validated before registering a talent.");
        }

        return new Talent
        {
            Id = id,
            Name = name.Trim(),
            Gender = idNumber.IsMale ? "male" : "female",
            BirthDate = idNumber.BirthDate,
            IdNumberCipher = protector.Protect(idNumber.Value),
            IdNumberHash = protector.BlindIndex(IdIndexKey(idNumber)),
            IdSuffix = idNumber.Suffix,
            IdMasked = idNumber.Masked,
            Level = level,
            LevelEffectiveOn = effectiveOn,
            Category = category,
            CategoryEffectiveOn = effectiveOn,
            Status = TalentStatus.Active,
            StatusChangedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
            RegistrationSource = source,
            RegisteredBy = registeredBy,
        };
    }

    /// <summary>Whether the field holds a value (without decrypting anything).</summary>
    public bool HasValue(string key) => key == ProfileFields.Address ? AddressCipher is not null : GetValue(key, null) is not null;

    /// <summary>
    /// The provenance of a field: its own row if the value changed after registration, else the registration's
    /// (verified) for a value present since registration, else none (no value).
    /// </summary>
    public FieldProvenance? ProvenanceOf(string key, IReadOnlyDictionary<string, FieldProvenance> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.TryGetValue(key, out var row))
        {
            return row;
        }

        return HasValue(key) ? FieldProvenance.Verified(Id, key, RegisteredBy, RegistrationSource, CreatedAt) : null;
    }

    public void SetEmployer(Guid? organisationId, string? name, DateTimeOffset now)
    {
        EmployerOrganisationId = organisationId;
        EmployerName = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        Touch(now);
    }

    public void LinkAccount(Guid? accountId, DateTimeOffset now)
    {
        AccountId = accountId;
        Touch(now);
    }

    /// <summary>The canonical string value of a profile field (personal values decrypted only when a protector is given).</summary>
    public string? GetValue(string key, IFieldProtector? protector) => key switch
    {
        ProfileFields.Name => Name,
        ProfileFields.Gender => Gender,
        ProfileFields.BirthDate => BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ProfileFields.IdNumber => protector is null ? IdMasked : protector.Unprotect(IdNumberCipher),
        ProfileFields.Phone => PhoneCipher is null ? null : protector is null ? PhoneMasked : protector.Unprotect(PhoneCipher),
        ProfileFields.Address => AddressCipher is null ? null : protector is null ? null : protector.Unprotect(AddressCipher),
        ProfileFields.EducationDegree => EducationDegree,
        ProfileFields.EducationSchool => EducationSchool,
        ProfileFields.EducationMajor => EducationMajor,
        ProfileFields.EducationGraduationYear => EducationGraduationYear?.ToString(CultureInfo.InvariantCulture),
        ProfileFields.AcademicTitles => AcademicTitles,
        ProfileFields.AcademicFields => AcademicFields,
        ProfileFields.ResearchProjects => ResearchProjects,
        ProfileFields.ResearchPapers => ResearchPapers,
        ProfileFields.ResearchPatents => ResearchPatents,
        ProfileFields.Honours => Honours,
        ProfileFields.EmployerName => EmployerName,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown profile field."),
    };

    /// <summary>Sets a self-editable field from its canonical value (see <see cref="ProfileFields.Normalise"/>).</summary>
    public void SetValue(string key, string? value, IFieldProtector protector, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(protector);
        switch (key)
        {
            case ProfileFields.Name:
                Name = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A name is required.", nameof(value)) : value;
                break;
            case ProfileFields.Phone:
                PhoneCipher = value is null ? null : protector.Protect(value);
                PhoneHash = value is null ? null : protector.BlindIndex(PhoneIndexKey(value));
                PhoneMasked = value is null ? null : Masking.Phone(value);
                break;
            case ProfileFields.Address:
                AddressCipher = value is null ? null : protector.Protect(value);
                break;
            case ProfileFields.EducationDegree:
                EducationDegree = value;
                break;
            case ProfileFields.EducationSchool:
                EducationSchool = value;
                break;
            case ProfileFields.EducationMajor:
                EducationMajor = value;
                break;
            case ProfileFields.EducationGraduationYear:
                EducationGraduationYear = value is null ? null : int.Parse(value, CultureInfo.InvariantCulture);
                break;
            case ProfileFields.AcademicTitles:
                AcademicTitles = value;
                break;
            case ProfileFields.AcademicFields:
                AcademicFields = value;
                break;
            case ProfileFields.ResearchProjects:
                ResearchProjects = value;
                break;
            case ProfileFields.ResearchPapers:
                ResearchPapers = value;
                break;
            case ProfileFields.ResearchPatents:
                ResearchPatents = value;
                break;
            case ProfileFields.Honours:
                Honours = value;
                break;
            case ProfileFields.EmployerName:
                EmployerName = value;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(key), key, "This field cannot be set from a profile value.");
        }

        Touch(now);
    }

    /// <summary>Changes level and/or category (talent office decision); returns the history entry to store.</summary>
    public Result<LevelHistoryEntry> ChangeLevel(
        Guid entryId,
        string level,
        string? category,
        DateOnly effectiveOn,
        string reason,
        Guid? decidedBy,
        DateTimeOffset now)
    {
        if (!TalentLevel.IsKnown(level))
        {
            return TalentsErrors.LevelUnknown;
        }

        if (category is not null && !TalentCategory.IsKnown(category))
        {
            return TalentsErrors.CategoryUnknown;
        }

        var newCategory = category ?? Category;
        if (level == Level && newCategory == Category)
        {
            return TalentsErrors.LevelUnchanged;
        }

        if (Status == TalentStatus.Terminated)
        {
            return TalentsErrors.Terminated;
        }

        var entry = new LevelHistoryEntry(entryId, Id, Level, level, Category, newCategory, effectiveOn, reason.Trim(), decidedBy, now);
        if (level != Level)
        {
            Level = level;
            LevelEffectiveOn = effectiveOn;
        }

        if (newCategory != Category)
        {
            Category = newCategory;
            CategoryEffectiveOn = effectiveOn;
        }

        Touch(now);
        return entry;
    }

    /// <summary>Suspends, reactivates or terminates (M-13, M-14). Termination is final.</summary>
    public Result ChangeStatus(string status, string reason, DateTimeOffset now)
    {
        if (TalentStatus.Normalise(status) is not { } normalised)
        {
            return TalentsErrors.StatusUnknown;
        }

        if (Status == TalentStatus.Terminated)
        {
            return TalentsErrors.Terminated;
        }

        if (normalised == Status)
        {
            return TalentsErrors.StatusUnchanged;
        }

        Status = normalised;
        StatusReason = reason.Trim();
        StatusChangedAt = now;
        Touch(now);
        return Result.Success();
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>One level/category decision: from → to, effective date, reason, who and when.</summary>
internal sealed class LevelHistoryEntry
{
    public LevelHistoryEntry(
        Guid id,
        Guid talentId,
        string? fromLevel,
        string toLevel,
        string? fromCategory,
        string toCategory,
        DateOnly effectiveOn,
        string reason,
        Guid? decidedBy,
        DateTimeOffset decidedAt)
    {
        Id = id;
        TalentId = talentId;
        FromLevel = fromLevel;
        ToLevel = toLevel;
        FromCategory = fromCategory;
        ToCategory = toCategory;
        EffectiveOn = effectiveOn;
        Reason = reason;
        DecidedBy = decidedBy;
        DecidedAt = decidedAt;
    }

    public Guid Id { get; private set; }

    public Guid TalentId { get; private set; }

    public string? FromLevel { get; private set; }

    public string ToLevel { get; private set; }

    public string? FromCategory { get; private set; }

    public string ToCategory { get; private set; }

    public DateOnly EffectiveOn { get; private set; }

    public string Reason { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }
}
