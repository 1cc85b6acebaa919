using TalentPass.SharedKernel;

namespace TalentPass.Modules.Notifications;

/// <summary>The stable error codes of the Notifications module.</summary>
internal static class NotificationsErrors
{
    /// <summary>Also for another account's message: its existence is not revealed.</summary>
    public static readonly Error NotFound =
        Error.NotFound("notifications.not_found", "未找到该消息 / The message was not found.");

    public static readonly Error SmsNotFound =
        Error.NotFound("notifications.sms_not_found", "未找到该短信 / The SMS was not found.");

    public static readonly Error SmsNotFailed =
        Error.Conflict("notifications.sms_not_failed", "只有发送失败的短信可以重新发送 / Only a failed SMS can be queued again.");

    public static readonly Error StatusUnknown =
        Error.Validation("notifications.status_unknown", "状态无效 / Unknown status (pending, sent, failed).",
            new Dictionary<string, string[]> { ["status"] = ["pending, sent, failed"] });

    public static readonly Error AccountRequired =
        Error.Unauthorized("notifications.account_required", "请先登录 / Sign in first.");
}
