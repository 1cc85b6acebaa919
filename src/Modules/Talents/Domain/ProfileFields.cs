using System.Globalization;
using System.Text.RegularExpressions;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Domain;

internal enum ProfileFieldKind
{
    Text,
    Choice,
    Year,
    Phone,
    List,
}

/// <summary>
/// One field of the talent profile. Each has a stable key (API, provenance rows, change requests, form
/// input ids), a size limit, whether it holds personal data (encrypted at rest, masked on display) and
/// whether the talent may edit it in self-service.
/// </summary>
internal sealed record ProfileField(
    string Key,
    string LabelZh,
    string LabelEn,
    ProfileFieldKind Kind,
    int MaxLength,
    bool Personal = false,
    bool SelfEditable = true,
    bool Required = false,
    string Group = "basic");

/// <summary>The catalogue of profile fields and the normalisation of their values to canonical strings.</summary>
internal static partial class ProfileFields
{
    public const string Name = "name";
    public const string Gender = "gender";
    public const string BirthDate = "birth_date";
    public const string IdNumber = "id_number";
    public const string Phone = "phone";
    public const string Address = "address";
    public const string EducationDegree = "education_degree";
    public const string EducationSchool = "education_school";
    public const string EducationMajor = "education_major";
    public const string EducationGraduationYear = "education_graduation_year";
    public const string AcademicTitles = "academic_titles";
    public const string AcademicFields = "academic_fields";
    public const string ResearchProjects = "research_projects";
    public const string ResearchPapers = "research_papers";
    public const string ResearchPatents = "research_patents";
    public const string Honours = "honours";
    public const string EmployerName = "employer_name";

    /// <summary>Separator of list entries in the canonical value and in the database.</summary>
    public const char ListSeparator = '\n';

    public const int MaxListEntries = 50;

    public static IReadOnlyList<string> Degrees { get; } = ["doctorate", "master", "bachelor", "college", "other"];

    public static IReadOnlyList<ProfileField> All { get; } =
    [
        new(Name, "姓名", "Name", ProfileFieldKind.Text, 50, Required: true),
        new(Gender, "性别", "Gender", ProfileFieldKind.Choice, 10, SelfEditable: false),
        new(BirthDate, "出生日期", "Birth date", ProfileFieldKind.Text, 10, SelfEditable: false),
        new(IdNumber, "身份证号码", "Resident ID number", ProfileFieldKind.Text, 18, Personal: true, SelfEditable: false, Required: true),
        new(Phone, "手机号码", "Mobile phone", ProfileFieldKind.Phone, 11, Personal: true),
        new(Address, "住址", "Address", ProfileFieldKind.Text, 200, Personal: true),
        new(EducationDegree, "最高学历", "Highest degree", ProfileFieldKind.Choice, 20, Group: "education"),
        new(EducationSchool, "毕业院校", "School", ProfileFieldKind.Text, 100, Group: "education"),
        new(EducationMajor, "专业", "Major", ProfileFieldKind.Text, 100, Group: "education"),
        new(EducationGraduationYear, "毕业年份", "Graduation year", ProfileFieldKind.Year, 4, Group: "education"),
        new(AcademicTitles, "职称/学术头衔", "Academic titles", ProfileFieldKind.List, 200, Group: "academic"),
        new(AcademicFields, "研究领域", "Research fields", ProfileFieldKind.List, 200, Group: "academic"),
        new(ResearchProjects, "科研项目", "Research projects", ProfileFieldKind.List, 300, Group: "research"),
        new(ResearchPapers, "论文", "Papers", ProfileFieldKind.List, 300, Group: "research"),
        new(ResearchPatents, "专利", "Patents", ProfileFieldKind.List, 300, Group: "research"),
        new(Honours, "荣誉", "Honours", ProfileFieldKind.List, 300, Group: "honours"),
        new(EmployerName, "工作单位", "Employer", ProfileFieldKind.Text, 100, Group: "employer"),
    ];

    private static readonly Dictionary<string, ProfileField> ByKey = All.ToDictionary(f => f.Key, StringComparer.Ordinal);

    public static IEnumerable<ProfileField> SelfEditableFields => All.Where(f => f.SelfEditable);

    public static ProfileField? Find(string key) => ByKey.GetValueOrDefault(key);

    public static bool IsPersonal(string key) => Find(key)?.Personal == true;

    public static string Label(string key, bool english) =>
        Find(key) is { } f ? (english ? f.LabelEn : f.LabelZh) : key;

    public static string DegreeLabel(string? code, bool english) => code switch
    {
        "doctorate" => english ? "Doctorate" : "博士研究生",
        "master" => english ? "Master" : "硕士研究生",
        "bachelor" => english ? "Bachelor" : "大学本科",
        "college" => english ? "College" : "大学专科",
        "other" => english ? "Other" : "其他",
        null or "" => "—",
        _ => code,
    };

    /// <summary>
    /// Normalises a submitted value to its canonical string: trimmed text, lower-case choice codes, a
    /// four-digit year, an 11-digit mobile number, list entries trimmed and joined by new lines. Empty means
    /// "no value" (null), refused for required fields. Returns per-field messages on failure.
    /// </summary>
    public static Result<string?> Normalise(ProfileField field, string? raw, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.Kind == ProfileFieldKind.List)
        {
            var entries = (raw ?? string.Empty)
                .Split(ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (entries.Length > MaxListEntries)
            {
                return Invalid(field, $"最多{MaxListEntries}项 / At most {MaxListEntries} entries.");
            }

            if (entries.Any(e => e.Length > field.MaxLength))
            {
                return Invalid(field, $"每项最多{field.MaxLength}个字符 / Each entry has at most {field.MaxLength} characters.");
            }

            return entries.Length == 0 ? (string?)null : string.Join(ListSeparator, entries);
        }

        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return field.Required ? Invalid(field, "必填 / Required.") : (string?)null;
        }

        if (value.Length > field.MaxLength)
        {
            return Invalid(field, $"最多{field.MaxLength}个字符 / At most {field.MaxLength} characters.");
        }

        switch (field.Kind)
        {
            case ProfileFieldKind.Phone when !MobilePattern().IsMatch(value):
                return Invalid(field, "请输入11位手机号码 / Enter an 11-digit mobile number.");
            case ProfileFieldKind.Year:
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1940 || year > currentYear + 10)
                {
                    return Invalid(field, $"请输入1940至{currentYear + 10}之间的年份 / Enter a year between 1940 and {currentYear + 10}.");
                }

                return year.ToString(CultureInfo.InvariantCulture);
            case ProfileFieldKind.Choice when field.Key == EducationDegree:
                value = value.ToLowerInvariant();
                if (!Degrees.Contains(value, StringComparer.Ordinal))
                {
                    return Invalid(field, "请选择学历 / Choose one of: " + string.Join(", ", Degrees) + ".");
                }

                break;
        }

        return value;
    }

    public static string[] SplitList(string? canonical) =>
        string.IsNullOrEmpty(canonical) ? [] : canonical.Split(ListSeparator);

    public static string? JoinList(IEnumerable<string>? entries) =>
        entries is null ? null : string.Join(ListSeparator, entries);

    /// <summary>A validation error for one field; <paramref name="message"/> is "中文 / English".</summary>
    private static Error Invalid(ProfileField field, string message)
    {
        var split = message.IndexOf(" / ", StringComparison.Ordinal);
        var (zh, en) = split < 0 ? (message, message) : (message[..split], message[(split + 3)..]);
        return Error.Validation("request.invalid", $"{field.LabelZh}：{zh} / {field.LabelEn}: {en}", new Dictionary<string, string[]> { [field.Key] = [message] });
    }

    [GeneratedRegex("^1[3-9][0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex MobilePattern();
}
