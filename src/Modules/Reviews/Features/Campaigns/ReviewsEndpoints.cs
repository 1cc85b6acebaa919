using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Reviews.Features.MyReview;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Reviews.Features.Campaigns;

internal sealed record MyReviewResponse(ReviewView? Review);

internal sealed record CycleView(string Level, int Months);

/// <summary>The HTTP API under <c>/api/v1/reviews</c>.</summary>
internal static class ReviewsEndpoints
{
    public static void MapOffice(RouteGroupBuilder office)
    {
        office.MapPost("/campaigns", async Task<Results<Created<CampaignView>, ProblemHttpResult>> (CreateCampaignRequest request, CampaignsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.CreateAsync(request, ct);
                return result.IsSuccess ? TypedResults.Created($"/api/v1/reviews/campaigns/{result.Value.Id}", result.Value) : result.Error.ToProblem();
            })
            .WithName("LaunchReviewCampaign")
            .WithSummary("Launches a review campaign for levels (and categories) or for named talents; level campaigns are populated in the background")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        office.MapGet("/campaigns", async (string? search, int? page, int? size, CampaignsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(search, new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct)))
            .WithName("ListReviewCampaigns")
            .WithSummary("Review campaigns, newest first, with progress and counts; search by name")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        office.MapGet("/campaigns/{id:guid}", async Task<Results<Ok<CampaignView>, ProblemHttpResult>> (Guid id, CampaignsHandler handler, CancellationToken ct) =>
                Reply(await handler.GetAsync(id, ct)))
            .WithName("GetReviewCampaign")
            .WithSummary("One campaign: launch progress and review counts by status")
            .ProducesProblem(StatusCodes.Status404NotFound);

        office.MapGet("/campaigns/{id:guid}/reviews", async Task<Results<Ok<Page<ReviewView>>, ProblemHttpResult>> (Guid id, string? status, int? page, int? size, CampaignsHandler handler, CancellationToken ct) =>
                Reply(await handler.ListReviewsAsync(id, status, new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct)))
            .WithName("ListCampaignReviews")
            .WithSummary("The reviews of a campaign (masked names), filtered by status (overdue included), earliest due first")
            .ProducesProblem(StatusCodes.Status404NotFound);

        office.MapGet("/overdue", async (int? page, int? size, CampaignsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListOverdueAsync(new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct)))
            .WithName("ListOverdueReviews")
            .WithSummary("Reviews past their due date that the talent has not answered, oldest first")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        office.MapPost("/{id:guid}/resolve", async Task<Results<Ok<ReviewView>, ProblemHttpResult>> (Guid id, ResolveReviewRequest request, CampaignsHandler handler, CancellationToken ct) =>
                Reply(await handler.ResolveAsync(id, request, ct)))
            .WithName("ResolveReview")
            .WithSummary("A clerk resolves a failed review: confirm, or return it to the talent with a fresh response period")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        office.MapGet("/cycles", (IOptions<ReviewsOptions> options) =>
                TypedResults.Ok(CampaignsHandler.KnownLevels.Select(l => new CycleView(l, options.Value.CycleFor(l))).ToList()))
            .WithName("ListReviewCycles")
            .WithSummary("The configured review cycle per level, in months")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    public static void MapTalent(RouteGroupBuilder me)
    {
        me.MapGet("/me", async Task<Results<Ok<MyReviewResponse>, ProblemHttpResult>> (MyReviewHandler handler, CancellationToken ct) =>
            {
                var result = await handler.GetAsync(ct);
                return result.IsSuccess ? TypedResults.Ok(new MyReviewResponse(result.Value)) : result.Error.ToProblem();
            })
            .WithName("GetMyReview")
            .WithSummary("The signed-in talent's latest review (null when none)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        me.MapPost("/me/confirm", async Task<Results<Ok<ReviewView>, ProblemHttpResult>> (MyReviewHandler handler, CancellationToken ct) =>
                Reply(await handler.ConfirmAsync(ct)))
            .WithName("ConfirmMyReview")
            .WithSummary("The talent confirms that their details are unchanged")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        me.MapPost("/me/update", async Task<Results<Ok<ReviewView>, ProblemHttpResult>> (UpdateReviewRequest request, MyReviewHandler handler, CancellationToken ct) =>
                Reply(await handler.UpdateAsync(request, ct)))
            .WithName("UpdateMyReview")
            .WithSummary("The talent reports what changed (registry fields are then changed through a change request)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Results<Ok<T>, ProblemHttpResult> Reply<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
}
