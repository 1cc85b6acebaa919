using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TalentPass.Infrastructure.Modules;

/// <summary>
/// A module of the monolith: registers its services (the web host and the CLI call the same method) and maps
/// its endpoints under one <c>/api/v1/&lt;module&gt;</c> group. Its Razor pages live in its own assembly.
/// </summary>
public interface ITalentPassModule
{
    string Name { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration);

    void MapEndpoints(IEndpointRouteBuilder endpoints);
}
