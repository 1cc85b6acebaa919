using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.DataSharing.Contracts;
using TalentPass.Modules.DataSharing.Features.Answers;
using TalentPass.Modules.DataSharing.Features.LookUp;
using TalentPass.Modules.DataSharing.Persistence;

namespace TalentPass.Modules.DataSharing;

/// <summary>Connectors to the city's data-sharing sources; every answer kept as evidence (README.md).</summary>
public sealed class DataSharingModule : ITalentPassModule
{
    public string Name => "datasharing";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleMigrations(Name, typeof(DataSharingModule).Assembly));
        services.AddModuleDbContext<DataSharingDbContext>();
        services.AddOptions<DataSharingOptions>().Bind(configuration.GetSection(DataSharingOptions.Section));
        services.AddHttpClient(DataSharingConnector.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(2),
                MaxConnectionsPerServer = 64,
            });
        services.AddSingleton<DataSharingConnector>();
        services.AddScoped<IDataSharing, DataSharingService>();
        services.AddScoped<AnswerQueries>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/data-sharing").WithTags("DataSharing")
            .RequireAuthorization(p => p.RequireRole(AnswerQueries.Readers));
        AnswerQueries.Map(group);
    }
}
