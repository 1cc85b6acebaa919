using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Http;

namespace TalentPass.Modules.Partners.ApiSecurity;

/// <summary>
/// Per-partner rate limit (System.Threading.RateLimiting, the primitives of ASP.NET Core's rate limiter): a fixed
/// one-minute window per partner organisation with the partner's own limit or <see cref="PartnersOptions.RateLimitPerMinute"/>.
/// The partition key includes the limit, so a changed limit takes effect with the next request. Per node: with N nodes
/// behind a balancer a partner gets at most N × the limit.
/// </summary>
internal sealed class PartnerRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<PartitionKey> limiter = PartitionedRateLimiter.Create<PartitionKey, PartitionKey>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, k => new FixedWindowRateLimiterOptions
        {
            PermitLimit = k.PerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public RateLimitLease Acquire(Guid organisationId, int perMinute) => limiter.AttemptAcquire(new PartitionKey(organisationId, perMinute));

    public void Dispose() => limiter.Dispose();

    internal readonly record struct PartitionKey(Guid OrganisationId, int PerMinute);
}

/// <summary>The endpoint filter of <c>RequirePartnerApi()</c> that applies <see cref="PartnerRateLimiter"/>: 429 <c>partners.rate_limited</c> with Retry-After.</summary>
internal sealed class PartnerRateLimitFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var user = http.RequestServices.GetRequiredService<ICurrentUser>();
        if (user.OrganisationId is not { } organisationId)
        {
            return await next(context);
        }

        var partner = await http.RequestServices.GetRequiredService<PartnerApiCache>().GetPartnerAsync(organisationId, http.RequestServices, http.RequestAborted);
        var perMinute = partner.RateLimitPerMinute ?? http.RequestServices.GetRequiredService<IOptions<PartnersOptions>>().Value.RateLimitPerMinute;
        using var lease = http.RequestServices.GetRequiredService<PartnerRateLimiter>().Acquire(organisationId, perMinute);
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return PartnersErrors.RateLimited.ToProblem();
        }

        return await next(context);
    }
}
