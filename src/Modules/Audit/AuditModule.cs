using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.Modules.Audit;

public sealed class AuditModule : ITalentPassModule
{
    public string Name => "audit";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleMigrations(Name, typeof(AuditModule).Assembly));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
