using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.Modules.Partners.Persistence;

namespace TalentPass.Modules.Partners.ApiSecurity;

/// <summary>What the partner API needs to know about a calling organisation on every request.</summary>
internal sealed record PartnerState(Guid OrganisationId, string Name, bool IsPartnerOrganisation, bool OrganisationActive, string? Status, int? RateLimitPerMinute)
{
    /// <summary>
    /// A Partner organisation that is active in Identity and, when onboarded here, active. (A Partner organisation
    /// created directly in Identity without a partners row is accepted: it has no status to check.)
    /// </summary>
    public bool AcceptsCalls => IsPartnerOrganisation && OrganisationActive && (Status is null || Status == PartnerStatuses.Active);
}

internal sealed record ApiKeyState(Guid Id, string KeyId, Guid OrganisationId, string Secret, bool Revoked, bool IsSandbox, string Label);

/// <summary>
/// Per-node cache of partner states and API keys for <see cref="PartnersOptions.CacheInterval"/> (so a busy partner
/// system does not cost database reads on every call); changes on this node drop the entry at once, changes on other
/// nodes are seen within the interval. Also throttles <c>last_used_at</c> writes to one per key and minute.
/// </summary>
internal sealed class PartnerApiCache(TimeProvider clock, IOptions<PartnersOptions> options)
{
    private const int MaxEntries = 50_000;
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<Guid, Entry<PartnerState>> partners = new();
    private readonly ConcurrentDictionary<string, Entry<ApiKeyState?>> keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> touched = new(StringComparer.Ordinal);

    public async ValueTask<PartnerState> GetPartnerAsync(Guid organisationId, IServiceProvider services, CancellationToken ct)
    {
        if (partners.TryGetValue(organisationId, out var entry) && Fresh(entry.ReadAt))
        {
            return entry.Value;
        }

        var organisation = await services.GetRequiredService<IOrganisationDirectory>().GetAsync(organisationId, ct);
        var row = await services.GetRequiredService<PartnersDbContext>().Partners.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId)
            .Select(p => new { p.Status, p.RateLimitPerMinute, p.Name })
            .SingleOrDefaultAsync(ct);
        var state = new PartnerState(
            organisationId,
            row?.Name ?? organisation?.Name ?? string.Empty,
            organisation?.Kind == OrganisationKind.Partner,
            organisation?.IsActive == true,
            row?.Status,
            row?.RateLimitPerMinute);
        Store(partners, organisationId, state);
        return state;
    }

    public async ValueTask<ApiKeyState?> GetKeyAsync(string keyId, IServiceProvider services, CancellationToken ct)
    {
        if (keys.TryGetValue(keyId, out var entry) && Fresh(entry.ReadAt))
        {
            return entry.Value;
        }

        var row = await services.GetRequiredService<PartnersDbContext>().ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyId == keyId, ct);
        var state = row is null
            ? null
            : new ApiKeyState(
                row.Id,
                row.KeyId,
                row.OrganisationId,
                services.GetRequiredService<IFieldProtector>().Unprotect(row.SecretCipher),
                row.RevokedAt is not null,
                row.IsSandbox,
                row.Label);
        Store(keys, keyId, state);
        return state;
    }

    /// <summary>True at most once per key and <see cref="TouchInterval"/>: the caller then writes <c>last_used_at</c>.</summary>
    public bool ShouldTouch(string keyId)
    {
        var now = clock.GetUtcNow();
        if (touched.TryGetValue(keyId, out var last) && now - last < TouchInterval)
        {
            return false;
        }

        if (touched.Count >= MaxEntries)
        {
            touched.Clear();
        }

        touched[keyId] = now;
        return true;
    }

    public void InvalidatePartner(Guid organisationId) => partners.TryRemove(organisationId, out _);

    public void InvalidateKey(string keyId) => keys.TryRemove(keyId, out _);

    private bool Fresh(DateTimeOffset readAt) => clock.GetUtcNow() - readAt < options.Value.CacheInterval;

    private void Store<TKey, TValue>(ConcurrentDictionary<TKey, Entry<TValue>> map, TKey key, TValue value)
        where TKey : notnull
    {
        if (options.Value.CacheInterval <= TimeSpan.Zero)
        {
            return;
        }

        if (map.Count >= MaxEntries)
        {
            map.Clear();
        }

        map[key] = new Entry<TValue>(value, clock.GetUtcNow());
    }

    private sealed record Entry<T>(T Value, DateTimeOffset ReadAt);
}
