using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;

namespace TalentPass.Modules.Contribution;

/// <summary>Service-contribution value (服务贡献值), rankings, rewards, and the rights reports (issue 6).</summary>
public sealed class ContributionModule : ITalentPassModule
{
    public string Name => "contribution";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
