using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Demo;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Services.Contracts;
using TalentPass.Modules.Subsidies.Contracts;
using TalentPass.Modules.Subsidies.Demo;
using TalentPass.Modules.Subsidies.Features;
using TalentPass.Modules.Subsidies.Features.Batches;
using TalentPass.Modules.Subsidies.Features.Schedules;
using TalentPass.Modules.Subsidies.Persistence;
using TalentPass.Modules.Talents.Contracts;

namespace TalentPass.Modules.Subsidies;

/// <summary>Subsidy payment schedules, monthly batches for the paying bank, stops by data sharing and status (README.md).</summary>
public sealed class SubsidiesModule : ITalentPassModule
{
    public string Name => "subsidies";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TalentPass.Infrastructure.PersonalData.IPersonalDataSource, Features.PersonalData.SubsidiesPersonalDataSource>();
        services.AddSingleton(new ModuleMigrations(Name, typeof(SubsidiesModule).Assembly));
        services.AddModuleDbContext<SubsidiesDbContext>();
        services.AddScoped<ScheduleWriter>();
        services.AddScoped<IServiceDecisionHandler, SubsidiesDecisionHandler>();
        services.AddScoped<ITalentEventHandler, SubsidiesTalentEventHandler>();
        services.AddScoped<ScheduleQueries>();
        services.AddScoped<ISubsidySchedules, SubsidySchedules>();
        services.AddScoped<BatchService>();
        services.AddHostedService<DecisionFeedJob>();
        services.AddScoped<IDemoSeeder, SubsidiesDemoSeeder>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => SubsidiesEndpoints.Map(endpoints);
}
