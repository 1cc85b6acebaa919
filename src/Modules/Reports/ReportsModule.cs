using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;

namespace TalentPass.Modules.Reports;

/// <summary>The joint-meeting dashboard over every module's report source (issue 8).</summary>
public sealed class ReportsModule : ITalentPassModule
{
    public string Name => "reports";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
