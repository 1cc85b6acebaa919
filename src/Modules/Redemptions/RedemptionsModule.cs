using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;

namespace TalentPass.Modules.Redemptions;

/// <summary>Redemption of rights at service points with atomic quotas, reversal, offline sync (issue 6).</summary>
public sealed class RedemptionsModule : ITalentPassModule
{
    public string Name => "redemptions";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
