using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Webhooks.Features.Delivery;
using TalentPass.Modules.Webhooks.Features.Endpoints;
using TalentPass.Modules.Webhooks.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Webhooks.Features.Deliveries;

/// <param name="Status"><c>pending</c>, <c>delivered</c> or <c>failed</c>.</param>
/// <param name="Blocked">Pending behind an earlier undelivered event of the same ordering key.</param>
internal sealed record DeliveryView(
    Guid Id,
    Guid PartnerOrganisationId,
    string PartnerName,
    string Type,
    string OrderingKey,
    long Sequence,
    string Status,
    bool Blocked,
    int Attempts,
    DateTimeOffset OccurredAt,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset? DeliveredAt);

internal sealed record DeliveryDetail(DeliveryView Delivery, string DataJson);

internal sealed record DeliveryQuery(string? Status = null, string? Type = null, string? OrderingKey = null, Guid? PartnerId = null);

/// <summary>
/// The deliveries a partner (its own events only — another partner's ids are 404) or the talent office (all) sees,
/// and redelivery of failed events: the event becomes pending again with a fresh maximum age and goes out before
/// the later events of its ordering key, which it was holding back.
/// </summary>
internal sealed class DeliveriesHandler(WebhooksDbContext db, ICurrentUser user, IOrganisationDirectory organisations, IAuditTrail audit, DispatchSignal signal, TimeProvider clock)
{
    private static readonly string[] Statuses = [OutboxStatuses.Pending, OutboxStatuses.Delivered, OutboxStatuses.Failed];

    /// <summary>The partner whose events the caller sees, or null for the talent office (all); an error for anyone else.</summary>
    private Result<Guid?> Scope()
    {
        if (user.IsInAnyRole(WebhookEndpointsHandler.OfficeRoles))
        {
            return (Guid?)null;
        }

        return user.IsInRole(Roles.PartnerStaff) && user.OrganisationId is { } org ? org : WebhooksErrors.NotPartner;
    }

    public async Task<Result<Page<DeliveryView>>> SearchAsync(DeliveryQuery query, PageRequest page, CancellationToken ct)
    {
        var scope = Scope();
        if (!scope.IsSuccess)
        {
            return scope.Error!;
        }

        var rows = db.Outbox.AsNoTracking();
        if (scope.Value is { } partner)
        {
            rows = rows.Where(o => o.PartnerOrganisationId == partner);
        }
        else if (query.PartnerId is { } filter)
        {
            rows = rows.Where(o => o.PartnerOrganisationId == filter);
        }

        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            if (!Statuses.Contains(query.Status))
            {
                return Error.Validation("webhooks.status_invalid", "状态必须是 pending、delivered 或 failed / Status must be pending, delivered or failed.");
            }

            rows = rows.Where(o => o.Status == query.Status);
        }

        if (!string.IsNullOrWhiteSpace(query.Type))
        {
            var type = query.Type.Trim();
            rows = rows.Where(o => o.Type.StartsWith(type));
        }

        if (!string.IsNullOrWhiteSpace(query.OrderingKey))
        {
            var key = query.OrderingKey.Trim();
            rows = rows.Where(o => o.OrderingKey == key);
        }

        var total = await rows.Take((int)Page<DeliveryView>.TotalCap + 1).CountAsync(ct);
        var items = await rows.OrderByDescending(o => o.EnqueuedAt).ThenByDescending(o => o.Sequence).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        var views = await ViewsAsync(items, ct);
        return new Page<DeliveryView>(views, page.SafePage, page.SafeSize, Math.Min(total, Page<DeliveryView>.TotalCap), total > Page<DeliveryView>.TotalCap);
    }

    public async Task<Result<DeliveryDetail>> GetAsync(Guid id, CancellationToken ct)
    {
        var found = await FindAsync(id, tracked: false, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var views = await ViewsAsync([found.Value!], ct);
        return new DeliveryDetail(views[0], found.Value!.DataJson);
    }

    public async Task<Result<DeliveryView>> RedeliverAsync(Guid id, CancellationToken ct)
    {
        var found = await FindAsync(id, tracked: true, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var row = found.Value!;
        if (row.Status != OutboxStatuses.Failed)
        {
            return WebhooksErrors.NotRedeliverable;
        }

        var now = clock.GetUtcNow();
        var updated = await db.Outbox
            .Where(o => o.Id == id && o.Status == OutboxStatuses.Failed)
            .ExecuteUpdateAsync(
                s => s.SetProperty(o => o.Status, OutboxStatuses.Pending)
                    .SetProperty(o => o.NextAttemptAt, now)
                    .SetProperty(o => o.FirstAttemptAt, (DateTimeOffset?)null)
                    .SetProperty(o => o.LeaseOwner, (string?)null)
                    .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null),
                ct);
        if (updated == 0)
        {
            return WebhooksErrors.NotRedeliverable;
        }

        await audit.RecordAsync(new AuditRecord("webhooks.redelivered", "webhook_event", id.ToString(), $"type={row.Type}"), ct);
        signal.Wake();
        row.Status = OutboxStatuses.Pending;
        row.NextAttemptAt = now;
        return (await ViewsAsync([row], ct))[0];
    }

    private async Task<Result<OutboxRow?>> FindAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var scope = Scope();
        if (!scope.IsSuccess)
        {
            return scope.Error!;
        }

        var rows = tracked ? db.Outbox : db.Outbox.AsNoTracking();
        var row = await rows.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (row is null || (scope.Value is { } partner && row.PartnerOrganisationId != partner))
        {
            return WebhooksErrors.DeliveryNotFound; // another partner's event: 404, not 403
        }

        return row;
    }

    private async Task<IReadOnlyList<DeliveryView>> ViewsAsync(IReadOnlyList<OutboxRow> rows, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var partner in rows.Select(r => r.PartnerOrganisationId).Distinct())
        {
            names[partner] = (await organisations.GetAsync(partner, ct))?.Name ?? partner.ToString();
        }

        // Blocked = pending behind an earlier undelivered event of the same stream (one query per page).
        var pending = rows.Where(r => r.Status == OutboxStatuses.Pending).ToList();
        var blocked = new HashSet<Guid>();
        foreach (var r in pending)
        {
            var earlier = await db.Outbox.AsNoTracking().AnyAsync(
                o => o.PartnerOrganisationId == r.PartnerOrganisationId && o.OrderingKey == r.OrderingKey && o.Sequence < r.Sequence && o.Status != OutboxStatuses.Delivered, ct);
            if (earlier)
            {
                blocked.Add(r.Id);
            }
        }

        return rows.Select(r => new DeliveryView(
            r.Id, r.PartnerOrganisationId, names[r.PartnerOrganisationId], r.Type, r.OrderingKey, r.Sequence, r.Status, blocked.Contains(r.Id), r.Attempts,
            r.OccurredAt, r.EnqueuedAt, r.Status == OutboxStatuses.Pending ? r.NextAttemptAt : null, r.LastAttemptAt, r.LastStatusCode, r.LastError, r.DeliveredAt)).ToList();
    }

    public static void Map(RouteGroupBuilder group, string prefix)
    {
        group.MapGet("/deliveries", async Task<Results<Ok<Page<DeliveryView>>, ProblemHttpResult>> (
                string? status, string? type, string? orderingKey, Guid? partnerId, int? page, int? size, DeliveriesHandler handler, CancellationToken ct) =>
            {
                var result = await handler.SearchAsync(new DeliveryQuery(status, type, orderingKey, partnerId), new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
            })
            .WithName($"{prefix}ListWebhookDeliveries")
            .WithSummary("Webhook deliveries, newest first: status, attempts, last error, next attempt (a partner sees its own)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/deliveries/{id:guid}", async Task<Results<Ok<DeliveryDetail>, ProblemHttpResult>> (Guid id, DeliveriesHandler handler, CancellationToken ct) =>
            {
                var result = await handler.GetAsync(id, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
            })
            .WithName($"{prefix}GetWebhookDelivery")
            .WithSummary("One webhook delivery with its event data")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/deliveries/{id:guid}/redeliver", async Task<Results<Ok<DeliveryView>, ProblemHttpResult>> (Guid id, DeliveriesHandler handler, CancellationToken ct) =>
            {
                var result = await handler.RedeliverAsync(id, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
            })
            .WithName($"{prefix}RedeliverWebhook")
            .WithSummary("Send a failed event again (in order: it goes before the later events of its ordering key)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
