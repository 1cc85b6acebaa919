using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Demo;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.Modules.Consultations.Demo;
using TalentPass.Modules.Consultations.Features.Faq;
using TalentPass.Modules.Consultations.Features.PersonalData;
using TalentPass.Modules.Consultations.Features.Questions;
using TalentPass.Modules.Consultations.Persistence;

namespace TalentPass.Modules.Consultations;

/// <summary>Policy consultation (政策咨询): questions routed to the provider, deadlines, FAQ (issue 6, README.md).</summary>
public sealed class ConsultationsModule : ITalentPassModule
{
    public string Name => "consultations";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleMigrations(Name, typeof(ConsultationsModule).Assembly));
        services.AddModuleDbContext<ConsultationsDbContext>();
        services.AddOptions<ConsultationsOptions>().Bind(configuration.GetSection(ConsultationsOptions.Section));
        services.AddScoped<ConsultationService>();
        services.AddScoped<FaqReader>();
        services.AddScoped<IPersonalDataSource, ConsultationsPersonalDataSource>();
        services.AddScoped<IDemoSeeder, ConsultationsDemoSeeder>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        ConsultationEndpoints.Map(endpoints.MapGroup("/api/v1/consultations").WithTags("Consultations"));
    }
}
