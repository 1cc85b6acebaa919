using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TalentPass.StandIns.DataSharing;

/// <summary>The city data-sharing services' stand-in (contract: docs/data-sharing.md), under <c>/data-sharing</c>.</summary>
internal sealed class DataSharingStandIn : IStandIn
{
    public void AddServices(IServiceCollection services)
    {
    }

    public void Map(IEndpointRouteBuilder endpoints)
    {
    }
}
