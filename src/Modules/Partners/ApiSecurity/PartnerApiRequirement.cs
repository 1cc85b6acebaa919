using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Partners.ApiSecurity;

/// <summary>
/// Part of <see cref="PartnerApi.Policy"/>: the caller came with a bearer token (not just a browser cookie) or a signed
/// request, belongs to a Partner organisation, and that partner accepts calls (not suspended, not left).
/// </summary>
internal sealed class PartnerApiRequirement : IAuthorizationRequirement;

internal sealed class PartnerApiRequirementHandler(PartnerApiCache cache, IHttpContextAccessor accessor) : AuthorizationHandler<PartnerApiRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PartnerApiRequirement requirement)
    {
        var http = context.Resource as HttpContext ?? accessor.HttpContext;
        if (http is null)
        {
            return;
        }

        var signed = context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == PartnerApi.AuthenticationScheme);
        var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (!signed && !bearer)
        {
            return;
        }

        if (!Guid.TryParse(context.User.FindFirst(TalentPassClaims.OrganisationId)?.Value, out var organisationId))
        {
            return;
        }

        var partner = await cache.GetPartnerAsync(organisationId, http.RequestServices, http.RequestAborted);
        if (!partner.IsPartnerOrganisation)
        {
            return;
        }

        if (!partner.AcceptsCalls)
        {
            PartnerProblems.SetFailure(http, PartnersErrors.PartnerNotActive);
            return;
        }

        context.Succeed(requirement);
    }
}
