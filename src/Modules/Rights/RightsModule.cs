using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;

namespace TalentPass.Modules.Rights;

/// <summary>Rights catalogue (权益目录) by level and category, family members, eligibility and quota definitions (issue 6).</summary>
public sealed class RightsModule : ITalentPassModule
{
    public string Name => "rights";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
