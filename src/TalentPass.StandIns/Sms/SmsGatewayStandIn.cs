using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TalentPass.StandIns.Sms;

/// <summary>The SMS gateway's stand-in (contract: docs/notifications.md), under <c>/sms</c>.</summary>
internal sealed class SmsGatewayStandIn : IStandIn
{
    public void AddServices(IServiceCollection services)
    {
    }

    public void Map(IEndpointRouteBuilder endpoints)
    {
    }
}
