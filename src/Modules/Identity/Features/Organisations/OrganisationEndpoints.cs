using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TalentPass.Infrastructure.Http;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Identity.Features.Organisations;

internal static class OrganisationEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/organisations").WithTags("Organisations").RequireAuthorization();
        group.MapGet("/", SearchAsync)
            .WithName("SearchOrganisations")
            .WithSummary("Lists organisations in scope (staff see only their own unless they administer or oversee).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/", CreateAsync)
            .WithName("CreateOrganisation")
            .WithSummary("Creates an organisation (talent office; operator for partner, service-point, enterprise and operator kinds).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetOrganisation")
            .WithSummary("One organisation in scope; 404 otherwise (existence is not revealed).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", UpdateAsync)
            .WithName("UpdateOrganisation")
            .WithSummary("Renames, re-parents, activates or deactivates an organisation (optimistic concurrency with version).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<Page<OrganisationView>>, ProblemHttpResult>> SearchAsync(
        OrganisationService service, string? q, string? kind, int? page, int? size, CancellationToken ct)
    {
        var result = await service.SearchAsync(q, kind, new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<OrganisationView>, ProblemHttpResult>> GetAsync(OrganisationService service, Guid id, CancellationToken ct)
    {
        var result = await service.GetAsync(id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Created<OrganisationView>, ProblemHttpResult>> CreateAsync(
        OrganisationService service, CreateOrganisationRequest? request, CancellationToken ct)
    {
        if (request is null)
        {
            return Error.Validation("request.body_missing", "The request body is missing.").ToProblem();
        }

        var result = await service.CreateAsync(request, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/organisations/{result.Value.Id}", result.Value)
            : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<OrganisationView>, ProblemHttpResult>> UpdateAsync(
        OrganisationService service, Guid id, UpdateOrganisationRequest? request, CancellationToken ct)
    {
        if (request is null)
        {
            return Error.Validation("request.body_missing", "The request body is missing.").ToProblem();
        }

        var result = await service.UpdateAsync(id, request, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
