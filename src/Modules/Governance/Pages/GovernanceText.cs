using TalentPass.SharedKernel;
using TalentPass.Ui;

namespace TalentPass.Modules.Governance.Pages;

/// <summary>Labels of the governance pages in both UI languages.</summary>
internal static class GovernanceText
{
    public static string Effect(string? effect) => effect switch
    {
        "suspend_all" => Loc.T("暂停全部权益", "Suspend all rights"),
        "suspend_partner" => Loc.T("暂停该机构权益", "Suspend one partner's rights"),
        "terminate" => Loc.T("终止权益", "Terminate"),
        _ => effect ?? "—",
    };

    public static string CaseStatus(string? status) => status switch
    {
        "noticed" => Loc.T("已告知，待决定", "Noticed, to decide"),
        "decided" => Loc.T("已决定", "Decided"),
        "dismissed" => Loc.T("已撤销", "Dismissed"),
        "reinstated" => Loc.T("已恢复", "Reinstated"),
        _ => status ?? "—",
    };

    public static string CaseBadge(string? status) => status switch
    {
        "noticed" => "badge badge-warn",
        "decided" => "badge badge-err",
        "reinstated" => "badge badge-ok",
        _ => "badge",
    };

    public static string Outcome(string? outcome) => outcome switch
    {
        "suspended" => Loc.T("暂停全部权益", "All rights suspended"),
        "restricted" => Loc.T("暂停该机构权益", "Partner's rights suspended"),
        "terminated" => Loc.T("终止（复议期满生效）", "Terminated (final after the appeal period)"),
        "dismissed" => Loc.T("撤销", "Dismissed"),
        "upheld" => Loc.T("复议成立", "Appeal upheld"),
        "rejected" => Loc.T("复议驳回", "Appeal rejected"),
        "reinstated" => Loc.T("恢复", "Reinstated"),
        "pending" => Loc.T("待决定", "Pending"),
        null => "—",
        _ => outcome,
    };

    public static string DecisionKind(string kind) => kind switch
    {
        "suspension" => Loc.T("暂停决定", "Suspension"),
        "termination" => Loc.T("终止决定", "Termination"),
        "dismissal" => Loc.T("撤销立案", "Dismissal"),
        "reinstatement" => Loc.T("恢复决定", "Reinstatement"),
        "appeal" => Loc.T("复议决定", "Appeal decision"),
        _ => kind,
    };

    public static string Ground(string? ground) => ground switch
    {
        "left_area" => Loc.T("不再在本地工作", "No longer works in the area"),
        "false_materials" => Loc.T("提供虚假材料", "False materials"),
        "serious_violation" => Loc.T("违法违纪造成严重影响", "Serious breach of law or ethics"),
        "other_unsuitable" => Loc.T("其他不宜继续享受的情形", "Other unsuitable cases"),
        _ => ground ?? "—",
    };

    public static string Owner(string owner) => owner switch
    {
        "talent_office" => Loc.T("人才办", "Talent office"),
        "big_data_bureau" => Loc.T("大数据局", "Big-data bureau"),
        "partner" => Loc.T("合作单位", "Partner"),
        _ => owner,
    };

    public static string SignalKind(string kind) => kind switch
    {
        "two_places" => Loc.T("短时间内在两处扫码", "Scanned at two places within minutes"),
        "static_after_dynamic" => Loc.T("动态码后他处出示静态码", "Static code elsewhere right after a dynamic one"),
        _ => kind,
    };

    public static string SignalStatus(string status) => status switch
    {
        "open" => Loc.T("待核实", "To review"),
        "confirmed" => Loc.T("已核实", "Confirmed"),
        "dismissed" => Loc.T("已排除", "Dismissed"),
        _ => status,
    };

    public static string Conditions(bool reviewOverdue, bool leftArea, bool confirmedSignal, int? reportsMin, int? reportsDays)
    {
        var parts = new List<string>();
        if (reportsMin is { } n)
        {
            parts.Add(Loc.T($"{reportsDays}天内滥用举报≥{n}次", $"≥{n} misuse reports in {reportsDays} days"));
        }

        if (reviewOverdue)
        {
            parts.Add(Loc.T("复核逾期", "review overdue"));
        }

        if (leftArea)
        {
            parts.Add(Loc.T("数据共享显示已离开本市", "left the area (data sharing)"));
        }

        if (confirmedSignal)
        {
            parts.Add(Loc.T("经核实的异常扫码", "confirmed scan signal"));
        }

        return parts.Count == 0 ? Loc.T("仅人工立案", "manual cases only") : string.Join(Loc.T(" 且 ", " and "), parts);
    }

    public static string Day(DateTimeOffset? end) => end is { } e ? Features.Cases.Deadlines.LastDay(e).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "—";

    /// <summary>Shows the Chinese or English half of an error message ("中文 / English") and of its field messages.</summary>
    public static Error Localise(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error with
        {
            Message = Message(error.Message),
            Fields = error.Fields?.ToDictionary(f => f.Key, f => f.Value.Select(Message).ToArray(), StringComparer.Ordinal),
        };
    }

    public static string Message(string message)
    {
        var split = message.IndexOf(" / ", StringComparison.Ordinal);
        return split < 0 ? message : Loc.IsEnglish ? message[(split + 3)..] : message[..split];
    }
}
