using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Partners.ApiSecurity;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.Modules.Partners.Features.PartnerProfile;
using TalentPass.Modules.Partners.Persistence;

namespace TalentPass.Modules.Partners;

/// <summary>Partner onboarding (M-18) and the partner-API security: keys, signatures, idempotency, rate limits (README.md).</summary>
public sealed class PartnersModule : ITalentPassModule
{
    public string Name => "partners";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleMigrations(Name, typeof(PartnersModule).Assembly));
        services.AddModuleDbContext<PartnersDbContext>();
        services.AddOptions<PartnersOptions>().Bind(configuration.GetSection(PartnersOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddPartnerApi();
        services.AddScoped<PartnerProfileHandler>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var partnerApi = endpoints.MapGroup("/api/v1/partners").WithTags("Partner API").RequirePartnerApi();
        PartnerProfileHandler.Map(partnerApi);
    }
}
