namespace TalentPass.Modules.Recognition.Domain;

/// <summary>
/// The levels a recognition may grant (the registry's codes, M-7) and their order: A is highest; youth and social
/// share a rank; reserve is lowest. A recognition must raise the talent (a lower or equal rank is refused).
/// </summary>
internal static class RecognitionLevels
{
    public static IReadOnlyList<string> Grantable { get; } = ["a", "b", "c", "d", "e", "youth", "social"];

    public static IReadOnlyList<string> HighLevel { get; } = ["a", "b", "c", "d", "e"];

    public static string? Normalise(string? level) =>
        level?.Trim().ToLowerInvariant() is { } l && (Grantable.Contains(l, StringComparer.Ordinal) || l == "reserve") ? l : null;

    public static bool IsGrantable(string? level) => level is not null && Grantable.Contains(level, StringComparer.Ordinal);

    /// <summary>1 = A (highest) … 8 = reserve; unknown levels rank lowest.</summary>
    public static int Rank(string? level) => level switch
    {
        "a" => 1,
        "b" => 2,
        "c" => 3,
        "d" => 4,
        "e" => 5,
        "youth" or "social" => 6,
        _ => 8,
    };

    /// <summary>Whether <paramref name="to"/> is a promotion over <paramref name="from"/>.</summary>
    public static bool Raises(string? from, string to) => Rank(to) < Rank(from);

    /// <summary>The higher of two levels (null-tolerant).</summary>
    public static string? Higher(string? a, string? b) => a is null ? b : b is null ? a : Rank(a) <= Rank(b) ? a : b;

    public static string Label(string? level, bool english) => level switch
    {
        "a" => english ? "A · Top talent" : "A类 顶尖人才",
        "b" => english ? "B · National leading talent" : "B类 国家级领军人才",
        "c" => english ? "C · Local leading talent" : "C类 地方级领军人才",
        "d" => english ? "D · Local outstanding contributor" : "D类 地方突出贡献人才",
        "e" => english ? "E · Outstanding young talent" : "E类 优秀青年人才",
        "youth" => english ? "Youth talent" : "青年人才",
        "social" => english ? "Social talent" : "社会化人才",
        "reserve" => english ? "Reserve talent" : "储备人才",
        null => "—",
        _ => level,
    };
}

/// <summary>The three paths of the 2023 press report (对照标准、专家评审、用人单位自主认定).</summary>
internal static class RecognitionPaths
{
    public const string Standard = "standard";
    public const string ExpertReview = "expert_review";
    public const string Employer = "employer";

    public static IReadOnlyList<string> All { get; } = [Standard, ExpertReview, Employer];

    public static string? Normalise(string? path) =>
        path?.Trim().ToLowerInvariant() is { } p && All.Contains(p, StringComparer.Ordinal) ? p : null;

    public static string Label(string path, bool english) => path switch
    {
        Standard => english ? "By standard" : "按标准认定",
        ExpertReview => english ? "Expert review" : "专家评审",
        Employer => english ? "Employer self-recognition" : "用人单位自主认定",
        _ => path,
    };
}

/// <summary>Application states: submitted → (in_review → reviewed) → approved | refused; approved → revoked.</summary>
internal static class RecognitionStatus
{
    public const string Submitted = "submitted";
    public const string InReview = "in_review";
    public const string Reviewed = "reviewed";
    public const string Approved = "approved";
    public const string Refused = "refused";
    public const string Revoked = "revoked";
    public const string Withdrawn = "withdrawn";

    /// <summary>States in which a talent has an open application (one at a time).</summary>
    public static IReadOnlyList<string> Open { get; } = [Submitted, InReview, Reviewed];

    public static IReadOnlyList<string> All { get; } = [Submitted, InReview, Reviewed, Approved, Refused, Revoked, Withdrawn];

    public static bool IsOpen(string status) => Open.Contains(status, StringComparer.Ordinal);

    public static string? Normalise(string? status) =>
        status?.Trim().ToLowerInvariant() is { } s && All.Contains(s, StringComparer.Ordinal) ? s : null;

    public static string Label(string status, bool english) => status switch
    {
        Submitted => english ? "Submitted" : "已提交",
        InReview => english ? "Under expert review" : "专家评审中",
        Reviewed => english ? "Reviewed, awaiting decision" : "评审完成待决定",
        Approved => english ? "Recognised" : "已认定",
        Refused => english ? "Not recognised" : "未予认定",
        Revoked => english ? "Revoked" : "已撤销",
        Withdrawn => english ? "Withdrawn" : "已撤回",
        _ => status,
    };
}
