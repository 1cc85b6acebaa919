using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Audit.Domain;
using TalentPass.Modules.Audit.Features.SearchAuditEvents;
using TalentPass.Modules.Audit.Persistence;

namespace TalentPass.Modules.Audit;

public sealed class AuditModule : ITalentPassModule
{
    public string Name => "audit";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleMigrations(Name, typeof(AuditModule).Assembly));
        services.AddModuleDbContext<AuditDbContext>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<IAuditLog, AuditLog>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/audit").WithTags("Audit");
        SearchAuditEventsEndpoint.Map(group);
    }
}
