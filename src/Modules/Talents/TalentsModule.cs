using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.Modules.Talents;

public sealed class TalentsModule : ITalentPassModule
{
    public string Name => "talents";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleMigrations(Name, typeof(TalentsModule).Assembly));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
