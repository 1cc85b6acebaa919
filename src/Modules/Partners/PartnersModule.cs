using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Demo;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Partners.ApiSecurity;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.Modules.Partners.Demo;
using TalentPass.Modules.Partners.Domain;
using TalentPass.Modules.Partners.Features.ApiKeys;
using TalentPass.Modules.Partners.Features.Applications;
using TalentPass.Modules.Partners.Features.ManagePartners;
using TalentPass.Modules.Partners.Features.PartnerProfile;
using TalentPass.Modules.Partners.Jobs;
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
        services.AddScoped<IPartnerDirectory, PartnerDirectory>();
        services.AddScoped<ApiKeyIssuer>();
        services.AddScoped<PartnerOnboarding>();
        services.AddScoped<PartnerStatusService>();
        services.AddScoped<PartnerProfileHandler>();
        services.AddScoped<ApplicationsHandler>();
        services.AddScoped<ManagePartnersHandler>();
        services.AddScoped<ApiKeysHandler>();
        services.AddSingleton<PartnerApiHousekeeping>();
        services.AddHostedService<PartnerApiHousekeepingService>();
        services.AddScoped<IDemoSeeder, PartnersDemoSeeder>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var partnerApi = endpoints.MapGroup("/api/v1/partners").WithTags("Partner API").RequirePartnerApi();
        PartnerProfileHandler.Map(partnerApi);
        ApiKeysHandler.Map(endpoints);
        ApplicationEndpoints.Map(endpoints);
        ManagePartnersHandler.Map(endpoints);
    }
}
