using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;

namespace TalentPass.Modules.Reviews;

/// <summary>Periodic review campaigns (定期复核) (issue 8).</summary>
public sealed class ReviewsModule : ITalentPassModule
{
    public string Name => "reviews";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
