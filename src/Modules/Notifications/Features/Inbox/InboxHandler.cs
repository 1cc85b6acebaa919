using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Notifications.Contracts;
using TalentPass.Modules.Notifications.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Notifications.Features.Inbox;

internal sealed record NotificationView(
    Guid Id, string Topic, string TitleZh, string TitleEn, string BodyZh, string BodyEn, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

internal sealed record UnreadCount(int Unread);

internal sealed record MarkedRead(int Marked);

/// <summary>The signed-in account's own inbox: list (newest first), unread count, mark read, mark all read.</summary>
internal sealed class InboxHandler(NotificationsDbContext db, ICurrentUser user, TimeProvider clock) : INotificationInbox
{
    /// <summary>Counting stops here (the badge shows "99+" long before).</summary>
    public const int UnreadCap = 1000;

    public async Task<Result<Page<NotificationView>>> ListAsync(bool unreadOnly, string? search, PageRequest page, CancellationToken ct)
    {
        if (user.AccountId is not { } me)
        {
            return NotificationsErrors.AccountRequired;
        }

        var query = db.Inbox.AsNoTracking().Where(m => m.RecipientAccountId == me);
        if (unreadOnly)
        {
            query = query.Where(m => m.ReadAt == null);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(m => m.TitleZh.Contains(term) || m.TitleEn.Contains(term) || m.Topic == term);
        }

        var total = await query.Take((int)Page<NotificationView>.TotalCap + 1).CountAsync(ct);
        var items = await query
            .OrderByDescending(m => m.Id) // version-7 ids: creation order on both providers (SQLite cannot order by DateTimeOffset)
            .Skip(page.Skip).Take(page.SafeSize)
            .Select(m => new NotificationView(m.Id, m.Topic, m.TitleZh, m.TitleEn, m.BodyZh, m.BodyEn, m.Link, m.CreatedAt, m.ReadAt))
            .ToListAsync(ct);
        return new Page<NotificationView>(items, page.SafePage, page.SafeSize, Math.Min(total, Page<NotificationView>.TotalCap), total > Page<NotificationView>.TotalCap);
    }

    public Task<int> CountUnreadAsync(Guid accountId, CancellationToken cancellationToken = default) =>
        db.Inbox.AsNoTracking().Where(m => m.RecipientAccountId == accountId && m.ReadAt == null).Take(UnreadCap).CountAsync(cancellationToken);

    public async Task<Result<UnreadCount>> MyUnreadAsync(CancellationToken ct) =>
        user.AccountId is { } me ? new UnreadCount(await CountUnreadAsync(me, ct)) : NotificationsErrors.AccountRequired;

    public async Task<Result> MarkReadAsync(Guid id, CancellationToken ct)
    {
        if (user.AccountId is not { } me)
        {
            return NotificationsErrors.AccountRequired;
        }

        var message = await db.Inbox.SingleOrDefaultAsync(m => m.Id == id && m.RecipientAccountId == me, ct);
        if (message is null)
        {
            return NotificationsErrors.NotFound;
        }

        if (message.ReadAt is null)
        {
            message.ReadAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        return Result.Success();
    }

    public async Task<Result<MarkedRead>> MarkAllReadAsync(CancellationToken ct)
    {
        if (user.AccountId is not { } me)
        {
            return NotificationsErrors.AccountRequired;
        }

        var now = clock.GetUtcNow();
        var marked = await db.Inbox
            .Where(m => m.RecipientAccountId == me && m.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), ct);
        return new MarkedRead(marked);
    }

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", async Task<Results<Ok<Page<NotificationView>>, ProblemHttpResult>> (bool? unread, string? q, int? page, int? size, InboxHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ListAsync(unread == true, q, new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("ListMyNotifications")
            .WithSummary("The signed-in account's inbox, newest first (unread=true: unread only; q: title contains or topic equals)")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/unread-count", async Task<Results<Ok<UnreadCount>, ProblemHttpResult>> (InboxHandler handler, CancellationToken ct) =>
            {
                var result = await handler.MyUnreadAsync(ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("CountMyUnreadNotifications")
            .WithSummary($"How many of the signed-in account's messages are unread (counting stops at {UnreadCap})")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/{id:guid}/read", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, InboxHandler handler, CancellationToken ct) =>
            {
                var result = await handler.MarkReadAsync(id, ct);
                return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
            })
            .WithName("MarkNotificationRead")
            .WithSummary("Mark one of the signed-in account's messages read (another account's message: 404)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/read-all", async Task<Results<Ok<MarkedRead>, ProblemHttpResult>> (InboxHandler handler, CancellationToken ct) =>
            {
                var result = await handler.MarkAllReadAsync(ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("MarkAllNotificationsRead")
            .WithSummary("Mark every unread message of the signed-in account read")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }
}
