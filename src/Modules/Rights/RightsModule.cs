using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Demo;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.Modules.Rights.Catalogue;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.Modules.Rights.Demo;
using TalentPass.Modules.Rights.Family;
using TalentPass.Modules.Rights.Features;
using TalentPass.Modules.Rights.Financing;
using TalentPass.Modules.Rights.Persistence;

namespace TalentPass.Modules.Rights;

/// <summary>Rights catalogue (权益目录) by level and category, family members, eligibility and quota definitions (issue 6).</summary>
public sealed class RightsModule : ITalentPassModule
{
    public string Name => "rights";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleMigrations(Name, typeof(RightsModule).Assembly));
        services.AddModuleDbContext<RightsDbContext>();
        services.AddSingleton<RightsCatalogue>();
        services.AddSingleton<IRightsCatalogue>(sp => sp.GetRequiredService<RightsCatalogue>());
        services.AddScoped<CatalogueWriter>();
        services.AddScoped<IFamilyMembers, FamilyMembers>();
        services.AddScoped<FamilyRegister>();
        services.AddScoped<FinancingDesk>();
        services.AddScoped<CatalogueQueries>();
        services.AddScoped<MyRights>();
        services.AddScoped<IPersonalDataSource, RightsPersonalData>();
        services.AddScoped<IDemoSeeder, RightsDemoSeeder>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => RightsEndpoints.Map(endpoints);
}
