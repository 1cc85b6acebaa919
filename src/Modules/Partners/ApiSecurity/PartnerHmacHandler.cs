using System.Buffers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.Modules.Partners.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Partners.ApiSecurity;

/// <summary>
/// The <see cref="PartnerApi.AuthenticationScheme"/> scheme: a request signed with a partner API key (see
/// <see cref="RequestSigning"/>) becomes a partner_staff principal of the key's organisation (no account id; name
/// <c>api-key:&lt;key id&gt;</c>). Checks in order: headers present and well formed, timestamp within the window, key
/// known and not revoked, body within the size limit, signature, partner active, nonce not seen before (stored
/// with a unique key, so a replay fails on every node). Each failure keeps its problem code for the challenge.
/// Requests without any <c>X-TalentPass-*</c> header give no result (bearer tokens are the other scheme of the policy).
/// For state-changing methods the body is buffered and hashed in every case: the idempotency filter needs it.
/// </summary>
internal sealed partial class PartnerHmacHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<PartnersOptions> partnersOptions,
    PartnerApiCache cache,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string KeyIdClaim = "tp:api_key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers;
        var keyId = headers[RequestSigning.KeyHeader].ToString();
        var signed = keyId.Length > 0
            || headers.ContainsKey(RequestSigning.SignatureHeader)
            || headers.ContainsKey(RequestSigning.TimestampHeader)
            || headers.ContainsKey(RequestSigning.NonceHeader);

        var body = await HashBodyAsync();
        if (!signed)
        {
            return AuthenticateResult.NoResult();
        }

        if (body is null)
        {
            return Fail(PartnersErrors.BodyTooLarge);
        }

        var timestampText = headers[RequestSigning.TimestampHeader].ToString();
        var nonce = headers[RequestSigning.NonceHeader].ToString();
        var signature = headers[RequestSigning.SignatureHeader].ToString();
        if (keyId.Length == 0 || timestampText.Length == 0 || nonce.Length == 0 || signature.Length == 0)
        {
            return Fail(PartnersErrors.SignatureMissing);
        }

        if (!RequestSigning.IsValidKeyId(keyId) || !RequestSigning.IsValidNonce(nonce) || !RequestSigning.TryParseTimestamp(timestampText, out var timestamp))
        {
            return Fail(PartnersErrors.SignatureMalformed);
        }

        var now = clock.GetUtcNow();
        var window = partnersOptions.Value.SignatureWindow;
        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > (long)window.TotalSeconds)
        {
            return Fail(PartnersErrors.TimestampOutOfWindow);
        }

        var key = await cache.GetKeyAsync(keyId, Context.RequestServices, Context.RequestAborted);
        if (key is null)
        {
            return Fail(PartnersErrors.KeyUnknown);
        }

        if (key.Revoked)
        {
            return Fail(PartnersErrors.KeyRevoked);
        }

        var pathAndQuery = Request.PathBase.ToUriComponent() + Request.Path.ToUriComponent() + Request.QueryString.ToUriComponent();
        var canonical = RequestSigning.CanonicalString(keyId, timestamp, nonce, Request.Method, pathAndQuery, body);
        if (!RequestSigning.Matches(key.Secret, canonical, signature))
        {
            LogSignatureInvalid(Logger, keyId);
            return Fail(PartnersErrors.SignatureInvalid);
        }

        var partner = await cache.GetPartnerAsync(key.OrganisationId, Context.RequestServices, Context.RequestAborted);
        if (!partner.AcceptsCalls)
        {
            return Fail(PartnersErrors.PartnerNotActive);
        }

        if (!await RememberNonceAsync(keyId, nonce, now))
        {
            LogReplay(Logger, keyId);
            return Fail(PartnersErrors.NonceReplayed);
        }

        if (cache.ShouldTouch(keyId))
        {
            var db = Context.RequestServices.GetRequiredService<PartnersDbContext>();
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "api-key:" + keyId),
            new(ClaimTypes.Name, "api-key:" + keyId),
            new(ClaimTypes.Role, Roles.PartnerStaff),
            new(TalentPassClaims.OrganisationId, key.OrganisationId.ToString()),
            new(TalentPassClaims.OrganisationKind, "partner"),
            new(TalentPassClaims.DisplayName, partner.Name),
            new(KeyIdClaim, keyId),
        };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (PartnerProblems.GetFailure(Context) is { } failure)
        {
            await PartnerProblems.WriteAsync(Context, failure);
            return;
        }

        // Nothing presented at all: say how to authenticate. A bad bearer token keeps auth.unauthenticated.
        if (Request.Headers.Authorization.Count == 0 && !Request.Cookies.Any())
        {
            await PartnerProblems.WriteAsync(Context, PartnersErrors.SignatureMissing);
        }
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        if (PartnerProblems.GetFailure(Context) is { } failure)
        {
            await PartnerProblems.WriteAsync(Context, failure);
        }
    }

    private AuthenticateResult Fail(Error error)
    {
        PartnerProblems.SetFailure(Context, error);
        return AuthenticateResult.Fail(error.Code);
    }

    /// <summary>Hex SHA-256 of the body (kept in the request items), or null when it is larger than allowed.</summary>
    private async Task<string?> HashBodyAsync()
    {
        if (Context.Items.TryGetValue(PartnerProblems.BodySha256Item, out var known))
        {
            return known as string;
        }

        var max = partnersOptions.Value.MaxBodyBytes;
        if (Request.ContentLength > max)
        {
            Context.Items[PartnerProblems.BodySha256Item] = null;
            return null;
        }

        if (HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method) || HttpMethods.IsOptions(Request.Method))
        {
            Context.Items[PartnerProblems.BodySha256Item] = RequestSigning.EmptyBodySha256;
            return RequestSigning.EmptyBodySha256;
        }

        Request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: max + 1);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        long total = 0;
        try
        {
            int read;
            while ((read = await Request.Body.ReadAsync(buffer, Context.RequestAborted)) > 0)
            {
                total += read;
                if (total > max)
                {
                    Context.Items[PartnerProblems.BodySha256Item] = null;
                    return null;
                }

                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Request.Body.Position = 0;
        }

        var hex = Convert.ToHexStringLower(hash.GetHashAndReset());
        Context.Items[PartnerProblems.BodySha256Item] = hex;
        return hex;
    }

    /// <summary>False when the nonce was used with this key before (on any node: the primary key decides).</summary>
    private async Task<bool> RememberNonceAsync(string keyId, string nonce, DateTimeOffset now)
    {
        var db = Context.RequestServices.GetRequiredService<PartnersDbContext>();
        var inserted = db.Database.IsSqlite()
            ? await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO partners_nonces (key_id, nonce, seen_at) VALUES ({keyId}, {nonce}, {now.UtcTicks}) ON CONFLICT DO NOTHING",
                Context.RequestAborted)
            : await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO partners_nonces (key_id, nonce, seen_at) VALUES ({keyId}, {nonce}, {now.ToUniversalTime()}) ON CONFLICT DO NOTHING",
                Context.RequestAborted);
        return inserted == 1;
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Partner API signature invalid for key {KeyId}")]
    private static partial void LogSignatureInvalid(ILogger logger, string keyId);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Partner API nonce replayed for key {KeyId}")]
    private static partial void LogReplay(ILogger logger, string keyId);
}
