using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Demo;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Policies.Contracts;
using TalentPass.Modules.Policies.Demo;
using TalentPass.Modules.Policies.Features.Expiry;
using TalentPass.Modules.Policies.Features.Manage;
using TalentPass.Modules.Policies.Features.Registry;
using TalentPass.Modules.Policies.Persistence;

namespace TalentPass.Modules.Policies;

/// <summary>Policy versions with validity and approval trail (issue 8, M-16, M-22; README.md).</summary>
public sealed class PoliciesModule : ITalentPassModule
{
    public string Name => "policies";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleMigrations(Name, typeof(PoliciesModule).Assembly));
        services.AddModuleDbContext<PoliciesDbContext>();
        services.AddOptions<PoliciesOptions>().Bind(configuration.GetSection(PoliciesOptions.Section));
        services.AddScoped<PolicyWorkflow>();
        services.AddScoped<IPolicyRegistry, PolicyRegistry>();
        services.AddScoped<ExpiryWarnings>();
        services.AddHostedService<ExpiryJob>();
        services.AddScoped<IDemoSeeder, PoliciesDemoSeeder>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var readers = endpoints.MapGroup("/api/v1/policies").WithTags("Policies")
            .RequireAuthorization(p => p.RequireRole(PolicyWorkflow.Readers));
        var writers = endpoints.MapGroup("/api/v1/policies").WithTags("Policies")
            .RequireAuthorization(p => p.RequireRole(PolicyWorkflow.Writers));
        PolicyEndpoints.Map(readers, writers);
    }
}
