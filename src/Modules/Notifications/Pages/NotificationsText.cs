using TalentPass.Ui;

namespace TalentPass.Modules.Notifications.Pages;

internal static class NotificationsText
{
    /// <summary>Keeps the language of the UI from a "中文 / English" message.</summary>
    public static string Message(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var split = message.IndexOf(" / ", StringComparison.Ordinal);
        return split < 0 ? message : Loc.IsEnglish ? message[(split + 3)..] : message[..split];
    }

    public static string SmsStatus(string status) => status switch
    {
        Domain.SmsStatus.Pending => Loc.T("待发送", "Pending"),
        Domain.SmsStatus.Sent => Loc.T("已发送", "Sent"),
        Domain.SmsStatus.Failed => Loc.T("发送失败", "Failed"),
        _ => status,
    };
}
