using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Partners.Domain;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Partners.Features.Applications;

internal static class ApplicationEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var applications = endpoints.MapGroup("/api/v1/partner-applications").WithTags("Partner onboarding");

        applications.MapPost("/", async Task<Results<Created<ApplicationView>, ProblemHttpResult>> (SubmitApplicationRequest request, ApplicationsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.SubmitAsync(request, ct);
                return result.IsSuccess ? TypedResults.Created($"/api/v1/partner-applications/{result.Value.Id}", result.Value) : result.Error.ToProblem();
            })
            .AllowAnonymous()
            .WithName("SubmitPartnerApplication")
            .WithSummary("Apply to join the financial module (anyone, signed in or not): company, licence code, contact, staff username and materials (Base64) including the signed agreement")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var review = applications.MapGroup(string.Empty).RequireAuthorization(p => p.RequireRole(Roles.TalentOffice));

        review.MapGet("/", async Task<Results<Ok<Page<ApplicationSummary>>, ProblemHttpResult>> (string? q, string? status, int? page, int? size, ApplicationsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.SearchAsync(q, status, new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("SearchPartnerApplications")
            .WithSummary("Partner applications, newest first; q searches company, code and licence code; status pending|approved|refused (talent office)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        review.MapGet("/{id:guid}", async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> (Guid id, ApplicationsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.GetAsync(id, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("GetPartnerApplication")
            .WithSummary("One partner application with its materials' names, sizes and SHA-256 (talent office)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        review.MapGet("/{id:guid}/files/{fileId:guid}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, Guid fileId, ApplicationsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.GetFileAsync(id, fileId, ct);
                return result.IsSuccess
                    ? TypedResults.File(result.Value.Content, "application/octet-stream", result.Value.FileName)
                    : result.Error.ToProblem();
            })
            .WithName("DownloadPartnerApplicationFile")
            .WithSummary("Download one material of an application (talent office); always as an attachment")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        review.MapPost("/{id:guid}/approve", async Task<Results<Ok<OnboardingResult>, ProblemHttpResult>> (Guid id, DecideApplicationRequest request, ApplicationsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ApproveAsync(id, request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("ApprovePartnerApplication")
            .WithSummary("Approve: creates the partner organisation and staff account, records the agreement's SHA-256 as evidence and issues the first API key. The staff password and the key secret are in this answer ONLY")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        review.MapPost("/{id:guid}/refuse", async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> (Guid id, DecideApplicationRequest request, ApplicationsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.RefuseAsync(id, request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("RefusePartnerApplication")
            .WithSummary("Refuse with a reason (1–500 characters) (talent office)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
