using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Jobs;
using TalentPass.Modules.Notifications.Contracts;
using TalentPass.Modules.Notifications.Domain;
using TalentPass.Modules.Notifications.Persistence;

namespace TalentPass.Modules.Notifications.Features.Notify;

/// <summary>Wakes the SMS sender when a message is queued (it also polls, so a lost signal only delays).</summary>
internal sealed class SmsSignal : WakeSignal;

/// <summary>
/// <see cref="INotifier"/>: the inbox row and (when asked) the SMS outbox row are written in one transaction. A
/// deduplication key is unique per recipient: a repeated notification (a caller's retry) changes nothing.
/// </summary>
internal sealed class Notifier(NotificationsDbContext db, SmsSignal signal, TimeProvider clock) : INotifier
{
    public const int MaxTopicLength = 100;
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 2000;
    public const int MaxKeyLength = 200;

    public async Task NotifyAsync(NotificationDraft notification, CancellationToken cancellationToken = default)
    {
        Check(notification);
        var key = notification.DeduplicationKey;
        if (key is not null && await ExistsAsync(notification.RecipientAccountId, key, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var message = new InboxMessage
        {
            Id = Guid.CreateVersion7(now),
            RecipientAccountId = notification.RecipientAccountId,
            Topic = notification.Topic,
            TitleZh = notification.TitleZh,
            TitleEn = notification.TitleEn,
            BodyZh = notification.BodyZh,
            BodyEn = notification.BodyEn,
            Link = notification.Link,
            DeduplicationKey = key,
            CreatedAt = now,
        };
        db.Inbox.Add(message);
        if (notification.SmsTalentId is { } talentId)
        {
            db.SmsOutbox.Add(new SmsOutboxEntry
            {
                Id = Guid.CreateVersion7(now),
                NotificationId = message.Id,
                TalentId = talentId,
                Template = notification.Topic,
                Parameters = JsonSerializer.Serialize(new SortedDictionary<string, string?>(StringComparer.Ordinal)
                {
                    ["title"] = notification.TitleZh,
                    ["body"] = notification.BodyZh,
                    ["link"] = notification.Link,
                }),
                Status = SmsStatus.Pending,
                NextAttemptAtMs = now.ToUnixTimeMilliseconds(),
                CreatedAt = now,
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // A concurrent call with the same key won the unique index; that one is the notification.
            db.ChangeTracker.Clear();
            if (!await ExistsAsync(notification.RecipientAccountId, key, cancellationToken))
            {
                throw;
            }

            return;
        }

        if (notification.SmsTalentId is not null)
        {
            signal.Wake();
        }
    }

    private Task<bool> ExistsAsync(Guid recipient, string key, CancellationToken ct) =>
        db.Inbox.AsNoTracking().AnyAsync(m => m.RecipientAccountId == recipient && m.DeduplicationKey == key, ct);

    private static void Check(NotificationDraft n)
    {
        ArgumentNullException.ThrowIfNull(n);
        if (n.RecipientAccountId == Guid.Empty)
        {
            throw new ArgumentException("A recipient account is required.", nameof(n));
        }

        Require(n.Topic, MaxTopicLength, nameof(n.Topic));
        Require(n.TitleZh, MaxTitleLength, nameof(n.TitleZh));
        Require(n.TitleEn, MaxTitleLength, nameof(n.TitleEn));
        Require(n.BodyZh, MaxBodyLength, nameof(n.BodyZh));
        Require(n.BodyEn, MaxBodyLength, nameof(n.BodyEn));
        if (n.Link is { } link && (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || link.Length > 500))
        {
            throw new ArgumentException("The link must be site-relative (start with a single '/').", nameof(n));
        }

        if (n.DeduplicationKey is { } key && (key.Length == 0 || key.Length > MaxKeyLength))
        {
            throw new ArgumentException($"The deduplication key must have 1–{MaxKeyLength} characters.", nameof(n));
        }
    }

    private static void Require(string? value, int max, string name)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > max)
        {
            throw new ArgumentException($"{name} is required (at most {max} characters).", name);
        }
    }
}
