using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TalentPass.Infrastructure.Http;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Identity.Features.Accounts;

internal static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/accounts")
            .WithTags("Accounts")
            .RequireAuthorization(p => p.RequireRole(Roles.TalentOffice, Roles.Operator));
        group.MapGet("/", SearchAsync)
            .WithName("SearchAccounts")
            .WithSummary("Lists accounts (search username or display name; filter by role and organisation).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/", CreateAsync)
            .WithName("CreateAccount")
            .WithSummary("Creates an account with roles bound to a matching organisation.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetAccount")
            .WithSummary("One account.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}/roles", SetRolesAsync)
            .WithName("SetAccountRoles")
            .WithSummary("Replaces the roles of an account (never your own).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        MapAction(group, "lock", "LockAccount", "Locks an account until it is unlocked (never your own).", (s, id, ct) => s.LockAsync(id, ct));
        MapAction(group, "unlock", "UnlockAccount", "Unlocks an account and resets its failed sign-in count.", (s, id, ct) => s.UnlockAsync(id, ct));
        MapAction(group, "activate", "ActivateAccount", "Activates an account.", (s, id, ct) => s.ActivateAsync(id, ct));
        MapAction(group, "deactivate", "DeactivateAccount", "Deactivates an account: it can no longer sign in (never your own).", (s, id, ct) => s.DeactivateAsync(id, ct));
        group.MapPost("/{id:guid}/password", SetPasswordAsync)
            .WithName("SetAccountPassword")
            .WithSummary("Sets a new password for an account.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapAction(
        RouteGroupBuilder group,
        string verb,
        string name,
        string summary,
        Func<AccountService, Guid, CancellationToken, Task<Result<AccountView>>> action)
    {
        group.MapPost($"/{{id:guid}}/{verb}", async Task<Results<Ok<AccountView>, ProblemHttpResult>> (AccountService service, Guid id, CancellationToken ct) =>
            {
                var result = await action(service, id, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName(name)
            .WithSummary(summary)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<Page<AccountView>>, ProblemHttpResult>> SearchAsync(
        AccountService service, string? q, string? role, Guid? organisationId, int? page, int? size, CancellationToken ct)
    {
        var result = await service.SearchAsync(q, role, organisationId, new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> GetAsync(AccountService service, Guid id, CancellationToken ct)
    {
        var result = await service.GetAsync(id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Created<AccountView>, ProblemHttpResult>> CreateAsync(AccountService service, CreateAccountRequest? request, CancellationToken ct)
    {
        if (request is null)
        {
            return Error.Validation("request.body_missing", "The request body is missing.").ToProblem();
        }

        var result = await service.CreateAsync(request, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/accounts/{result.Value.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> SetRolesAsync(AccountService service, Guid id, SetRolesRequest? request, CancellationToken ct)
    {
        if (request is null)
        {
            return Error.Validation("request.body_missing", "The request body is missing.").ToProblem();
        }

        var result = await service.SetRolesAsync(id, request, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> SetPasswordAsync(AccountService service, Guid id, SetPasswordRequest? request, CancellationToken ct)
    {
        if (request is null)
        {
            return Error.Validation("request.body_missing", "The request body is missing.").ToProblem();
        }

        var result = await service.SetPasswordAsync(id, request, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
