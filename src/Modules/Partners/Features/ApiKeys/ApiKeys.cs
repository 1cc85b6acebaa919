using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Partners.Domain;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Partners.Features.ApiKeys;

internal sealed record CreateKeyRequest(string? Label);

/// <summary>
/// A partner's own API keys, managed by its staff (signed in with the browser or a bearer token — never with an API key,
/// so a leaked key cannot mint more). The secret is in the creation answer only.
/// </summary>
internal sealed class ApiKeysHandler(ApiKeyIssuer issuer, ICurrentUser user, IAuditTrail audit, Persistence.PartnersDbContext db)
{
    public async Task<Result<IReadOnlyList<ApiKeyView>>> ListAsync(CancellationToken ct) =>
        user.OrganisationId is { } org && user.IsInRole(Roles.PartnerStaff)
            ? Result<IReadOnlyList<ApiKeyView>>.Success(await issuer.ListAsync(org, ct))
            : PartnersErrors.Forbidden;

    public async Task<Result<IssuedKey>> CreateAsync(CreateKeyRequest request, CancellationToken ct)
    {
        if (user.OrganisationId is not { } org || !user.IsInRole(Roles.PartnerStaff))
        {
            return PartnersErrors.Forbidden;
        }

        var issued = await issuer.AddAsync(org, request.Label, user.AccountId, ct);
        if (!issued.IsSuccess)
        {
            return issued.Error;
        }

        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditRecord("partners.api_key_created", "api_key", issued.Value.KeyId, $"organisation={org}"), ct);
        return issued;
    }

    public async Task<Result<ApiKeyView>> RevokeAsync(Guid id, CancellationToken ct)
    {
        if (user.OrganisationId is not { } org || !user.IsInRole(Roles.PartnerStaff))
        {
            return PartnersErrors.Forbidden;
        }

        var revoked = await issuer.RevokeAsync(org, id, user.AccountId, ct);
        if (revoked.IsSuccess)
        {
            await audit.RecordAsync(new AuditRecord("partners.api_key_revoked", "api_key", revoked.Value.KeyId, $"organisation={org}"), ct);
        }

        return revoked;
    }

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var keys = endpoints.MapGroup("/api/v1/partners/me/keys").WithTags("Partner API keys").RequireAuthorization(p => p.RequireRole(Roles.PartnerStaff));

        keys.MapGet("/", async Task<Results<Ok<IReadOnlyList<ApiKeyView>>, ProblemHttpResult>> (ApiKeysHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ListAsync(ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("ListPartnerApiKeys")
            .WithSummary("The partner's API keys (id, label, last 4 characters of the secret, last used, revoked) — partner staff")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        keys.MapPost("/", async Task<Results<Ok<IssuedKey>, ProblemHttpResult>> (CreateKeyRequest request, ApiKeysHandler handler, CancellationToken ct) =>
            {
                var result = await handler.CreateAsync(request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("CreatePartnerApiKey")
            .WithSummary("Create an API key; the secret is in this answer ONLY (at most 10 active keys) — partner staff")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        keys.MapPost("/{id:guid}/revoke", async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> (Guid id, ApiKeysHandler handler, CancellationToken ct) =>
            {
                var result = await handler.RevokeAsync(id, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("RevokePartnerApiKey")
            .WithSummary("Revoke an API key at once (signed requests with it are refused with partners.key_revoked) — partner staff")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
