using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;

namespace TalentPass.Modules.Governance;

/// <summary>Suspension rules, cases, termination, reinstatement, appeals, misuse signals (issue 8).</summary>
public sealed class GovernanceModule : ITalentPassModule
{
    public string Name => "governance";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
