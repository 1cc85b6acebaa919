using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Redemptions.Domain;
using TalentPass.Modules.Redemptions.Features.Lookup;
using TalentPass.Modules.Redemptions.Persistence;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Redemptions.Features.Usage;

/// <summary>
/// <see cref="IRightsUsage"/>: what is left of each right's quotas for one talent now, read from the counters of the
/// current periods (one query for all rights) and the talent's last redemption of each.
/// </summary>
internal sealed class RightsUsage(RedemptionsDbContext db, IRightsCatalogue catalogue, TimeProvider clock) : IRightsUsage
{
    public async Task<IReadOnlyDictionary<Guid, RightUsage>> GetForTalentAsync(Guid talentId, IReadOnlyList<Guid> rightIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rightIds);
        var result = new Dictionary<Guid, RightUsage>();
        if (rightIds.Count == 0)
        {
            return result;
        }

        var ids = rightIds.Distinct().ToList();
        var talentKey = QuotaPlan.ScopeKey(QuotaScopes.PerTalent, talentId, Guid.Empty);
        var counters = await db.Counters.AsNoTracking()
            .Where(c => ids.Contains(c.RightId) && (c.Scope == QuotaScopes.Overall || c.Scope == QuotaPlan.PoolScope || (c.Scope == QuotaScopes.PerTalent && c.ScopeKey == talentKey)))
            .ToListAsync(cancellationToken);
        var lastUsed = await db.Redemptions.AsNoTracking()
            .Where(r => r.TalentId == talentId && ids.Contains(r.RightId) && r.Status == RedemptionStatuses.Redeemed)
            .GroupBy(r => r.RightId)
            .Select(g => new { RightId = g.Key, Last = g.Max(r => r.OccurredAt) })
            .ToListAsync(cancellationToken);
        var day = BusinessTime.Today(clock);
        foreach (var id in ids)
        {
            var right = await CatalogueIndex.FindAsync(catalogue, id, cancellationToken);
            if (right is null)
            {
                continue;
            }

            int Used(string scope, string key, string period) =>
                counters.FirstOrDefault(c => c.RightId == id && c.Scope == scope && c.ScopeKey == key && c.PeriodKey == period)?.Used ?? 0;

            var perTalent = right.Quotas.FirstOrDefault(q => q.Scope == QuotaScopes.PerTalent);
            var overall = right.Quotas.FirstOrDefault(q => q.Scope == QuotaScopes.Overall);
            var usedByTalent = perTalent is null ? 0 : Used(QuotaScopes.PerTalent, talentKey, QuotaPlan.PeriodKey(perTalent.Period, day));
            var pools = right.Pools.ToDictionary(p => p.Code, p => Math.Max(0, p.Capacity - Used(QuotaPlan.PoolScope, p.Code, QuotaPlan.NoPeriod)));
            result[id] = new RightUsage(
                id,
                usedByTalent,
                perTalent is null ? null : Math.Max(0, perTalent.Limit - usedByTalent),
                overall is null ? null : Math.Max(0, overall.Limit - Used(QuotaScopes.Overall, string.Empty, QuotaPlan.PeriodKey(overall.Period, day))),
                pools,
                lastUsed.FirstOrDefault(l => l.RightId == id)?.Last);
        }

        return result;
    }
}
