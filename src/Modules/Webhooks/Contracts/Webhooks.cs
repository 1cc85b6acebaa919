using System.Data.Common;

namespace TalentPass.Modules.Webhooks.Contracts;

/// <summary>
/// An event for one partner's system. Events with the same <see cref="OrderingKey"/> (e.g. <c>talent:{subject}</c>)
/// reach the partner in the order they were enqueued; delivery is at least once, with the stable
/// <see cref="EventId"/> for de-duplication on the partner's side.
/// </summary>
/// <param name="Type">e.g. <c>card.application.created</c>, <c>talent.status.changed</c> (docs/partner-api.md).</param>
/// <param name="DataJson">The event's <c>data</c> object as JSON — no personal data beyond what the talent consented to.</param>
public sealed record WebhookEventDraft(Guid EventId, Guid PartnerOrganisationId, string Type, string OrderingKey, string DataJson, DateTimeOffset OccurredAt);

/// <summary>The transactional outbox: the event is stored in the caller's transaction, so it exists if and only if the change does.</summary>
public interface IWebhookOutbox
{
    /// <param name="connection">The caller's open connection (e.g. <c>db.Database.GetDbConnection()</c>).</param>
    /// <param name="transaction">The caller's transaction (<c>db.Database.CurrentTransaction?.GetDbTransaction()</c>).</param>
    Task EnqueueAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<WebhookEventDraft> events, CancellationToken cancellationToken = default);
}
