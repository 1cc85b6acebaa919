using TalentPass.Modules.Cards.Contracts;
using TalentPass.Modules.Cards.Domain;
using TalentPass.Ui;

namespace TalentPass.Modules.Cards.Pages;

/// <summary>Labels of the Cards pages (zh-CN default, English).</summary>
internal static class CardText
{
    public static string CardStatus(string status) => status switch
    {
        CardStatuses.Issued => Loc.T("已制卡", "Issued"),
        CardStatuses.Active => Loc.T("已激活", "Active"),
        CardStatuses.Lost => Loc.T("已挂失", "Lost"),
        CardStatuses.Replaced => Loc.T("已换卡", "Replaced"),
        CardStatuses.Cancelled => Loc.T("已注销", "Cancelled"),
        _ => status,
    };

    public static string CardBadge(string status) => status switch
    {
        CardStatuses.Active or CardStatuses.Issued => "badge badge-ok",
        CardStatuses.Lost => "badge badge-warn",
        _ => "badge badge-err",
    };

    public static string ApplicationStatus(string status) => status switch
    {
        ApplicationStatuses.Pending => Loc.T("待审核", "Pending"),
        ApplicationStatuses.Approved => Loc.T("已批准，制卡中", "Approved, card in production"),
        ApplicationStatuses.Refused => Loc.T("未通过", "Refused"),
        ApplicationStatuses.Issued => Loc.T("已发卡", "Card issued"),
        ApplicationStatuses.Withdrawn => Loc.T("已撤回授权", "Consent withdrawn"),
        ApplicationStatuses.Closed => Loc.T("已结束", "Closed"),
        _ => status,
    };

    public static string Field(string field) => ConsentTerms.FieldLabel(field, Loc.IsEnglish);

    public static string Fields(IEnumerable<string> fields) => string.Join(Loc.T("、", ", "), fields.Select(Field));

    public static string Reason(string? reason) => reason switch
    {
        null => "—",
        "consent_withdrawn" => Loc.T("持卡人撤回授权", "Consent withdrawn by the holder"),
        "partner_left" => Loc.T("合作机构已退出", "The partner left"),
        "replaced" => Loc.T("已换新卡", "Replaced by a new card"),
        _ => reason,
    };

    /// <summary>Shows the Chinese or English half of an error message ("中文 / English") and of its field messages.</summary>
    public static SharedKernel.Error Localise(SharedKernel.Error error)
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
