using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Partners.ApiSecurity;
using TalentPass.Modules.Partners.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Partners.Features.PartnerProfile;

/// <summary>The calling partner as the partner API sees it.</summary>
/// <param name="KeyId">The API key that signed the request; null for a bearer token.</param>
internal sealed record PartnerProfileView(
    Guid OrganisationId,
    string Code,
    string Name,
    string? Kind,
    string Status,
    int RateLimitPerMinute,
    string? ContactName,
    string? ContactPhone,
    string? ContactEmail,
    string? KeyId,
    int Version);

internal sealed record UpdateContactRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(50, ErrorMessage = "最多50个字符 / At most 50 characters.")]
    public string? ContactName { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [RegularExpression(@"^[0-9+\- ]{5,20}$", ErrorMessage = "5–20位数字 / 5–20 digits.")]
    public string? ContactPhone { get; init; }

    [EmailAddress(ErrorMessage = "邮箱格式不正确 / Not an e-mail address.")]
    [StringLength(100, ErrorMessage = "最多100个字符 / At most 100 characters.")]
    public string? ContactEmail { get; init; }
}

/// <summary><c>GET /api/v1/partners/me</c> and <c>PUT /api/v1/partners/me/contact</c>: the partner's own record (partner API).</summary>
internal sealed class PartnerProfileHandler(PartnersDbContext db, ICurrentUser user, IOrganisationDirectory organisations, IOptions<PartnersOptions> options, PartnerApiCache cache)
{
    public async Task<Result<PartnerProfileView>> GetAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (user.OrganisationId is not { } organisationId)
        {
            return PartnersErrors.Forbidden;
        }

        var row = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.OrganisationId == organisationId, ct);
        var keyId = principal.FindFirstValue(PartnerHmacHandler.KeyIdClaim);
        if (row is not null)
        {
            return new PartnerProfileView(row.OrganisationId, row.Code, row.Name, row.Kind, row.Status, row.RateLimitPerMinute ?? options.Value.RateLimitPerMinute, row.ContactName, row.ContactPhone, row.ContactEmail, keyId, row.Version);
        }

        var organisation = await organisations.GetAsync(organisationId, ct);
        return organisation is null
            ? PartnersErrors.PartnerNotFound
            : new PartnerProfileView(organisation.Id, organisation.Code, organisation.Name, null, Contracts.PartnerStatuses.Active, options.Value.RateLimitPerMinute, null, null, null, keyId, 0);
    }

    public async Task<Result<PartnerProfileView>> UpdateContactAsync(ClaimsPrincipal principal, UpdateContactRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var row = user.OrganisationId is { } organisationId ? await db.Partners.SingleOrDefaultAsync(p => p.OrganisationId == organisationId, ct) : null;
        if (row is null)
        {
            return PartnersErrors.PartnerNotFound;
        }

        row.ContactName = request.ContactName!.Trim();
        row.ContactPhone = request.ContactPhone!.Trim();
        row.ContactEmail = string.IsNullOrWhiteSpace(request.ContactEmail) ? null : request.ContactEmail.Trim();
        row.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PartnersErrors.VersionConflict;
        }

        cache.InvalidatePartner(row.OrganisationId);
        return await GetAsync(principal, ct);
    }

    public static void Map(RouteGroupBuilder partnerApi)
    {
        partnerApi.MapGet("/me", async Task<Results<Ok<PartnerProfileView>, ProblemHttpResult>> (ClaimsPrincipal principal, PartnerProfileHandler handler, CancellationToken ct) =>
            {
                var result = await handler.GetAsync(principal, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("GetPartnerProfile")
            .WithSummary("The calling partner: organisation, kind, status, rate limit, contact and the key that signed the request")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        partnerApi.MapPut("/me/contact", async Task<Results<Ok<PartnerProfileView>, ProblemHttpResult>> (UpdateContactRequest request, ClaimsPrincipal principal, PartnerProfileHandler handler, CancellationToken ct) =>
            {
                var result = await handler.UpdateContactAsync(principal, request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("UpdatePartnerContact")
            .WithSummary("Change the partner's contact person (idempotent: send an Idempotency-Key)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}
