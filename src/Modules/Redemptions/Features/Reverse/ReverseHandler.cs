using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Redemptions.Domain;
using TalentPass.Modules.Redemptions.Features.Lookup;
using TalentPass.Modules.Redemptions.Features.Redeem;
using TalentPass.Modules.Redemptions.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Redemptions.Features.Reverse;

internal sealed record ReverseRequest(string? Reason);

/// <summary>
/// POST /api/v1/redemptions/{id}/reverse: staff of the organisation that redeemed reverse a counted redemption within
/// the right's window; its counters get their units back and a <c>reversed</c> feed row is written, all in one
/// transaction. Another organisation's redemption is 404.
/// </summary>
internal sealed class ReverseHandler(RedemptionsDbContext db, RedemptionStore store, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/reverse", async Task<Results<Ok<RedemptionView>, ProblemHttpResult>> (Guid id, ReverseRequest request, HttpContext context, ReverseHandler handler) =>
            {
                if (RedemptionsEndpoints.StaffOf(context) is not { } staff)
                {
                    return RedemptionsErrors.NoOrganisation.ToProblem();
                }

                var result = await handler.ReverseAsync(id, request.Reason, staff, context.RequestAborted);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("ReverseRedemption")
            .WithSummary("Reverse a redemption within the right's reversal window (returns the quota)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public async Task<Result<RedemptionView>> ReverseAsync(Guid id, string? reason, Staff staff, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 200)
        {
            return RedemptionsErrors.ReasonRequired;
        }

        var redemption = await db.Redemptions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.OrganisationId == staff.OrganisationId, ct);
        if (redemption is null)
        {
            return RedemptionsErrors.RedemptionNotFound;
        }

        var now = clock.GetUtcNow();
        if (redemption.Status != RedemptionStatuses.Redeemed || now > redemption.ReversibleUntil
            || await store.ReverseAsync(redemption, now, staff.AccountId, reason.Trim(), ct) != StoreResult.Stored)
        {
            return RedemptionsErrors.NotReversible;
        }

        redemption.Status = RedemptionStatuses.Reversed;
        redemption.ReversedAt = now;
        redemption.ReversalReason = reason.Trim();
        return RedemptionView.From(redemption);
    }
}
