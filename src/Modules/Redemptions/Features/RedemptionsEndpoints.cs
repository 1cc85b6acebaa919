using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Redemptions.Features.Lookup;
using TalentPass.Modules.Redemptions.Features.Redeem;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Redemptions.Features;

/// <summary>Shared pieces of the redemption endpoints: who is redeeming, the idempotency key, the problem for a refusal.</summary>
internal static class RedemptionsEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>Roles that redeem (staff at a service point or a partner).</summary>
    public static readonly string[] Redeemers = [Roles.ServicePointStaff, Roles.PartnerStaff];

    public static Staff? StaffOf(HttpContext context)
    {
        var user = new ClaimsCurrentUser(context.User);
        return user.OrganisationId is { } org ? new Staff(org, user.AccountId, context.User) : null;
    }

    public static string? IdempotencyKey(HttpContext context)
    {
        var key = context.Request.Headers[IdempotencyHeader].ToString().Trim();
        return key.Length is > 0 and <= 100 ? key : null;
    }

    /// <summary>The problem for a refusal; a reused idempotency key is 422 (as the partner API).</summary>
    public static ProblemHttpResult Problem(RedeemOutcome outcome)
    {
        var problem = outcome.Error!.ToProblem();
        if (outcome.KeyReused)
        {
            problem.ProblemDetails.Status = StatusCodes.Status422UnprocessableEntity;
            problem.ProblemDetails.Title = "The idempotency key was used for a different request.";
        }

        return problem;
    }

    public static void MapRedeem(RouteGroupBuilder group)
    {
        group.MapPost("/", async Task<Results<Created<RedemptionView>, Ok<RedemptionView>, ProblemHttpResult>> (RedeemRequest request, HttpContext context, RedeemHandler handler) =>
            {
                if (StaffOf(context) is not { } staff)
                {
                    return RedemptionsErrors.NoOrganisation.ToProblem();
                }

                if (IdempotencyKey(context) is not { } key)
                {
                    return RedemptionsErrors.IdempotencyKeyRequired.ToProblem();
                }

                var outcome = await handler.RedeemAsync(request, staff, key, context.RequestAborted);
                if (outcome.Redemption is not { } redemption)
                {
                    return Problem(outcome);
                }

                return outcome.Replayed ? TypedResults.Ok(redemption) : TypedResults.Created($"/api/v1/redemptions/{redemption.Id}", redemption);
            })
            .WithName("Redeem")
            .WithSummary("Redeem a right for a talent (Idempotency-Key required; atomic quota reservation); 201, or 200 with the first answer on a retry")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
