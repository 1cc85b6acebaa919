using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Webhooks.Domain;
using TalentPass.Modules.Webhooks.Persistence;

namespace TalentPass.Modules.Webhooks.Features.Delivery;

/// <summary>Where a partner's events go and the keys that sign them (current key first, then the previous one while it overlaps).</summary>
internal sealed record DeliveryTarget(Uri Url, IReadOnlyList<byte[]> Keys);

/// <summary>Loads the delivery targets of the partners in a claimed batch; decrypted secrets are cached per endpoint version.</summary>
internal sealed class EndpointKeys(IServiceScopeFactory scopes, IFieldProtector protector)
{
    private readonly Dictionary<Guid, (int Version, DateTimeOffset? PreviousUntil, DeliveryTarget Target)> cache = [];
    private readonly Lock gate = new();

    public async Task<IReadOnlyDictionary<Guid, DeliveryTarget>> LoadAsync(IEnumerable<Guid> partners, DateTimeOffset now, CancellationToken ct)
    {
        var ids = partners.Distinct().ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebhooksDbContext>();
        var rows = await db.Endpoints.AsNoTracking().Where(e => ids.Contains(e.PartnerOrganisationId) && e.Enabled).ToListAsync(ct);
        var result = new Dictionary<Guid, DeliveryTarget>();
        lock (gate)
        {
            foreach (var row in rows)
            {
                var overlap = row.PreviousSecretCipher is not null && row.PreviousSecretExpiresAt > now;
                if (!cache.TryGetValue(row.PartnerOrganisationId, out var hit) || hit.Version != row.Version || (hit.PreviousUntil is not null) != overlap)
                {
                    var keys = new List<byte[]> { WebhookSigner.Key(protector.Unprotect(row.SecretCipher)) };
                    if (overlap)
                    {
                        keys.Add(WebhookSigner.Key(protector.Unprotect(row.PreviousSecretCipher!)));
                    }

                    hit = (row.Version, overlap ? row.PreviousSecretExpiresAt : null, new DeliveryTarget(new Uri(row.Url), keys));
                    cache[row.PartnerOrganisationId] = hit;
                }

                result[row.PartnerOrganisationId] = hit.Target;
            }
        }

        return result;
    }
}
