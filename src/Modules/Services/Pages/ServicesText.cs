using System.Globalization;
using TalentPass.Ui;

namespace TalentPass.Modules.Services.Pages;

/// <summary>Labels and formatting shared by the Services pages.</summary>
internal static class ServicesText
{
    public static string ItemStatus(string status) => status switch
    {
        "in_review" => Loc.T("办理中", "In review"),
        "supplement" => Loc.T("待补正", "Awaiting material"),
        "approved" => Loc.T("已办结（通过）", "Approved"),
        "refused" => Loc.T("不予通过", "Refused"),
        "withdrawn" => Loc.T("已撤回", "Withdrawn"),
        _ => status,
    };

    public static string ItemBadge(string status) => status switch
    {
        "approved" => "badge badge-ok",
        "refused" => "badge badge-err",
        "supplement" => "badge badge-warn",
        _ => "badge",
    };

    public static string StepStatus(string status) => status switch
    {
        "waiting" => Loc.T("未开始", "Waiting"),
        "open" => Loc.T("待办", "To do"),
        "second" => Loc.T("待复核", "Awaiting second approval"),
        "approved" => Loc.T("通过", "Approved"),
        "refused" => Loc.T("不予通过", "Refused"),
        "cancelled" => Loc.T("已终止", "Cancelled"),
        _ => status,
    };

    public static string Channel(string channel) => channel switch
    {
        "one_click" => Loc.T("一键申领", "One click"),
        "window" => Loc.T("窗口受理", "At a window"),
        _ => Loc.T("网上申请", "Online"),
    };

    public static string Delivery(string delivery) => delivery == "mail" ? Loc.T("邮寄送达", "By mail") : Loc.T("网上送达", "Online");

    public static string Yuan(long fen) => (fen / 100m).ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>“剩余 n 个工作日” / “超期” / “已暂停” …</summary>
    public static string Countdown(string status, DateOnly? due, int? remaining, bool overdue, string? dueProblem, bool paused = false)
    {
        if (status is "approved" or "refused" or "withdrawn")
        {
            return "—";
        }

        if (paused || status == "supplement")
        {
            return Loc.T("计时暂停（待补正）", "Paused (awaiting material)");
        }

        if (due is null)
        {
            return dueProblem is null ? "—" : Loc.T("到期日待定：所需年度的工作日历未载入", "Due date unknown: the working-day calendar of the year is not loaded");
        }

        if (overdue)
        {
            return Loc.T("已超期", "Overdue");
        }

        return remaining switch
        {
            null => Loc.T("工作日历未载入", "Calendar not loaded"),
            0 => Loc.T("今日到期", "Due today"),
            _ => Loc.T($"剩余 {remaining} 个工作日", $"{remaining} working day(s) left"),
        };
    }

    public static string CountdownBadge(DateOnly? due, int? remaining, bool overdue) =>
        overdue ? "badge badge-err" : due is not null && remaining is <= 1 ? "badge badge-warn" : "badge";

    public static string Source(string source) => Loc.IsEnglish ? Domain.AutoApprovalEvaluator.SourceName(source).En : Domain.AutoApprovalEvaluator.SourceName(source).Zh;

    public static SharedKernel.Error Localise(SharedKernel.Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error with
        {
            Message = Message(error.Message),
            Fields = error.Fields?.ToDictionary(f => f.Key, f => f.Value.Select(Message).ToArray()),
        };
    }

    public static string Message(string message)
    {
        var split = message.IndexOf(" / ", StringComparison.Ordinal);
        return split < 0 ? message : Loc.IsEnglish ? message[(split + 3)..] : message[..split];
    }
}
