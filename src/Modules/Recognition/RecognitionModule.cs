using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Demo;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Recognition.Contracts;
using TalentPass.Modules.Recognition.Demo;
using TalentPass.Modules.Recognition.Domain;
using TalentPass.Modules.Recognition.Features.Apply;
using TalentPass.Modules.Recognition.Features.Decide;
using TalentPass.Modules.Recognition.Features.Employers;
using TalentPass.Modules.Recognition.Features.Experts;
using TalentPass.Modules.Recognition.Features.Panels;
using TalentPass.Modules.Recognition.Features.Queries;
using TalentPass.Modules.Recognition.Features.Shared;
using TalentPass.Modules.Recognition.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Recognition;

/// <summary>Talent recognition by standard, by expert review and by employer self-recognition (README.md).</summary>
public sealed class RecognitionModule : ITalentPassModule
{
    public string Name => "recognition";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TalentPass.Infrastructure.PersonalData.IPersonalDataSource, Features.PersonalData.RecognitionPersonalDataSource>();
        services.AddSingleton(new ModuleMigrations(Name, typeof(RecognitionModule).Assembly));
        services.AddModuleDbContext<RecognitionDbContext>();
        services.AddScoped<OptionalServices>();
        services.AddScoped<RecognitionAccess>();
        services.AddScoped<RecognitionEffects>();
        services.AddScoped<CriteriaMatcher>();
        services.AddScoped<ApplicationViewBuilder>();
        services.AddScoped<ApplyHandler>();
        services.AddScoped<PanelsHandler>();
        services.AddScoped<DecideHandler>();
        services.AddScoped<EmployersHandler>();
        services.AddScoped<QueriesHandler>();
        services.AddScoped<ExpertsHandler>();
        services.AddScoped<IRecognitionDirectory, RecognitionDirectory>();
        services.AddScoped<IDemoSeeder, RecognitionDemoSeeder>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var root = endpoints.MapGroup("/api/v1/recognition").WithTags("Recognition");
        var open = root.MapGroup(string.Empty).AllowAnonymous();
        var signedIn = root.MapGroup(string.Empty).RequireAuthorization();
        var office = root.MapGroup(string.Empty).RequireAuthorization(p => p.RequireRole(Roles.TalentOffice));
        var applicants = root.MapGroup(string.Empty).RequireAuthorization(p => p.RequireRole(Roles.Talent, Roles.TalentOffice));
        var employers = root.MapGroup("/employer").RequireAuthorization(p => p.RequireRole(Roles.EnterpriseContact, Roles.TalentOffice));

        open.MapGet("/criteria", () => TypedResults.Ok(new
        {
            version = CriteriaCatalogue.Current.Version,
            demo = CriteriaCatalogue.Current.IsDemo,
            criteria = CriteriaCatalogue.Current.Criteria.Select(ApplicationViewBuilder.Criterion),
            expertThresholds = CriteriaCatalogue.Current.Thresholds,
        }))
            .WithName("ListRecognitionCriteria")
            .WithSummary("The criteria catalogue in force (versioned data) and the expert-review thresholds")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        ApplyHandler.Map(applicants);
        PanelsHandler.Map(office, signedIn);
        DecideHandler.Map(office);
        EmployersHandler.Map(office, employers);
        QueriesHandler.Map(signedIn, office, employers, open);
        ExpertsHandler.Map(office);
    }
}
