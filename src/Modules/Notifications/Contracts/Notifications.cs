namespace TalentPass.Modules.Notifications.Contracts;

/// <summary>
/// A message to one account's in-app inbox, optionally also by SMS to a talent's registered phone (looked up by the
/// Notifications module; callers never handle phone numbers). Text in both UI languages.
/// </summary>
/// <param name="Topic">Stable machine key, e.g. <c>services.application_approved</c>.</param>
/// <param name="Link">A site-relative link to the page the message is about.</param>
/// <param name="SmsTalentId">When set, an SMS goes to this talent's phone as well.</param>
/// <param name="DeduplicationKey">When set, a second notification with the same key is ignored (safe retries).</param>
public sealed record NotificationDraft(
    Guid RecipientAccountId,
    string Topic,
    string TitleZh,
    string TitleEn,
    string BodyZh,
    string BodyEn,
    string? Link = null,
    Guid? SmsTalentId = null,
    string? DeduplicationKey = null);

public interface INotifier
{
    /// <summary>Stores the inbox message (and queues the SMS) — durable once this returns.</summary>
    Task NotifyAsync(NotificationDraft notification, CancellationToken cancellationToken = default);
}
