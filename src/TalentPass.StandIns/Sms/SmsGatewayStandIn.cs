using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TalentPass.StandIns.Sms;

/// <summary>
/// The SMS gateway's stand-in (contract: docs/notifications.md), under <c>/sms</c>. Keeps messages in memory:
/// <c>POST /sms/messages</c> sends (idempotent by <c>requestId</c>), <c>GET /sms/messages</c> lists what was "sent"
/// (for tests and the demo), <c>POST /sms/faults</c> makes the next sends fail with 503 (for tests).
/// </summary>
internal sealed partial class SmsGatewayStandIn : IStandIn
{
    public const string ApiKeyHeader = "X-Api-Key";

    public void AddServices(IServiceCollection services) => services.AddSingleton<SmsMessageStore>();

    public void Map(IEndpointRouteBuilder endpoints)
    {
        var sms = endpoints.MapGroup("/sms");
        sms.MapPost("/messages", (HttpRequest request, SmsSendRequest? body, SmsMessageStore store) =>
        {
            if (string.IsNullOrWhiteSpace(request.Headers[ApiKeyHeader]))
            {
                return Results.Json(new { error = "unauthorized", message = "The X-Api-Key header is missing." }, statusCode: StatusCodes.Status401Unauthorized);
            }

            if (store.TakeFault())
            {
                return Results.Json(new { error = "unavailable", message = "The gateway is temporarily unavailable." }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            if (body is null || string.IsNullOrWhiteSpace(body.RequestId) || string.IsNullOrWhiteSpace(body.Template) || body.RequestId.Length > 100)
            {
                return Results.Json(new { error = "invalid_request", message = "requestId and template are required." }, statusCode: StatusCodes.Status400BadRequest);
            }

            if (body.To is null || !MobileNumber().IsMatch(body.To))
            {
                return Results.Json(new { error = "invalid_number", message = "'to' must be a mainland mobile number (11 digits, starting with 1)." }, statusCode: StatusCodes.Status400BadRequest);
            }

            var message = store.Add(body);
            return Results.Ok(new SmsSendResponse(message.MessageId, "accepted"));
        });

        sms.MapGet("/messages", (string? to, string? requestId, SmsMessageStore store) =>
            Results.Ok(store.All()
                .Where(m => to is null || m.To == to)
                .Where(m => requestId is null || m.RequestId == requestId)));

        sms.MapPost("/faults", (SmsFaults faults, SmsMessageStore store) =>
        {
            store.FailNext(faults.FailNext);
            return Results.NoContent();
        });
    }

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex MobileNumber();
}

internal sealed record SmsSendRequest(string? To, string? Template, Dictionary<string, JsonElement>? Params, string? RequestId);

internal sealed record SmsSendResponse(string MessageId, string Status);

internal sealed record SmsFaults(int FailNext);

internal sealed record SmsMessage(string MessageId, string RequestId, string To, string Template, IReadOnlyDictionary<string, JsonElement> Params, DateTimeOffset ReceivedAt);

/// <summary>Messages by request id: a repeated request id answers the first message and stores nothing new.</summary>
internal sealed class SmsMessageStore(TimeProvider? clock = null)
{
    private readonly ConcurrentDictionary<string, SmsMessage> byRequest = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SmsMessage> order = new();
    private readonly Lock gate = new();
    private int faults;

    public SmsMessage Add(SmsSendRequest request)
    {
        lock (gate)
        {
            if (byRequest.TryGetValue(request.RequestId!, out var existing))
            {
                return existing;
            }

            var message = new SmsMessage(
                "sm_" + Guid.NewGuid().ToString("N"),
                request.RequestId!,
                request.To!,
                request.Template!,
                request.Params ?? [],
                (clock ?? TimeProvider.System).GetUtcNow());
            byRequest[message.RequestId] = message;
            order.Enqueue(message);
            return message;
        }
    }

    public IReadOnlyList<SmsMessage> All() => [.. order];

    public void FailNext(int count) => Interlocked.Exchange(ref faults, Math.Max(0, count));

    public bool TakeFault()
    {
        while (true)
        {
            var current = Volatile.Read(ref faults);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref faults, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
