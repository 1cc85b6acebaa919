using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Notifications.Domain;
using TalentPass.Modules.Notifications.Features.Notify;
using TalentPass.Modules.Notifications.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Notifications.Features.Sms;

/// <summary>An SMS as staff see it: no phone number (the outbox never holds one), the topic, the outcome.</summary>
internal sealed record SmsView(
    Guid Id, Guid TalentId, string Template, string Status, int Attempts, DateTimeOffset? NextAttemptAt, string? LastError, string? GatewayMessageId, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

/// <summary>The SMS outbox for operators and the talent office: failures are visible and can be queued again.</summary>
internal sealed class SmsOutboxHandler(NotificationsDbContext db, SmsSignal signal, IAuditTrail audit, TimeProvider clock)
{
    public static readonly string[] Staff = [Roles.Operator, Roles.TalentOffice];

    public async Task<Result<Page<SmsView>>> ListAsync(string? status, Guid? talentId, PageRequest page, CancellationToken ct)
    {
        var query = db.SmsOutbox.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            var s = status.Trim().ToLowerInvariant();
            if (!SmsStatus.All.Contains(s))
            {
                return NotificationsErrors.StatusUnknown;
            }

            query = query.Where(x => x.Status == s);
        }

        if (talentId is { } t)
        {
            query = query.Where(x => x.TalentId == t);
        }

        var total = await query.Take((int)Page<SmsView>.TotalCap + 1).CountAsync(ct);
        var rows = await query.OrderByDescending(x => x.Id).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        var items = rows.Select(x => new SmsView(
            x.Id, x.TalentId, x.Template, x.Status, x.Attempts,
            x.Status == SmsStatus.Pending ? DateTimeOffset.FromUnixTimeMilliseconds(x.NextAttemptAtMs) : null,
            x.LastError, x.GatewayMessageId, x.CreatedAt, x.SentAt)).ToList();
        return new Page<SmsView>(items, page.SafePage, page.SafeSize, Math.Min(total, Page<SmsView>.TotalCap), total > Page<SmsView>.TotalCap);
    }

    /// <summary>Queues a failed SMS again with a fresh round of attempts (same request id: still never sent twice).</summary>
    public async Task<Result> RetryAsync(Guid id, CancellationToken ct)
    {
        var row = await db.SmsOutbox.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (row is null)
        {
            return NotificationsErrors.SmsNotFound;
        }

        if (row.Status != SmsStatus.Failed)
        {
            return NotificationsErrors.SmsNotFailed;
        }

        var attempts = row.Attempts;
        row.Status = SmsStatus.Pending;
        row.Attempts = 0;
        row.NextAttemptAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditRecord("notifications.sms_requeued", "sms", id.ToString(), string.Create(CultureInfo.InvariantCulture, $"after {attempts} attempts: {row.LastError}")), ct);
        signal.Wake();
        return Result.Success();
    }

    public static void Map(RouteGroupBuilder group)
    {
        var sms = group.MapGroup("/sms").RequireAuthorization(p => p.RequireRole(Staff));
        sms.MapGet("/", async Task<Results<Ok<Page<SmsView>>, ProblemHttpResult>> (string? status, Guid? talentId, int? page, int? size, SmsOutboxHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ListAsync(status, talentId, new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("ListSmsOutbox")
            .WithSummary("The SMS outbox, newest first, by status (pending, sent, failed) and talent (operator, talent office; no phone numbers)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        sms.MapPost("/{id:guid}/retry", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, SmsOutboxHandler handler, CancellationToken ct) =>
            {
                var result = await handler.RetryAsync(id, ct);
                return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
            })
            .WithName("RetrySms")
            .WithSummary("Queue a failed SMS again (audited; the gateway's idempotency still prevents a double send)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
