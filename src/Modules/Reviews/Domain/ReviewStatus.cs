namespace TalentPass.Modules.Reviews.Domain;

/// <summary>
/// Stored review statuses. <c>overdue</c> is never stored: a <see cref="Pending"/> review whose due date has passed is
/// reported as overdue (the talent may still confirm late, which completes it).
/// </summary>
internal static class ReviewStatus
{
    public const string Pending = "pending";
    public const string Reverified = "reverified";
    public const string Confirmed = "confirmed";
    public const string Updated = "updated";
    public const string Failed = "failed";
    public const string Overdue = "overdue";

    public static IReadOnlyList<string> All { get; } = [Pending, Reverified, Confirmed, Updated, Failed, Overdue];

    public static IReadOnlyList<string> Completed { get; } = [Reverified, Confirmed, Updated];

    public static IReadOnlyList<string> Open { get; } = [Pending, Failed];

    /// <summary>The status as shown: pending past its due date is overdue.</summary>
    public static string Effective(string status, DateOnly dueOn, DateOnly today) =>
        status == Pending && dueOn < today ? Overdue : status;

    public static string Label(string status, bool english) => status switch
    {
        Pending => english ? "Waiting for the talent" : "待本人确认",
        Reverified => english ? "Re-verified automatically" : "已自动核验",
        Confirmed => english ? "Confirmed" : "已确认",
        Updated => english ? "Updated by the talent" : "本人已更新",
        Failed => english ? "Check by a clerk" : "待人工核查",
        Overdue => english ? "Overdue" : "已逾期",
        _ => status,
    };
}

/// <summary>Automatic re-verification by data sharing (social insurance in the area).</summary>
internal static class Reverification
{
    /// <summary>Waiting for the job to look the talent up.</summary>
    public const string Queued = "queued";

    /// <summary>The campaign does not re-verify automatically.</summary>
    public const string Off = "off";

    /// <summary>Found and contributing in the area: the review is closed as reverified.</summary>
    public const string Contributing = "contributing";

    /// <summary>Found but no longer contributing (left the area): flagged failed for a clerk.</summary>
    public const string Stopped = "stopped";

    /// <summary>No social insurance record: flagged failed for a clerk.</summary>
    public const string NotFound = "not_found";

    /// <summary>The source was unavailable or answered garbage: the talent confirms instead.</summary>
    public const string Unavailable = "unavailable";

    public static string Label(string? value, bool english) => value switch
    {
        Queued => english ? "Queued" : "排队中",
        Off => english ? "Not used" : "未启用",
        Contributing => english ? "Social insurance in the area" : "本市社保正常缴纳",
        Stopped => english ? "Social insurance stopped (left the area?)" : "社保已停缴（可能已离开本市）",
        NotFound => english ? "No social insurance record" : "无社保记录",
        Unavailable => english ? "Source unavailable" : "数据源不可用",
        _ => "—",
    };
}

/// <summary>Campaign statuses: <c>launching</c> while the job is creating reviews, then <c>open</c>.</summary>
internal static class CampaignStatus
{
    public const string Launching = "launching";
    public const string Open = "open";

    public static string Label(string status, bool english) => status switch
    {
        Launching => english ? "Launching" : "发起中",
        Open => english ? "Open" : "进行中",
        _ => status,
    };
}
