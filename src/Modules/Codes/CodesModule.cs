using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;

namespace TalentPass.Modules.Codes;

/// <summary>The talent code: keys, subjects, status lists, issuance, online verification and the scan log (README.md).</summary>
public sealed class CodesModule : ITalentPassModule
{
    public string Name => "codes";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/codes").WithTags("Codes");
    }
}
