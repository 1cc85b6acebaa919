using Microsoft.AspNetCore.Builder;

namespace TalentPass.Modules.Partners.Contracts;

/// <summary>Financial partners apply voluntarily (M-18); consumer partners are onboarded by the operator.</summary>
public static class PartnerKinds
{
    public const string Financial = "financial";
    public const string Consumer = "consumer";
}

public static class PartnerStatuses
{
    public const string Active = "active";
    public const string Suspended = "suspended";
    public const string Left = "left";
}

/// <summary>An onboarded partner; <see cref="OrganisationId"/> is its Identity organisation (kind Partner).</summary>
public sealed record PartnerInfo(Guid OrganisationId, string Code, string Name, string Kind, string Status);

public interface IPartnerDirectory
{
    Task<PartnerInfo?> GetAsync(Guid organisationId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PartnerInfo>> ListAsync(string? kind = null, CancellationToken cancellationToken = default);
}

/// <summary>Raised after a partner was suspended, reinstated or left (committed). Cards and rights follow.</summary>
public sealed record PartnerStatusChanged(Guid OrganisationId, string FromStatus, string ToStatus, string Reason, DateTimeOffset ChangedAt);

/// <summary>Implemented by modules holding partner-bound state (cards). Register as scoped; called after commit.</summary>
public interface IPartnerStatusHandler
{
    Task HandleAsync(PartnerStatusChanged change, CancellationToken cancellationToken);
}

/// <summary>
/// The partner API: every endpoint a partner system calls uses <see cref="RequirePartnerApi"/>. It accepts HMAC-signed
/// requests with a partner API key (and, for the portal and tests, a bearer token of a partner_staff account); the
/// caller's organisation is <c>ICurrentUser.OrganisationId</c>. State-changing calls must carry an
/// <c>Idempotency-Key</c>; requests are rate-limited per partner.
/// </summary>
public static class PartnerApi
{
    public const string Policy = "partner-api";

    public const string AuthenticationScheme = "PartnerHmac";

    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Partner-API authorization, idempotency (on POST/PUT/PATCH/DELETE) and per-partner rate limits.</summary>
    public static TBuilder RequirePartnerApi<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(Policy);
        foreach (var convention in Conventions)
        {
            convention(builder);
        }

        return builder;
    }

    /// <summary>Set once by the Partners module at start-up (idempotency filter, rate limiter).</summary>
    internal static List<Action<IEndpointConventionBuilder>> Conventions { get; } = [];
}
