using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.Modules.Partners.Persistence;

namespace TalentPass.Modules.Partners.ApiSecurity;

/// <summary>
/// The endpoint filter of <c>RequirePartnerApi()</c> for POST, PUT, PATCH and DELETE: the call needs an
/// <c>Idempotency-Key</c> (400 <c>partners.idempotency_key_missing</c>); the key is claimed per partner with an insert
/// on a primary key (multi-node safe). The first call runs and its response (status, content type, Location, body)
/// is stored; the same key with the same method, path+query and body replays the stored response with
/// <c>Idempotent-Replayed: true</c>; with a different request it is 422 <c>partners.idempotency_key_reused</c>; while
/// the first call still runs, 409 <c>partners.idempotency_in_progress</c>. 5xx answers and exceptions release the key.
/// A claim left behind by a crashed node is taken over after <see cref="AbandonedAfter"/>. Kept for
/// <see cref="PartnersOptions.IdempotencyRetention"/>.
/// </summary>
internal sealed class IdempotencyFilter : IEndpointFilter
{
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int KeyMax = 128;
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        if (!(HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method)))
        {
            return await next(context);
        }

        var services = http.RequestServices;
        if (services.GetRequiredService<ICurrentUser>().OrganisationId is not { } organisationId)
        {
            return await next(context);
        }

        var key = http.Request.Headers[PartnerApi.IdempotencyKeyHeader].ToString();
        if (key.Length == 0)
        {
            return PartnersErrors.IdempotencyKeyMissing.ToProblem();
        }

        if (!IsValidKey(key))
        {
            return PartnersErrors.IdempotencyKeyInvalid.ToProblem();
        }

        var requestHash = await FingerprintAsync(http);
        var db = services.GetRequiredService<PartnersDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var retention = services.GetRequiredService<IOptions<PartnersOptions>>().Value.IdempotencyRetention;

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var now = clock.GetUtcNow();
            if (await ClaimAsync(db, organisationId, key, requestHash, now, now + retention, http.RequestAborted))
            {
                object? result;
                try
                {
                    result = await next(context);
                }
                catch
                {
                    await ReleaseAsync(db, organisationId, key);
                    throw;
                }

                return new RecordingResult(Normalise(result), organisationId, key);
            }

            var existing = await db.Idempotency.AsNoTracking()
                .SingleOrDefaultAsync(r => r.OrganisationId == organisationId && r.IdempotencyKey == key, http.RequestAborted);
            if (existing is null)
            {
                continue; // released meanwhile: claim again
            }

            if (existing.ExpiresAt <= now || (existing.ResponseStatus == 0 && existing.CreatedAt <= now - AbandonedAfter))
            {
                await db.Idempotency
                    .Where(r => r.OrganisationId == organisationId && r.IdempotencyKey == key && r.CreatedAt == existing.CreatedAt)
                    .ExecuteDeleteAsync(http.RequestAborted);
                continue;
            }

            if (!string.Equals(existing.RequestHash, requestHash, StringComparison.Ordinal))
            {
                return PartnerProblems.Unprocessable(PartnersErrors.IdempotencyKeyReused);
            }

            if (existing.ResponseStatus == 0)
            {
                return PartnersErrors.IdempotencyInProgress.ToProblem();
            }

            return new ReplayResult(existing.ResponseStatus, existing.ResponseContentType, existing.ResponseLocation, existing.ResponseBody ?? []);
        }

        return PartnersErrors.IdempotencyInProgress.ToProblem();
    }

    internal static bool IsValidKey(string key) =>
        key.Length is > 0 and <= KeyMax && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    private static async Task<string> FingerprintAsync(HttpContext http)
    {
        var bodyHash = http.Items.TryGetValue(PartnerProblems.BodySha256Item, out var known) && known is string hex
            ? hex
            : await HashBodyAsync(http);
        var text = string.Join('\n', http.Request.Method.ToUpperInvariant(), http.Request.Path.ToUriComponent() + http.Request.QueryString.ToUriComponent(), bodyHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static async Task<string> HashBodyAsync(HttpContext http)
    {
        if (!http.Request.Body.CanSeek)
        {
            return RequestSigning.EmptyBodySha256;
        }

        http.Request.Body.Position = 0;
        var hash = await SHA256.HashDataAsync(http.Request.Body, http.RequestAborted);
        return Convert.ToHexStringLower(hash);
    }

    private static async Task<bool> ClaimAsync(PartnersDbContext db, Guid organisationId, string key, string requestHash, DateTimeOffset now, DateTimeOffset expires, CancellationToken ct)
    {
        var inserted = db.Database.IsSqlite()
            ? await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO partners_idempotency (organisation_id, idempotency_key, request_hash, response_status, created_at, expires_at) VALUES ({organisationId}, {key}, {requestHash}, 0, {now.UtcTicks}, {expires.UtcTicks}) ON CONFLICT DO NOTHING",
                ct)
            : await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO partners_idempotency (organisation_id, idempotency_key, request_hash, response_status, created_at, expires_at) VALUES ({organisationId}, {key}, {requestHash}, 0, {now.ToUniversalTime()}, {expires.ToUniversalTime()}) ON CONFLICT DO NOTHING",
                ct);
        return inserted == 1;
    }

    private static Task ReleaseAsync(PartnersDbContext db, Guid organisationId, string key) =>
        db.Idempotency.Where(r => r.OrganisationId == organisationId && r.IdempotencyKey == key && r.ResponseStatus == 0)
            .ExecuteDeleteAsync(CancellationToken.None);

    private static IResult Normalise(object? result) => result switch
    {
        IResult r => r,
        null => TypedResults.Empty,
        string s => TypedResults.Text(s),
        _ => TypedResults.Json(result),
    };

    /// <summary>Executes the endpoint's result into a buffer, stores it against the key (or releases the key on 5xx), then sends it.</summary>
    private sealed class RecordingResult(IResult inner, Guid organisationId, string key) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var original = httpContext.Response.Body;
            using var buffer = new MemoryStream();
            httpContext.Response.Body = buffer;
            try
            {
                await inner.ExecuteAsync(httpContext);
                await httpContext.Response.Body.FlushAsync(httpContext.RequestAborted);
            }
            finally
            {
                httpContext.Response.Body = original;
            }

            var db = httpContext.RequestServices.GetRequiredService<PartnersDbContext>();
            var status = httpContext.Response.StatusCode;
            if (status >= 500)
            {
                await ReleaseAsync(db, organisationId, key);
            }
            else
            {
                var body = buffer.ToArray();
                var contentType = httpContext.Response.ContentType;
                var location = httpContext.Response.Headers.Location.ToString();
                await db.Idempotency.Where(r => r.OrganisationId == organisationId && r.IdempotencyKey == key && r.ResponseStatus == 0)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(r => r.ResponseStatus, status)
                            .SetProperty(r => r.ResponseContentType, contentType)
                            .SetProperty(r => r.ResponseLocation, location.Length == 0 ? null : location)
                            .SetProperty(r => r.ResponseBody, body),
                        CancellationToken.None);
            }

            buffer.Position = 0;
            await buffer.CopyToAsync(original, httpContext.RequestAborted);
        }
    }

    private sealed class ReplayResult(int status, string? contentType, string? location, byte[] body) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.Headers[ReplayedHeader] = "true";
            if (contentType is not null)
            {
                httpContext.Response.ContentType = contentType;
            }

            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }

            if (body.Length > 0)
            {
                await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
            }
        }
    }
}
