using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Demo;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.Infrastructure.Reporting;
using TalentPass.Modules.Governance.Demo;
using TalentPass.Modules.Governance.Features;
using TalentPass.Modules.Governance.Features.Cases;
using TalentPass.Modules.Governance.Features.Engine;
using TalentPass.Modules.Governance.Features.Misuse;
using TalentPass.Modules.Governance.Features.PersonalData;
using TalentPass.Modules.Governance.Features.Reporting;
using TalentPass.Modules.Governance.Features.Rules;
using TalentPass.Modules.Governance.Features.Signals;
using TalentPass.Modules.Governance.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Governance;

/// <summary>Suspension rules, cases, termination, reinstatement, appeals, misuse signals (issue 8, README.md).</summary>
public sealed class GovernanceModule : ITalentPassModule
{
    public string Name => "governance";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleMigrations(Name, typeof(GovernanceModule).Assembly));
        services.AddModuleDbContext<GovernanceDbContext>();
        services.AddOptions<GovernanceOptions>().Bind(configuration.GetSection(GovernanceOptions.Section)).ValidateDataAnnotations();
        services.AddScoped<GovernanceAccess>();
        services.AddScoped<Deadlines>();
        services.AddScoped<DecisionRecorder>();
        services.AddScoped<CaseWorkflow>();
        services.AddScoped<RuleEngine>();
        services.AddScoped<SignalDetector>();
        services.AddScoped<RulesHandler>();
        services.AddScoped<CasesHandler>();
        services.AddScoped<MyCasesHandler>();
        services.AddScoped<MisuseReportsHandler>();
        services.AddScoped<SignalsHandler>();
        services.AddScoped<IReportSource, GovernanceReportSource>();
        services.AddScoped<IPersonalDataSource, GovernancePersonalDataSource>();
        services.AddScoped<IDemoSeeder, GovernanceDemoSeeder>();
        services.AddHostedService<GovernanceJob>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var governance = endpoints.MapGroup("/api/v1/governance").WithTags("Governance");
        RulesHandler.Map(governance);
        CasesHandler.Map(governance);
        SignalsHandler.Map(governance);
        MisuseReportsHandler.Map(endpoints, governance);
        MyCasesHandler.Map(endpoints.MapGroup("/api/v1/me/cases").WithTags("Governance").RequireAuthorization(p => p.RequireRole(Roles.Talent)));
    }
}
