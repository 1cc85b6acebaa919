using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Redemptions.Features.Redeem;
using TalentPass.Modules.Redemptions.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Redemptions.Features.History;

/// <summary>Filters of the staff history (all optional).</summary>
internal sealed record HistoryFilter(string? Status = null, Guid? RightId = null, bool? Offline = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>
/// Redemption history. Staff see their organisation's redemptions and those of rights their organisation provides;
/// the talent office and auditors see all. A talent sees their own (<c>GET /me</c>).
/// </summary>
internal sealed class HistoryHandler(RedemptionsDbContext db, ICurrentUser user, ITalentDirectory talents)
{
    public static readonly string[] StaffRoles = [Roles.ServicePointStaff, Roles.PartnerStaff, Roles.TalentOffice, Roles.Auditor, Roles.Department, Roles.Operator];

    public static void Map(RouteGroupBuilder group, RouteGroupBuilder me)
    {
        group.MapGet("/", async Task<Ok<Page<RedemptionView>>> (HistoryHandler handler, HttpContext context, [FromQuery] string? status, [FromQuery] Guid? rightId, [FromQuery] bool? offline, [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to, [FromQuery] int? page, [FromQuery] int? size) =>
                TypedResults.Ok(await handler.ListAsync(new HistoryFilter(status, rightId, offline, from, to), new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), context.RequestAborted)))
            .RequireAuthorization(p => p.RequireRole(StaffRoles))
            .WithName("ListRedemptions")
            .WithSummary("Redemptions of the staff's organisation (or all, for the talent office); filters status (redeemed|reversed|conflict), right, offline, period")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        me.MapGet("/", async Task<Results<Ok<Page<RedemptionView>>, ProblemHttpResult>> (HistoryHandler handler, HttpContext context, [FromQuery] int? page, [FromQuery] int? size) =>
            {
                var result = await handler.MineAsync(new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), context.RequestAborted);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("ListMyRedemptions")
            .WithSummary("The signed-in talent's redemptions, newest first")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public async Task<Page<RedemptionView>> ListAsync(HistoryFilter filter, PageRequest request, CancellationToken ct)
    {
        var query = db.Redemptions.AsNoTracking();
        if (!user.IsInAnyRole(Roles.TalentOffice, Roles.Auditor))
        {
            var org = user.OrganisationId ?? Guid.Empty;
            query = query.Where(r => r.OrganisationId == org || r.ProviderOrganisationId == org);
        }

        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            query = query.Where(r => r.Status == filter.Status);
        }

        if (filter.RightId is { } rightId)
        {
            query = query.Where(r => r.RightId == rightId);
        }

        if (filter.Offline is { } offline)
        {
            query = query.Where(r => r.Offline == offline);
        }

        if (filter.From is { } from)
        {
            query = query.Where(r => r.RecordedAt >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(r => r.RecordedAt < to);
        }

        return await PageAsync(query, request, ct);
    }

    public async Task<Result<Page<RedemptionView>>> MineAsync(PageRequest request, CancellationToken ct)
    {
        var talent = user.AccountId is { } account ? await talents.FindByAccountAsync(account, ct) : null;
        if (talent is null)
        {
            return RedemptionsErrors.NoProfile;
        }

        return await PageAsync(db.Redemptions.AsNoTracking().Where(r => r.TalentId == talent.Id), request, ct);
    }

    private static async Task<Page<RedemptionView>> PageAsync(IQueryable<Domain.Redemption> query, PageRequest request, CancellationToken ct)
    {
        var cap = (int)Page<RedemptionView>.TotalCap;
        var counted = await query.Select(r => r.Id).Take(cap + 1).CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id).Skip(request.Skip).Take(request.SafeSize).ToListAsync(ct);
        return new Page<RedemptionView>(rows.Select(RedemptionView.From).ToList(), request.SafePage, request.SafeSize, Math.Min(counted, cap), counted > cap);
    }
}
