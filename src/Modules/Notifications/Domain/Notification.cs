namespace TalentPass.Modules.Notifications.Domain;

/// <summary>One message in an account's in-app inbox (row of <c>notifications_inbox</c>).</summary>
internal sealed class InboxMessage
{
    public Guid Id { get; set; }

    public Guid RecipientAccountId { get; set; }

    public string Topic { get; set; } = string.Empty;

    public string TitleZh { get; set; } = string.Empty;

    public string TitleEn { get; set; } = string.Empty;

    public string BodyZh { get; set; } = string.Empty;

    public string BodyEn { get; set; } = string.Empty;

    public string? Link { get; set; }

    /// <summary>Unique per recipient when set: a second notification with the same key is ignored.</summary>
    public string? DeduplicationKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

internal static class SmsStatus
{
    /// <summary>Waiting for its next attempt (<see cref="SmsOutboxEntry.NextAttemptAtMs"/>).</summary>
    public const string Pending = "pending";

    /// <summary>Accepted by the gateway (it has a message id).</summary>
    public const string Sent = "sent";

    /// <summary>Given up: refused by the gateway, no phone number, or out of attempts. Staff can queue it again.</summary>
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Pending, Sent, Failed];
}

/// <summary>
/// One SMS to send (row of <c>notifications_sms_outbox</c>). Holds no phone number: the sender asks the talent registry
/// for it at send time (<c>ITalentPersonalData</c>, audited), so nothing personal waits in the queue. The row id is the
/// gateway's idempotency key (<c>requestId</c>): a retry after a lost answer never sends twice.
/// </summary>
internal sealed class SmsOutboxEntry
{
    public Guid Id { get; set; }

    public Guid NotificationId { get; set; }

    public Guid TalentId { get; set; }

    /// <summary>The gateway template: the notification topic.</summary>
    public string Template { get; set; } = string.Empty;

    /// <summary>The template parameters as a JSON object (title, body, link) — no personal data.</summary>
    public string Parameters { get; set; } = "{}";

    public string Status { get; set; } = SmsStatus.Pending;

    public int Attempts { get; set; }

    /// <summary>Unix milliseconds (UTC) of the next attempt; a claimed row is pushed a lease ahead so a dead node's claim lapses.</summary>
    public long NextAttemptAtMs { get; set; }

    public string? LastError { get; set; }

    public string? GatewayMessageId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}
