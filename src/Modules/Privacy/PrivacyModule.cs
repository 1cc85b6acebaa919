using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;
using TalentPass.Modules.Privacy.Features.MyPrivacy;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Privacy;

/// <summary>Personal data rights: access log, scans, data download, consent (README.md).</summary>
public sealed class PrivacyModule : ITalentPassModule
{
    public string Name => "privacy";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PrivacyHandler>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        PrivacyEndpoints.Map(endpoints.MapGroup("/api/v1/privacy").WithTags("Privacy").RequireAuthorization(p => p.RequireRole(Roles.Talent)));
    }
}
