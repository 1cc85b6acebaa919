using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Partners.ApiSecurity;

/// <summary>Registers the partner-API scheme, policy and conventions (called from <see cref="PartnersModule.AddServices"/>).</summary>
internal static class PartnerApiSetup
{
    /// <summary>The Identity module's default scheme (cookie or bearer, with the account re-check).</summary>
    public const string IdentityScheme = "TalentPass";

    private static readonly Lock Gate = new();

    public static void AddPartnerApi(this IServiceCollection services)
    {
        services.AddSingleton<PartnerApiCache>();
        services.AddSingleton<PartnerRateLimiter>();
        services.AddScoped<IAuthorizationHandler, PartnerApiRequirementHandler>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, PartnerHmacHandler>(PartnerApi.AuthenticationScheme, "Partner API key (HMAC-signed request)", _ => { });

        // The HMAC scheme comes last: its challenge writes the problem body after the bearer/cookie challenge set the status.
        services.AddAuthorizationBuilder().AddPolicy(PartnerApi.Policy, policy => policy
            .AddAuthenticationSchemes(IdentityScheme, PartnerApi.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.PartnerStaff)
            .AddRequirements(new PartnerApiRequirement()));

        lock (Gate)
        {
            if (PartnerApi.Conventions.Count == 0)
            {
                // Order matters: the rate limit is counted before the idempotency key is claimed.
                PartnerApi.Conventions.Add(b => b.AddEndpointFilter(new PartnerRateLimitFilter()));
                PartnerApi.Conventions.Add(b => b.AddEndpointFilter(new IdempotencyFilter()));
                PartnerApi.Conventions.Add(b => b.WithMetadata(new PartnerApiMarker()));
            }
        }
    }
}

/// <summary>Endpoint metadata: this endpoint is part of the partner API (used by the OpenAPI transformer).</summary>
internal sealed class PartnerApiMarker;
