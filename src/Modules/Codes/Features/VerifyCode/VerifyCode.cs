using System.Buffers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Codes.Domain;
using TalentPass.Modules.Codes.Features.IssueCode;
using TalentPass.Modules.Codes.Features.Keys;
using TalentPass.Modules.Codes.Features.Scans;
using TalentPass.Modules.Codes.Features.Subjects;
using TalentPass.Modules.Codes.Persistence;
using TalentPass.SharedKernel;
using TalentPass.Verifier;

namespace TalentPass.Modules.Codes.Features.VerifyCode;

/// <summary>The request shape (documented in OpenAPI; the body is read by hand, see <see cref="VerifyCodeEndpoint"/>).</summary>
internal sealed record VerifyCodeRequest(string? Code);

/// <summary>The answer for every outcome; claim fields are null when the signature could not be checked.</summary>
internal sealed record VerifyCodeResponse(
    string Outcome,
    string Reason,
    string? Level,
    string? Category,
    string? MaskedName,
    IReadOnlyList<string>? Rights,
    string? Mode,
    DateTimeOffset? ExpiresAt,
    Guid ScanId,
    DateTimeOffset ScannedAt);

/// <summary>
/// Online verification for service-point and partner staff: the verifier library checks format, signature (keys
/// from <see cref="KeyRing"/>) and time window with one period of clock tolerance; then the talent's current
/// status comes from <see cref="StatusCache"/> (this node's changes at once). Every scan is queued to the scan log
/// with the SHA-256 of the code, never the code. A singleton with no database round trip on the hot path.
/// </summary>
internal sealed class VerifyCodeHandler(KeyRing keys, StatusCache statuses, ScanWriter scans, IOptions<CodesOptions> options, TimeProvider clock)
{
    public int MaxBodyBytes => options.Value.MaxVerifyBodyBytes;

    public async Task<VerifyCodeResponse> VerifyAsync(string code, ClaimsPrincipal user, CancellationToken ct)
    {
        await keys.CurrentAsync(ct);
        await statuses.EnsureLoadedAsync(ct);
        var now = clock.GetUtcNow();
        var tolerance = options.Value.Period;
        var result = TalentCode.Verify(code, keys, now, tolerance);
        if (result.Outcome == VerificationOutcome.UnknownKey && await keys.ReloadAfterMissAsync(ct))
        {
            result = TalentCode.Verify(code, keys, now, tolerance);
        }

        var outcome = result.Outcome;
        var claims = result.Claims;
        if (outcome == VerificationOutcome.Valid && claims is not null)
        {
            await statuses.EnsureHoldsAsync(claims.StatusListId, ct);
            outcome = statuses.Get(claims.StatusListId, claims.StatusListIndex) switch
            {
                EntryStatus.Suspended => VerificationOutcome.Suspended,
                EntryStatus.Terminated => VerificationOutcome.Terminated,
                _ => VerificationOutcome.Valid,
            };
        }

        var outcomeCode = VerificationResult.OutcomeCode(outcome);
        var mode = claims is null ? null : IssueCodeHandler.ModeName(claims.Mode);
        var hash = result.CodeHash.Length == 32 ? Convert.ToHexStringLower(result.CodeHash.Span) : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
        var current = new ClaimsCurrentUser(user);
        var scan = new ScanRow
        {
            Id = Guid.CreateVersion7(now),
            ScannedAt = now,
            AccountId = current.AccountId,
            OrganisationId = current.OrganisationId,
            Outcome = outcomeCode,
            CodeHash = hash,
            StatusListId = claims is null ? null : (int)claims.StatusListId,
            StatusListIndex = claims is null ? null : (int)claims.StatusListIndex,
            Level = claims?.Level,
            MaskedName = claims?.MaskedName,
            Mode = mode,
        };
        await scans.EnqueueAsync(scan, ct);
        return new VerifyCodeResponse(
            outcomeCode,
            Reason(outcome),
            claims?.Level,
            claims?.Category,
            claims?.MaskedName,
            claims is null ? null : LevelRights.ToNames(claims.Rights),
            mode,
            claims?.ExpiresAt,
            scan.Id,
            now);
    }

    public static string Reason(VerificationOutcome outcome) => outcome switch
    {
        VerificationOutcome.Valid => "有效的人才码 / A valid talent code.",
        VerificationOutcome.Expired => "人才码已过期，请刷新后重新出示 / The code has expired: ask the talent to refresh it.",
        VerificationOutcome.InvalidSignature => "签名无效，人才码可能被篡改 / The signature does not verify: the code may be forged or altered.",
        VerificationOutcome.UnknownKey => "签发密钥不受信任 / The code was signed by a key that is not trusted.",
        VerificationOutcome.Suspended => "该人才的权益已暂停 / The talent's rights are suspended.",
        VerificationOutcome.Terminated => "该人才的权益已终止 / The talent's rights are terminated.",
        VerificationOutcome.Malformed => "不是有效的人才码 / This is not a talent code.",
        _ => "无法确定 / Cannot be determined.",
    };
}

/// <summary>
/// POST /api/v1/codes/verify. The body is read by hand: a Content-Length above the limit, or more bytes than the
/// limit on a chunked body, is refused with 413 before any parsing; then <c>{"code": "…"}</c> is read with a
/// <see cref="Utf8JsonReader"/> (no model binding on the hot path).
/// </summary>
internal static class VerifyCodeEndpoint
{
    public static void Map(RouteGroupBuilder codes, string[] roles)
    {
        codes.MapPost("/verify", HandleAsync)
            .RequireAuthorization(p => p.RequireRole(roles))
            .WithName("VerifyCode")
            .WithSummary("Verify a talent code online (service-point and partner staff); 200 with the outcome for every code")
            .Accepts<VerifyCodeRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    internal static async Task<Results<Ok<VerifyCodeResponse>, ProblemHttpResult>> HandleAsync(HttpContext context, VerifyCodeHandler handler)
    {
        var max = handler.MaxBodyBytes;
        if (context.Request.ContentLength > max)
        {
            return TooLarge();
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }

        var ct = context.RequestAborted;
        var buffer = ArrayPool<byte>.Shared.Rent(max + 1);
        try
        {
            var total = 0;
            try
            {
                int read;
                while ((read = await context.Request.Body.ReadAsync(buffer.AsMemory(total, max + 1 - total), ct)) > 0)
                {
                    total += read;
                    if (total > max)
                    {
                        return TooLarge();
                    }
                }
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge();
            }

            if (!TryReadCode(buffer.AsSpan(0, total), out var code))
            {
                return CodesErrors.BodyMalformed.ToProblem();
            }

            if (string.IsNullOrWhiteSpace(code))
            {
                return CodesErrors.CodeMissing.ToProblem();
            }

            return TypedResults.Ok(await handler.VerifyAsync(code, context.User, ct));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads the "code" member (case-insensitive, like the web JSON defaults) of a JSON object; false if not JSON.</summary>
    internal static bool TryReadCode(ReadOnlySpan<byte> body, out string? code)
    {
        code = null;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    return reader.CurrentDepth == 0 && !reader.Read();
                }

                var isCode = reader.ValueTextEquals("code"u8) || string.Equals(reader.GetString(), "code", StringComparison.OrdinalIgnoreCase);
                reader.Read();
                if (isCode && reader.TokenType == JsonTokenType.String)
                {
                    code = reader.GetString();
                }
                else if (isCode && reader.TokenType != JsonTokenType.Null)
                {
                    return false;
                }
                else
                {
                    reader.Skip();
                }
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static ProblemHttpResult TooLarge()
    {
        var problem = CodesErrors.TooLarge.ToProblem();
        problem.ProblemDetails.Status = StatusCodes.Status413PayloadTooLarge;
        problem.ProblemDetails.Title = "The request body is too large.";
        return problem;
    }
}
