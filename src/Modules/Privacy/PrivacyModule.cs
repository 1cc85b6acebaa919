using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;

namespace TalentPass.Modules.Privacy;

/// <summary>Personal data rights: access log, scans, data download, consent (issue 8).</summary>
public sealed class PrivacyModule : ITalentPassModule
{
    public string Name => "privacy";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
