using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TalentPass.StandIns;

/// <summary>One stand-in service mapped under its own path prefix (e.g. <c>/data-sharing</c>, <c>/sms</c>).</summary>
public interface IStandIn
{
    /// <summary>Registers what the stand-in needs (its demo records, its message store).</summary>
    void AddServices(IServiceCollection services);

    void Map(IEndpointRouteBuilder endpoints);
}

/// <summary>
/// A separate Kestrel server hosting every stand-in. The web host starts one in process when <c>StandIns:Enabled</c>
/// (development and demo); tests start, stop and restart their own; <c>talentpass stand-ins serve</c> runs one alone.
/// </summary>
public sealed class StandInServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private StandInServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The listening address, ending in '/' (a real port when started on port 0).</summary>
    public Uri BaseAddress { get; }

    public IServiceProvider Services => app.Services;

    public static IReadOnlyList<IStandIn> AllParts() => [new DataSharing.DataSharingStandIn(), new Sms.SmsGatewayStandIn()];

    /// <param name="url">e.g. <c>http://127.0.0.1:0</c> for any free port.</param>
    public static async Task<StandInServer> StartAsync(string url, IReadOnlyList<IStandIn>? parts = null, CancellationToken cancellationToken = default)
    {
        parts ??= AllParts();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        builder.Environment.EnvironmentName = Environments.Production;
        foreach (var part in parts)
        {
            part.AddServices(builder.Services);
        }

        var app = builder.Build();
        foreach (var part in parts)
        {
            part.Map(app);
        }

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new StandInServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
