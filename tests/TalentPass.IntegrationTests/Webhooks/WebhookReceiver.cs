using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TalentPass.IntegrationTests.Webhooks;

/// <summary>One request the stand-in partner received.</summary>
/// <param name="Answered">The status code the receiver answered with.</param>
/// <param name="SignatureValid">Whether one of the <c>v1,</c> signatures matched the partner's secret (checked independently of the sender).</param>
public sealed record ReceivedWebhook(string Id, long Timestamp, string Signature, string Body, string Type, string OrderingKeyHint, int Answered, bool SignatureValid)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// A real HTTP partner system on its own Kestrel (loopback, fixed port once chosen), recording every request and
/// verifying its Standard-Webhooks signature with the partner's secret. It can be stopped and started again on the
/// same address, and told to answer some events with an error.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();
    private WebApplication? app;
    private int port;

    public string? Secret { get; set; }

    /// <summary>Decides the answer for an event (default 200).</summary>
    public Func<JsonElement, int> Answer { get; set; } = _ => 200;

    public string Url => $"http://127.0.0.1:{port}/hooks";

    public IReadOnlyList<ReceivedWebhook> Received => received.ToArray();

    /// <summary>Every request answered 2xx, in arrival order.</summary>
    public IReadOnlyList<ReceivedWebhook> Accepted => received.Where(r => r.Answered is >= 200 and < 300).ToArray();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.StartAgainAsync();
        return receiver;
    }

    public async Task StartAgainAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var web = builder.Build();
        web.MapPost("/hooks", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var id = context.Request.Headers["webhook-id"].ToString();
            var timestamp = long.TryParse(context.Request.Headers["webhook-timestamp"].ToString(), out var ts) ? ts : 0;
            var signature = context.Request.Headers["webhook-signature"].ToString();
            var json = JsonDocument.Parse(body).RootElement.Clone();
            var status = Answer(json);
            var key = json.TryGetProperty("data", out var data) && data.TryGetProperty("key", out var k) ? k.GetString() ?? "" : "";
            received.Enqueue(new ReceivedWebhook(id, timestamp, signature, body, json.GetProperty("type").GetString() ?? "", key, status, Verify(Secret, id, timestamp, body, signature)));
            return Results.StatusCode(status);
        });
        await web.StartAsync();
        port = new Uri(web.Urls.First()).Port;
        app = web;
    }

    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>The receiving side's check, written from the Standard Webhooks specification (not from the sender's code).</summary>
    public static bool Verify(string? secret, string id, long timestamp, string body, string header)
    {
        if (secret is null || !secret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            return false;
        }

        using var hmac = new HMACSHA256(Convert.FromBase64String(secret["whsec_".Length..]));
        var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        return header.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(part => part.StartsWith("v1,", StringComparison.Ordinal)
                && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(part[3..]), Encoding.ASCII.GetBytes(expected)));
    }
}
