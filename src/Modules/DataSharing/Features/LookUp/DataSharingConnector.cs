using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.StandIns;
using TalentPass.Modules.DataSharing.Contracts;
using TalentPass.Modules.DataSharing.Domain;

namespace TalentPass.Modules.DataSharing.Features.LookUp;

/// <summary>What a source said, before it is kept.</summary>
internal sealed record SourceAnswer(
    DataSharingOutcome Outcome,
    IReadOnlyDictionary<string, string> Fields,
    int? HttpStatus,
    string Sha256,
    int Bytes,
    string? Problem,
    int DurationMs);

/// <summary>
/// The HTTP adapter to the city data-sharing exchange (docs/data-sharing.md): one POST per look-up, the ID number
/// in the body, a short timeout and no retry (a clerk or the next run asks again). Every failure becomes an
/// outcome — <c>unavailable</c> (not configured, refused, timed out, non-2xx) or <c>invalid</c> (not JSON, not the
/// contract) — never an exception; only the caller's own cancellation propagates.
/// </summary>
internal sealed partial class DataSharingConnector(
    IHttpClientFactory clients,
    IOptions<DataSharingOptions> options,
    StandInAddress standIns,
    ILogger<DataSharingConnector> logger)
{
    public const string ClientName = "datasharing";

    /// <summary>The stand-in's published demo key (TalentPass.StandIns.DataSharing.DataSharingStandIn.ApiKey).</summary>
    public const string StandInApiKey = "standin-data-sharing-demo-key";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task<SourceAnswer> QueryAsync(string source, string idNumber, string purpose, Guid requestId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            var (baseUrl, apiKey) = await ResolveAsync(settings, timeout.Token);
            if (baseUrl is null)
            {
                return Failed(DataSharingOutcome.Unavailable, null, [], "not_configured", started);
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "v1/" + source + "/query"));
            request.Headers.TryAddWithoutValidation("X-Api-Key", apiKey);
            request.Headers.TryAddWithoutValidation("X-Request-Id", requestId.ToString());
            var body = JsonSerializer.SerializeToUtf8Bytes(new QueryBody(idNumber, purpose), QueryBodyJson.Default.QueryBody);
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = Json;

            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var raw = await ReadLimitedAsync(response.Content, settings.MaxAnswerBytes, timeout.Token);
            var status = (int)response.StatusCode;
            if (raw is null)
            {
                return Failed(DataSharingOutcome.Invalid, status, [], "answer_too_large", started);
            }

            if (!response.IsSuccessStatusCode)
            {
                return Failed(DataSharingOutcome.Unavailable, status, raw, "http_" + status.ToString(System.Globalization.CultureInfo.InvariantCulture), started);
            }

            return Interpret(source, requestId, status, raw, started);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, source, "timeout");
            return Failed(DataSharingOutcome.Unavailable, null, [], "timeout", started);
        }
        catch (HttpRequestException e)
        {
            LogFailed(logger, source, e.HttpRequestError.ToString());
            return Failed(DataSharingOutcome.Unavailable, null, [], "connection_failed", started);
        }
    }

    private async Task<(Uri? BaseUrl, string ApiKey)> ResolveAsync(DataSharingOptions settings, CancellationToken cancellationToken)
    {
        if (settings.BaseUrl is { } configured)
        {
            return (configured, settings.ApiKey ?? string.Empty);
        }

        var standIn = await standIns.GetAsync(cancellationToken);
        return standIn is null ? (null, string.Empty) : (new Uri(standIn, "data-sharing/"), settings.ApiKey ?? StandInApiKey);
    }

    private static SourceAnswer Interpret(string source, Guid requestId, int status, byte[] raw, long started)
    {
        try
        {
            using var document = JsonDocument.Parse(raw);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("status", out var outcome) || outcome.ValueKind != JsonValueKind.String)
            {
                return Failed(DataSharingOutcome.Invalid, status, raw, "status is missing", started);
            }

            if (!root.TryGetProperty("requestId", out var echoed) || echoed.ValueKind != JsonValueKind.String
                || !Guid.TryParse(echoed.GetString(), out var echoedId) || echoedId != requestId)
            {
                return Failed(DataSharingOutcome.Invalid, status, raw, "requestId does not match", started);
            }

            switch (outcome.GetString())
            {
                case "not_found":
                    return new SourceAnswer(DataSharingOutcome.NotFound, new Dictionary<string, string>(), status, Hash(raw), raw.Length, null, Elapsed(started));
                case "found" when root.TryGetProperty("record", out var record):
                    return SourceSchemas.TryRead(source, record, out var fields, out var problem)
                        ? new SourceAnswer(DataSharingOutcome.Found, fields, status, Hash(raw), raw.Length, null, Elapsed(started))
                        : Failed(DataSharingOutcome.Invalid, status, raw, problem, started);
                default:
                    return Failed(DataSharingOutcome.Invalid, status, raw, "status is not found/not_found with a record", started);
            }
        }
        catch (JsonException)
        {
            return Failed(DataSharingOutcome.Invalid, status, raw, "not_json", started);
        }
    }

    private static SourceAnswer Failed(DataSharingOutcome outcome, int? status, byte[] raw, string? problem, long started) =>
        new(outcome, new Dictionary<string, string>(), status, Hash(raw), raw.Length, problem, Elapsed(started));

    private static string Hash(byte[] raw) => Convert.ToHexStringLower(SHA256.HashData(raw));

    private static int Elapsed(long started) => (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

    /// <summary>The body, or null when it is longer than <paramref name="max"/> bytes.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(HttpContent content, int max, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > max)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Data-sharing source {Source} did not answer: {Reason}")]
    private static partial void LogFailed(ILogger logger, string source, string reason);
}

internal sealed record QueryBody(string IdNumber, string Purpose);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(QueryBody))]
internal sealed partial class QueryBodyJson : System.Text.Json.Serialization.JsonSerializerContext;
