using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TalentPass.StandIns.DataSharing;

/// <summary>
/// The city data-sharing services' stand-in (contract: docs/data-sharing.md), under <c>/data-sharing</c>:
/// <c>POST /data-sharing/v1/{source}/query</c> answers from <see cref="DemoRecords"/>; test controls under
/// <c>/data-sharing/_control/faults</c> force a fault for one ID number or a whole source.
/// </summary>
internal sealed class DataSharingStandIn : IStandIn
{
    /// <summary>The stand-in's API key (demo only; also the connector's default when it talks to the stand-in).</summary>
    public const string ApiKey = "standin-data-sharing-demo-key";

    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<DataSharingFaults>();
        services.AddSingleton(TimeProvider.System);
    }

    public void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/data-sharing");
        group.MapPost("/v1/{source}/query", QueryAsync);
        group.MapPut("/_control/faults", SetFaultAsync);
        group.MapDelete("/_control/faults", (HttpContext context, DataSharingFaults faults) =>
        {
            if (!Authorised(context))
            {
                return Task.FromResult(Results.Json(new { error = "unauthorized" }, statusCode: StatusCodes.Status401Unauthorized));
            }

            faults.Clear();
            return Task.FromResult(Results.NoContent());
        });
    }

    private static bool Authorised(HttpContext context) =>
        string.Equals(context.Request.Headers["X-Api-Key"], ApiKey, StringComparison.Ordinal);

    private static async Task QueryAsync(HttpContext context, string source, DataSharingFaults faults, TimeProvider clock)
    {
        var response = context.Response;
        var requestId = context.Request.Headers["X-Request-Id"].ToString();
        if (!Authorised(context))
        {
            await WriteErrorAsync(response, StatusCodes.Status401Unauthorized, "unauthorized", "Missing or wrong X-Api-Key.", requestId);
            return;
        }

        if (!DemoRecords.Sources.Contains(source, StringComparer.Ordinal))
        {
            await WriteErrorAsync(response, StatusCodes.Status404NotFound, "unknown_source", "No such source.", requestId);
            return;
        }

        string? idNumber;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            idNumber = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("idNumber", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            idNumber = null;
        }

        if (idNumber is null || !LooksLikeIdNumber(idNumber) || requestId.Length == 0)
        {
            await WriteErrorAsync(response, StatusCodes.Status400BadRequest, "invalid_request", "idNumber (18 characters) and X-Request-Id are required.", requestId);
            return;
        }

        var fault = faults.Find(source, idNumber) ?? DemoRecords.CaseOf(idNumber) switch
        {
            DemoRecords.Case.Garbage => FaultMode.Garbage,
            DemoRecords.Case.SchemaMismatch => FaultMode.Schema,
            DemoRecords.Case.Unavailable => FaultMode.Unavailable,
            DemoRecords.Case.Slow => FaultMode.Slow,
            _ => (FaultMode?)null,
        };
        switch (fault)
        {
            case FaultMode.Garbage:
                response.ContentType = "application/json";
                await response.WriteAsync("<html><body>502 Bad Gateway</body></html>{\"status\":", context.RequestAborted);
                return;
            case FaultMode.Schema:
                response.ContentType = "application/json";
                await response.WriteAsync("{\"status\":\"found\",\"requestId\":\"" + JsonEncodedText.Encode(requestId) + "\",\"record\":{\"unexpected\":1}}", context.RequestAborted);
                return;
            case FaultMode.Unavailable:
                await WriteErrorAsync(response, StatusCodes.Status503ServiceUnavailable, "unavailable", "The source is temporarily unavailable.", requestId);
                return;
            case FaultMode.Abort:
                context.Abort();
                return;
            case FaultMode.Slow:
                await Task.Delay(faults.SlowDelay, clock, context.RequestAborted);
                break;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ChinaStandardTime).DateTime);
        var record = DemoRecords.Find(source, idNumber, today);
        response.ContentType = "application/json";
        var writer = new Utf8JsonWriter(response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("requestId", requestId);
        writer.WriteString("source", source);
        writer.WriteString("status", record is null ? "not_found" : "found");
        writer.WriteString("asOf", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (record is not null)
        {
            writer.WritePropertyName("record");
            writer.WriteStartObject();
            foreach (var (name, value) in record)
            {
                switch (value)
                {
                    case bool b:
                        writer.WriteBoolean(name, b);
                        break;
                    case int i:
                        writer.WriteNumber(name, i);
                        break;
                    case long l:
                        writer.WriteNumber(name, l);
                        break;
                    default:
                        writer.WriteString(name, value.ToString());
                        break;
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
        await writer.DisposeAsync();
    }

    private static readonly TimeZoneInfo ChinaStandardTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static async Task<IResult> SetFaultAsync(HttpContext context, DataSharingFaults faults)
    {
        if (!Authorised(context))
        {
            return Results.Json(new { error = "unauthorized" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        FaultRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync<FaultRequest>(context.RequestAborted);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is null || !Enum.TryParse<FaultMode>(request.Mode, ignoreCase: true, out var mode)
            || (request.Source is not null && !DemoRecords.Sources.Contains(request.Source, StringComparer.Ordinal)))
        {
            return Results.Json(new { error = "invalid_request", message = "mode: none|garbage|schema|unavailable|abort|slow; source optional; idNumber optional." }, statusCode: StatusCodes.Status400BadRequest);
        }

        faults.Set(request.Source, request.IdNumber, mode);
        return Results.NoContent();
    }

    private static bool LooksLikeIdNumber(string value)
    {
        if (value.Length != 18)
        {
            return false;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        return char.IsAsciiDigit(value[17]) || value[17] == 'X';
    }

    private static async Task WriteErrorAsync(HttpResponse response, int status, string error, string message, string requestId)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        var json = "{\"error\":\"" + error + "\",\"message\":\"" + message + "\",\"requestId\":\"" + JsonEncodedText.Encode(requestId) + "\"}";
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(json));
    }

    private sealed record FaultRequest(string? Source, string? IdNumber, string Mode);
}

/// <summary>How the stand-in misbehaves on purpose (test controls).</summary>
internal enum FaultMode
{
    /// <summary>Answer normally (clears a fault).</summary>
    None,

    /// <summary>A 200 with a body that is not JSON.</summary>
    Garbage,

    /// <summary>A 200 with JSON that does not follow the contract.</summary>
    Schema,

    /// <summary>503 Service Unavailable.</summary>
    Unavailable,

    /// <summary>The connection is dropped without an answer.</summary>
    Abort,

    /// <summary>The answer comes after <see cref="DataSharingFaults.SlowDelay"/>.</summary>
    Slow,
}

/// <summary>Faults forced through the control endpoint: for one ID number, one source, or both.</summary>
internal sealed class DataSharingFaults
{
    private readonly ConcurrentDictionary<(string Source, string IdNumber), FaultMode> faults = new();

    /// <summary>How long a slow answer takes (longer than any sensible connector timeout).</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(30);

    public void Set(string? source, string? idNumber, FaultMode mode)
    {
        var key = (source ?? "*", idNumber ?? "*");
        if (mode == FaultMode.None)
        {
            faults.TryRemove(key, out _);
        }
        else
        {
            faults[key] = mode;
        }
    }

    public void Clear() => faults.Clear();

    public FaultMode? Find(string source, string idNumber)
    {
        if (faults.IsEmpty)
        {
            return null;
        }

        foreach (var key in new[] { (source, idNumber), ("*", idNumber), (source, "*"), ("*", "*") })
        {
            if (faults.TryGetValue(key, out var mode))
            {
                return mode;
            }
        }

        return null;
    }
}
