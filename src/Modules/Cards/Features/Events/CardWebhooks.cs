using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TalentPass.Modules.Cards.Domain;
using TalentPass.Modules.Cards.Persistence;
using TalentPass.Modules.Webhooks.Contracts;

namespace TalentPass.Modules.Cards.Features.Events;

/// <summary>The webhook event types the Cards module sends to partners (docs: module README).</summary>
internal static class CardEventTypes
{
    public const string ApplicationCreated = "card.application.created";
    public const string ApplicationWithdrawn = "card.application.withdrawn";
    public const string CardCancelled = "card.cancelled";
    public const string TalentLevelChanged = "talent.level.changed";
    public const string TalentStatusChanged = "talent.status.changed";
}

/// <summary>
/// Builds partner webhook events and stores them in the Webhooks outbox inside the caller's transaction, so an
/// event exists if and only if the change does. The talent is identified by the partner's own customer reference
/// (never the internal talent id); the ordering key is <c>talent:{customerRef}</c>, one ordered stream per talent
/// within each partner.
/// </summary>
internal sealed class CardWebhooks(IWebhookOutbox outbox)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string OrderingKey(string customerRef) => "talent:" + customerRef;

    public static WebhookEventDraft ApplicationCreated(CardApplication application) =>
        Draft(Guid.CreateVersion7(application.CreatedAt), application.PartnerId, CardEventTypes.ApplicationCreated, application.CustomerRef, application.CreatedAt, new
        {
            applicationId = application.Id,
            customerRef = application.CustomerRef,
            consentVersion = application.ConsentVersion,
            consentFields = application.Fields,
            createdAt = application.CreatedAt,
        });

    public static WebhookEventDraft ApplicationWithdrawn(CardApplication application, DateTimeOffset at) =>
        Draft(Guid.CreateVersion7(at), application.PartnerId, CardEventTypes.ApplicationWithdrawn, application.CustomerRef, at, new
        {
            applicationId = application.Id,
            customerRef = application.CustomerRef,
            reason = "consent_withdrawn",
            withdrawnAt = at,
        });

    public static WebhookEventDraft CardCancelled(Card card, string reason, DateTimeOffset at) =>
        Draft(Guid.CreateVersion7(at), card.PartnerId, CardEventTypes.CardCancelled, card.CustomerRef, at, new
        {
            cardId = card.Id,
            applicationId = card.ApplicationId,
            customerRef = card.CustomerRef,
            last4 = card.Last4,
            reason,
            cancelledAt = at,
        });

    /// <summary>A talent's level or status change for one partner; the id is derived from the feed event and partner (stable on re-run).</summary>
    public static WebhookEventDraft TalentChanged(Guid feedEventId, string type, Guid partnerId, string customerRef, DateTimeOffset occurredAt, object data) =>
        Draft(DerivedId(feedEventId, partnerId), partnerId, type, customerRef, occurredAt, data);

    public async Task EnqueueAsync(CardsDbContext db, IReadOnlyList<WebhookEventDraft> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Webhook events must be enqueued inside the change's transaction.");
        await outbox.EnqueueAsync(db.Database.GetDbConnection(), transaction, events, ct);
    }

    private static WebhookEventDraft Draft(Guid id, Guid partnerId, string type, string customerRef, DateTimeOffset at, object data) =>
        new(id, partnerId, type, OrderingKey(customerRef), JsonSerializer.Serialize(data, Json), at);

    private static Guid DerivedId(Guid feedEventId, Guid partnerId)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes($"cards:{feedEventId:N}:{partnerId:N}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8 (custom), RFC 9562
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
