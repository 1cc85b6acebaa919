using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using TalentPass.StandIns;
using TalentPass.StandIns.Sms;

namespace TalentPass.IntegrationTests.Notifications;

/// <summary>
/// The SMS gateway stand-in the test host sends to (<c>Notifications:Sms:BaseUrl</c> in <see cref="Infrastructure.TalentPassFactory"/>),
/// on a port fixed for the test run so a test can stop it ("the gateway is down") and start it again at the same address.
/// It is not started with the host (a web host built while the factory builds its own would be taken over by the
/// factory): a test that expects an SMS to arrive calls <see cref="StartAsync"/> first. Until then the host's SMS
/// wait in the outbox and are retried (the test settings allow many attempts).
/// </summary>
internal static class SmsTestGateway
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly int Port = FreePort();
    private static StandInServer? server;

    public static Uri BaseUrl { get; } = new($"http://127.0.0.1:{Port}/sms/");

    public const string ApiKey = "integration-test-sms-key";

    public static async Task StopAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (server is not null)
            {
                await server.DisposeAsync();
                server = null;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task StartAsync()
    {
        await Gate.WaitAsync();
        try
        {
            server ??= await StandInServer.StartAsync($"http://127.0.0.1:{Port}", [new SmsGatewayStandIn()]);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The messages the stand-in received with this request id (the outbox row id).</summary>
    public static async Task<IReadOnlyList<JsonElement>> MessagesAsync(Guid requestId, CancellationToken ct)
    {
        using var client = new HttpClient();
        var list = await client.GetFromJsonAsync<JsonElement>(new Uri(BaseUrl, $"messages?requestId={requestId:D}"), ct);
        return list.EnumerateArray().ToList();
    }

    /// <summary>Makes the next <paramref name="count"/> sends answer 503.</summary>
    public static async Task FailNextAsync(int count, CancellationToken ct)
    {
        using var client = new HttpClient();
        (await client.PostAsJsonAsync(new Uri(BaseUrl, "faults"), new { failNext = count }, ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
