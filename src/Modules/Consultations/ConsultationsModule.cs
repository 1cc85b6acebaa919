using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;

namespace TalentPass.Modules.Consultations;

/// <summary>Policy consultation (政策咨询): questions routed to the provider, deadlines, FAQ (issue 6).</summary>
public sealed class ConsultationsModule : ITalentPassModule
{
    public string Name => "consultations";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
