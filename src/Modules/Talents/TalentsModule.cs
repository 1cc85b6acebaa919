using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Demo;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.Modules.Talents.Demo;
using TalentPass.Modules.Talents.Features.Access;
using TalentPass.Modules.Talents.Features.ChangeLevel;
using TalentPass.Modules.Talents.Features.ChangeStatus;
using TalentPass.Modules.Talents.Features.Enterprises;
using TalentPass.Modules.Talents.Features.GetTalent;
using TalentPass.Modules.Talents.Features.ImportTalents;
using TalentPass.Modules.Talents.Features.MyProfile;
using TalentPass.Modules.Talents.Features.RegisterTalent;
using TalentPass.Modules.Talents.Features.ReviewChangeRequests;
using TalentPass.Modules.Talents.Features.Roster;
using TalentPass.Modules.Talents.Features.SearchTalents;
using TalentPass.Modules.Talents.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents;

/// <summary>The talent registry: profiles with provenance, levels, status, change requests and enterprises (README.md).</summary>
public sealed class TalentsModule : ITalentPassModule
{
    public string Name => "talents";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TalentPass.Infrastructure.PersonalData.IPersonalDataSource, Features.PersonalData.TalentsPersonalDataSource>();
        services.AddSingleton(new ModuleMigrations(Name, typeof(TalentsModule).Assembly));
        services.AddModuleDbContext<TalentsDbContext>();
        services.AddScoped<TalentAccess>();
        services.AddScoped<TalentEventPublisher>();
        services.AddScoped<TalentViewBuilder>();
        services.AddScoped<ITalentDirectory, TalentDirectory>();
        services.AddScoped<TalentChangeWriter>();
        services.AddScoped<ITalentDecisions, TalentDecisionsService>();
        services.AddScoped<ITalentEventFeed, TalentEventFeed>();
        services.AddScoped<ITalentPersonalData, TalentPersonalData>();
        services.AddScoped<RegisterTalentHandler>();
        services.AddScoped<SearchTalentsHandler>();
        services.AddScoped<GetTalentHandler>();
        services.AddScoped<ChangeLevelHandler>();
        services.AddScoped<ChangeStatusHandler>();
        services.AddScoped<MyProfileHandler>();
        services.AddScoped<ReviewChangeRequestsHandler>();
        services.AddScoped<EnterprisesHandler>();
        services.AddScoped<IDemoSeeder, TalentsDemoSeeder>();
        services.AddScoped<ITalentImporter, TalentImporter>();
        services.AddScoped<ITalentRoster, TalentRoster>();
        services.AddScoped<TalentPass.Infrastructure.Reporting.IReportSource, Features.Reporting.TalentsReportSource>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var talents = endpoints.MapGroup("/api/v1/talents").WithTags("Talents")
            .RequireAuthorization(p => p.RequireRole(TalentAccess.RegistryReaders));
        SearchTalentsHandler.Map(talents);
        GetTalentHandler.Map(talents);
        RegisterTalentHandler.Map(talents);
        ChangeLevelHandler.Map(talents);
        ChangeStatusHandler.Map(talents);

        var me = endpoints.MapGroup("/api/v1/me").WithTags("Talents")
            .RequireAuthorization(p => p.RequireRole(Roles.Talent));
        MyProfileHandler.Map(me);

        var changeRequests = endpoints.MapGroup("/api/v1/change-requests").WithTags("Talents")
            .RequireAuthorization(p => p.RequireRole(Roles.TalentOffice));
        ReviewChangeRequestsHandler.Map(changeRequests);

        var enterprises = endpoints.MapGroup("/api/v1/enterprises").WithTags("Enterprises")
            .RequireAuthorization(p => p.RequireRole(TalentAccess.EnterpriseReaders));
        EnterprisesHandler.Map(enterprises);
    }
}
