using TalentPass.Infrastructure.StandIns;
using TalentPass.StandIns;

namespace TalentPass.Web.Hosting;

/// <summary>
/// Runs the stand-ins for the city's data-sharing services and SMS gateway on their own port inside this process
/// when <c>StandIns:Enabled</c> (development and demo), at <c>StandIns:Url</c> (default: any free local port).
/// </summary>
internal sealed partial class StandInsHostedService(IConfiguration configuration, StandInAddress address, ILogger<StandInsHostedService> logger) : IHostedService, IAsyncDisposable
{
    private StandInServer? server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            server = await StandInServer.StartAsync(configuration["StandIns:Url"] ?? "http://127.0.0.1:0", cancellationToken: cancellationToken);
        }
        catch
        {
            address.Set(null);
            throw;
        }

        address.Set(server.BaseAddress);
        LogStarted(logger, server.BaseAddress);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is not null)
        {
            await server.DisposeAsync();
            server = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Stand-ins for city systems listen at {Address}")]
    private static partial void LogStarted(ILogger logger, Uri address);
}
