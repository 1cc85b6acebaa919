using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.StandIns;

namespace TalentPass.Modules.Notifications.Features.Sms;

/// <summary>The outcome of one send attempt.</summary>
internal enum SendOutcome
{
    /// <summary>The gateway accepted it (<see cref="SendResult.MessageId"/> set).</summary>
    Accepted,

    /// <summary>Try again later: the gateway is down, slow, overloaded or not configured.</summary>
    Transient,

    /// <summary>The gateway refused it for good (bad number, bad request); retrying would not help.</summary>
    Rejected,
}

internal sealed record SendResult(SendOutcome Outcome, string? MessageId, string? Error);

/// <summary>
/// The SMS gateway contract (docs/notifications.md): <c>POST {base}messages</c> with the <c>X-Api-Key</c> header and
/// <c>{to, template, params, requestId}</c>; answer <c>{messageId, status}</c>. The gateway is idempotent by
/// <c>requestId</c>, so a retry after a lost answer sends nothing twice.
/// </summary>
internal sealed class SmsGatewayClient(HttpClient http, IOptions<NotificationsOptions> options, StandInAddress standIns)
{
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The key sent to the in-process stand-in (which accepts any key).</summary>
    public const string StandInApiKey = "stand-in";

    public async Task<SendResult> SendAsync(string to, string template, JsonElement parameters, string requestId, CancellationToken ct)
    {
        var sms = options.Value.Sms;
        var target = await BaseAddressAsync(ct);
        if (target is null)
        {
            return new SendResult(SendOutcome.Transient, null, "gateway not configured (Notifications:Sms:BaseUrl, or StandIns:Enabled)");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target.Value.BaseUrl, "messages"))
        {
            Content = JsonContent.Create(new GatewayRequest(to, template, parameters, requestId)),
        };
        request.Headers.Add(ApiKeyHeader, target.Value.ApiKey);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(sms.TimeoutSeconds));
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadFromJsonAsync<GatewayResponse>(timeout.Token);
                return string.IsNullOrWhiteSpace(body?.MessageId)
                    ? new SendResult(SendOutcome.Transient, null, $"gateway answered {status} without a messageId")
                    : new SendResult(SendOutcome.Accepted, body.MessageId, null);
            }

            var reason = await ReadErrorAsync(response, timeout.Token);
            return status is >= 500 or (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.Unauthorized
                ? new SendResult(SendOutcome.Transient, null, $"gateway answered {status} {reason}".TrimEnd())
                : new SendResult(SendOutcome.Rejected, null, $"gateway refused: {status} {reason}".TrimEnd());
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new SendResult(SendOutcome.Transient, null, $"gateway did not answer within {sms.TimeoutSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return new SendResult(SendOutcome.Transient, null, "gateway unreachable: " + (ex.HttpRequestError == HttpRequestError.Unknown ? ex.Message : ex.HttpRequestError.ToString()));
        }
        catch (JsonException)
        {
            return new SendResult(SendOutcome.Transient, null, "gateway answered something that is not the contract's JSON");
        }
    }

    private async Task<(Uri BaseUrl, string ApiKey)?> BaseAddressAsync(CancellationToken ct)
    {
        var sms = options.Value.Sms;
        if (sms.BaseUrl is { } configured)
        {
            return (WithSlash(configured), sms.ApiKey!);
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            var standIn = await standIns.GetAsync(wait.Token);
            return standIn is null ? null : (new Uri(standIn, "sms/"), StandInApiKey);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() ?? string.Empty : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private sealed record GatewayRequest(
        [property: JsonPropertyName("to")] string To,
        [property: JsonPropertyName("template")] string Template,
        [property: JsonPropertyName("params")] JsonElement Params,
        [property: JsonPropertyName("requestId")] string RequestId);

    private sealed record GatewayResponse(
        [property: JsonPropertyName("messageId")] string? MessageId,
        [property: JsonPropertyName("status")] string? Status);
}
