using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.Modules.Identity;

public sealed class IdentityModule : ITalentPassModule
{
    public string Name => "identity";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleMigrations(Name, typeof(IdentityModule).Assembly));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
