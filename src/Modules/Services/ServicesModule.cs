using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Demo;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Services.Catalogue;
using TalentPass.Modules.Services.Contracts;
using TalentPass.Modules.Services.Demo;
using TalentPass.Modules.Services.Features.Apply;
using TalentPass.Modules.Services.Features.Decisions;
using TalentPass.Modules.Services.Features.Reports;
using TalentPass.Modules.Services.Features.Views;
using TalentPass.Modules.Services.Features.Work;
using TalentPass.Modules.Services.Jobs;
using TalentPass.Modules.Services.Persistence;

namespace TalentPass.Modules.Services;

/// <summary>One-thing services (一件事): catalogue, applications, 免审即享, deadlines, department queues (README.md).</summary>
public sealed class ServicesModule : ITalentPassModule
{
    public string Name => "services";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TalentPass.Infrastructure.PersonalData.IPersonalDataSource, Features.PersonalData.ServicesPersonalDataSource>();
        services.AddSingleton(new ModuleMigrations(Name, typeof(ServicesModule).Assembly));
        services.AddModuleDbContext<ServicesDbContext>();
        services.AddOptions<ServicesOptions>().Bind(configuration.GetSection(ServicesOptions.Section));
        services.AddSingleton<DefinitionCache>();
        services.AddScoped<CatalogueReader>();
        services.AddScoped<CatalogueHandler>();
        services.AddScoped<ApplicationPlanner>();
        services.AddScoped<ApplicationWriter>();
        services.AddScoped<ApplyHandler>();
        services.AddSingleton<IOneClickBatch, OneClickBatch>();
        services.AddScoped<DecisionDispatcher>();
        services.AddScoped<OptionalNotifier>();
        services.AddScoped<IServiceDecisionFeed, ServiceDecisionFeed>();
        services.AddScoped<Countdown>();
        services.AddScoped<ApplicationViews>();
        services.AddScoped<QueueReader>();
        services.AddScoped<StaffActions>();
        services.AddScoped<PerformanceReport>();
        services.AddScoped<DeadlineWork>();
        services.AddSingleton<DeadlineJobSignal>();
        services.AddHostedService<DeadlineJob>();
        services.AddScoped<IDemoSeeder, ServicesDemoSeeder>();
        services.AddScoped<TalentPass.Infrastructure.Reporting.IReportSource, Features.Reporting.ServicesReportSource>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/services").WithTags("Services");
        CatalogueHandler.Map(group);
        ApplyHandler.Map(group);
        WorkEndpoints.Map(group);
        PerformanceReport.Map(group);
    }
}
