using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TalentPass.Modules.Partners.Contracts;

namespace TalentPass.Modules.Partners.ApiSecurity;

/// <summary>
/// Documents every <c>RequirePartnerApi()</c> operation in <c>/openapi/v1.json</c>: the four signature headers and the
/// Idempotency-Key (with example values), the authentication, idempotency and rate-limit problems with example
/// bodies, and request/response examples of this module's own partner operations.
/// </summary>
internal sealed class PartnerApiOperationTransformer : IOpenApiOperationTransformer
{
    private static readonly (string Name, string Example, string Description)[] SignatureHeaders =
    [
        (RequestSigning.KeyHeader, "tpk_sandbox_bank-zhongyuan", "API key id. Signed requests need all four X-TalentPass-* headers; a partner staff bearer token is the alternative (docs/partner-api.md)."),
        (RequestSigning.TimestampHeader, "1767225600", "Unix seconds; must be within ±5 minutes of the server clock."),
        (RequestSigning.NonceHeader, "4f1c2a9e7b3d45e8a0c6f2b1d9e8a7c5", "16–64 characters of A–Z a–z 0–9 - _; never reuse one with the same key."),
        (RequestSigning.SignatureHeader, "DRe5+COi7EtNYmvnta37wD+DVLwpSLWz2GC9F92H0bA=", "Base64(HMAC-SHA256(secret, canonical string)); see docs/partner-api.md §2."),
    ];

    private static readonly Dictionary<string, (string? Request, string? Response)> Examples = new(StringComparer.Ordinal)
    {
        ["GetPartnerProfile"] = (null, """{"organisationId":"0193f1e2-7a4b-7c3d-9e8f-0a1b2c3d4e5f","code":"bank-zhongyuan","name":"中原银行（示例）","kind":"financial","status":"active","rateLimitPerMinute":1200,"contactName":"示例联系人","contactPhone":"0371-60000000","contactEmail":"api@bank-zhongyuan.example","keyId":"tpk_sandbox_bank-zhongyuan","version":1}"""),
        ["UpdatePartnerContact"] = ("""{"contactName":"王经理","contactPhone":"0371-60000000","contactEmail":"api@bank.example"}""", null),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<PartnerApiMarker>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        foreach (var (name, example, description) in SignatureHeaders)
        {
            operation.Parameters.Add(Header(name, required: false, example, description));
        }

        var method = context.Description.HttpMethod ?? "GET";
        var changesState = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        if (changesState)
        {
            operation.Parameters.Add(Header(
                PartnerApi.IdempotencyKeyHeader,
                required: true,
                "6b0f3c1e-2d4a-4e5b-9c8d-7a6f5e4d3c2b",
                "Required. 1–128 characters of A–Z a–z 0–9 - _ . :. Same key + same request → the stored answer (header Idempotent-Replayed: true); same key + other request → 422; kept 24 h."));
        }

        operation.Description = (operation.Description is { Length: > 0 } d ? d + "\n\n" : string.Empty)
            + "Partner API: sign the request with an API key (HMAC-SHA256, docs/partner-api.md) or send a partner staff bearer token. "
            + "Rate-limited per partner (429 `partners.rate_limited` with Retry-After)."
            + (changesState ? " Idempotent: send an `Idempotency-Key`." : string.Empty);

        operation.Responses ??= [];
        Problem(operation, "401", "Missing, malformed, stale, replayed or wrongly signed request, or unknown/revoked key.", "partners.signature_invalid", 401);
        Problem(operation, "403", "The caller is not partner staff, or the partnership is suspended or ended.", "partners.partner_not_active", 403);
        Problem(operation, "429", "Over the partner's rate limit; wait Retry-After seconds.", "partners.rate_limited", 429);
        if (changesState)
        {
            Problem(operation, "400", "Bad request, e.g. the Idempotency-Key is missing.", "partners.idempotency_key_missing", 400);
            Problem(operation, "409", "A request with this Idempotency-Key is still running.", "partners.idempotency_in_progress", 409);
            Problem(operation, "422", "The Idempotency-Key was used for a different request.", "partners.idempotency_key_reused", 422);
        }

        if (operation.OperationId is { } id && Examples.TryGetValue(id, out var examples))
        {
            if (examples.Request is { } request && operation.RequestBody?.Content is { } requestContent && requestContent.TryGetValue("application/json", out var requestType))
            {
                requestType.Example = JsonNode.Parse(request);
            }

            if (examples.Response is { } response && operation.Responses.TryGetValue("200", out var ok) && ok.Content is { } okContent && okContent.TryGetValue("application/json", out var responseType))
            {
                responseType.Example = JsonNode.Parse(response);
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiParameter Header(string name, bool required, string example, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = required,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = JsonValue.Create(example),
    };

    /// <summary>Adds the response when missing and gives its problem body an example.</summary>
    private static void Problem(OpenApiOperation operation, string status, string description, string code, int statusCode)
    {
        var example = new JsonObject
        {
            ["type"] = "https://talentpass.example/problems/" + code,
            ["title"] = "Partner API request refused.",
            ["status"] = statusCode,
            ["code"] = code,
            ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        };
        if (operation.Responses!.TryGetValue(status, out var existing) && existing.Content is { } content && content.TryGetValue("application/problem+json", out var media))
        {
            media.Example ??= example;
            return;
        }

        if (existing is not null)
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object }, Example = example },
            },
        };
    }
}
