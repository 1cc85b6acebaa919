namespace TalentPass.Modules.Talents.Domain;

/// <summary>
/// Talent levels of M-7 as stable lower-case codes (stored in the database, tokens and codes):
/// high-level A–E, youth, social and reserve.
/// </summary>
internal static class TalentLevel
{
    public const string A = "a";
    public const string B = "b";
    public const string C = "c";
    public const string D = "d";
    public const string E = "e";
    public const string Youth = "youth";
    public const string Social = "social";
    public const string Reserve = "reserve";

    public static IReadOnlyList<string> All { get; } = [A, B, C, D, E, Youth, Social, Reserve];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);

    /// <summary>Accepts the code in any case (e.g. "C" → "c").</summary>
    public static string? Normalise(string? code) => code?.Trim().ToLowerInvariant() is { } c && IsKnown(c) ? c : null;

    public static string Label(string code, bool english) => code switch
    {
        A => english ? "A · Top talent" : "A类 顶尖人才",
        B => english ? "B · National leading talent" : "B类 国家级领军人才",
        C => english ? "C · Local leading talent" : "C类 地方级领军人才",
        D => english ? "D · Local outstanding contributor" : "D类 地方突出贡献人才",
        E => english ? "E · Outstanding young talent" : "E类 优秀青年人才",
        Youth => english ? "Youth talent" : "青年人才",
        Social => english ? "Social talent" : "社会化人才",
        Reserve => english ? "Reserve talent" : "储备人才",
        _ => code,
    };

    /// <summary>Short badge text: "A".."E", 青年, 社会化, 储备.</summary>
    public static string Short(string code, bool english) => code switch
    {
        A or B or C or D or E => code.ToUpperInvariant(),
        Youth => english ? "Youth" : "青年",
        Social => english ? "Social" : "社会化",
        Reserve => english ? "Reserve" : "储备",
        _ => code,
    };
}

/// <summary>Talent categories (fields of work) as stable codes.</summary>
internal static class TalentCategory
{
    public static IReadOnlyList<string> All { get; } =
        ["science", "engineering", "medicine", "education", "finance", "culture", "management"];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);

    public static string? Normalise(string? code) => code?.Trim().ToLowerInvariant() is { } c && IsKnown(c) ? c : null;

    public static string Label(string code, bool english) => code switch
    {
        "science" => english ? "Science" : "科学研究",
        "engineering" => english ? "Engineering" : "工程技术",
        "medicine" => english ? "Medicine" : "医疗卫生",
        "education" => english ? "Education" : "教育",
        "finance" => english ? "Finance" : "金融",
        "culture" => english ? "Culture" : "文化",
        "management" => english ? "Management" : "经营管理",
        _ => code,
    };
}

/// <summary>Registry status of a talent (M-13, M-14): active, suspended or terminated.</summary>
internal static class TalentStatus
{
    public const string Active = "active";
    public const string Suspended = "suspended";
    public const string Terminated = "terminated";

    public static IReadOnlyList<string> All { get; } = [Active, Suspended, Terminated];

    public static string? Normalise(string? code) => code?.Trim().ToLowerInvariant() is { } c && All.Contains(c, StringComparer.Ordinal) ? c : null;

    public static string Label(string code, bool english) => code switch
    {
        Active => english ? "Active" : "正常",
        Suspended => english ? "Suspended" : "暂停",
        Terminated => english ? "Terminated" : "终止",
        _ => code,
    };
}
