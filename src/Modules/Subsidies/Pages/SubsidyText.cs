using TalentPass.Ui;

namespace TalentPass.Modules.Subsidies.Pages;

/// <summary>Display texts of the subsidy pages in the current UI language.</summary>
internal static class SubsidyText
{
    public static string Status(string status) => status switch
    {
        "active" => Loc.T("发放中", "Paying"),
        "paused" => Loc.T("已暂停", "Paused"),
        "stopped" => Loc.T("已停止", "Stopped"),
        "completed" => Loc.T("已发放完毕", "Completed"),
        "draft" => Loc.T("待银行发放", "Awaiting the bank"),
        "confirmed" => Loc.T("已发放", "Paid"),
        "pending" => Loc.T("待发放", "Pending"),
        "paid" => Loc.T("已发放", "Paid"),
        _ => status,
    };

    public static string StatusBadge(string status) => status switch
    {
        "active" or "confirmed" or "paid" => "badge badge-ok",
        "paused" or "draft" or "pending" => "badge badge-warn",
        "stopped" => "badge badge-err",
        _ => "badge",
    };

    public static string Reason(string? reason) => reason switch
    {
        null or "" => "—",
        "talent_suspended" => Loc.T("人才资格暂停", "Talent suspended"),
        "talent_terminated" => Loc.T("人才资格终止", "Talent recognition terminated"),
        "left_area" => Loc.T("社保显示已离开本市", "Social insurance shows the talent left the city"),
        "office_decision" => Loc.T("人才办决定", "Talent office decision"),
        "data_not_found" => Loc.T("社保查无记录，待人工核实", "No social-insurance record; a clerk checks"),
        "data_unavailable" => Loc.T("社保数据暂不可用，下月再查", "Social-insurance data unavailable; checked again next month"),
        _ => reason,
    };

    public static string Event(string kind) => kind switch
    {
        "created" => Loc.T("创建", "Created"),
        "paused" => Loc.T("暂停", "Paused"),
        "stopped" => Loc.T("停止", "Stopped"),
        "resumed" => Loc.T("恢复", "Resumed"),
        "completed" => Loc.T("发放完毕", "Completed"),
        _ => kind,
    };

    public static string Matter(string code) => code switch
    {
        "youth-living-subsidy" => Loc.T("青年人才生活补贴", "Youth talent living subsidy"),
        "youth-rent-subsidy" => Loc.T("青年人才租房补贴", "Youth talent rent subsidy"),
        "high-level-living-allowance" => Loc.T("高层次人才生活津贴", "High-level talent living allowance"),
        "postdoc-living-subsidy" => Loc.T("博士后生活补贴", "Postdoctoral living subsidy"),
        _ => code,
    };

    /// <summary>Evidence reference as a link where there is a page for it.</summary>
    public static string? EvidenceLink(string? evidence) =>
        evidence is not null && evidence.StartsWith("datasharing:answer:", StringComparison.Ordinal)
            ? "/data-sharing/answers/" + evidence["datasharing:answer:".Length..]
            : null;

    public static string Yuan(long fen) => Features.Batches.BatchService.Yuan(fen);

    /// <summary>An error for display in the current language: bilingual "中文 / English" texts are cut to one language.</summary>
    public static SharedKernel.Error Localise(SharedKernel.Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var split = error.Message.IndexOf(" / ", StringComparison.Ordinal);
        return split < 0 ? error : error with { Message = Loc.T(error.Message[..split], error.Message[(split + 3)..]) };
    }
}
