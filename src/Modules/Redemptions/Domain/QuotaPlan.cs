using System.Globalization;
using TalentPass.Modules.Rights.Contracts;

namespace TalentPass.Modules.Redemptions.Domain;

/// <summary>One quota counter a redemption takes a unit from, with the limit in force.</summary>
internal sealed record CounterKey(string Scope, string ScopeKey, string PeriodKey, int Limit);

/// <summary>
/// Which counters a redemption takes: one per quota of the right (overall; per talent keyed by the talent — family
/// members count against the talent who holds the right; per service point keyed by the organisation) in the
/// current period (Asia/Shanghai business day, month or year), plus the chosen pool's inventory. Counters are sorted
/// so that concurrent transactions lock them in the same order (no deadlocks on PostgreSQL).
/// </summary>
internal static class QuotaPlan
{
    /// <summary>The scope of a pool's inventory counter (scope key = pool code, no period).</summary>
    public const string PoolScope = "pool";

    public const string NoPeriod = "-";

    public static string PeriodKey(string period, DateOnly day) => period switch
    {
        QuotaPeriods.Day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        QuotaPeriods.Month => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        QuotaPeriods.Year => day.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => NoPeriod,
    };

    public static string ScopeKey(string scope, Guid talentId, Guid servicePointId) => scope switch
    {
        QuotaScopes.PerTalent => talentId.ToString("N"),
        QuotaScopes.PerServicePoint => servicePointId.ToString("N"),
        _ => string.Empty,
    };

    public static IReadOnlyList<CounterKey> For(RightDefinition right, Guid talentId, Guid servicePointId, string? poolCode, DateOnly day)
    {
        var keys = new List<CounterKey>(right.Quotas.Count + 1);
        foreach (var quota in right.Quotas)
        {
            keys.Add(new CounterKey(quota.Scope, ScopeKey(quota.Scope, talentId, servicePointId), PeriodKey(quota.Period, day), quota.Limit));
        }

        if (poolCode is not null && right.Pools.FirstOrDefault(p => p.Code == poolCode) is { } pool)
        {
            keys.Add(new CounterKey(PoolScope, pool.Code, NoPeriod, pool.Capacity));
        }

        keys.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Scope, b.Scope);
            c = c != 0 ? c : string.CompareOrdinal(a.ScopeKey, b.ScopeKey);
            return c != 0 ? c : string.CompareOrdinal(a.PeriodKey, b.PeriodKey);
        });
        return keys;
    }

    /// <summary>The counters as stored on the redemption row (one "scope|key|period" per line).</summary>
    public static string Serialize(IReadOnlyList<CounterKey> keys) =>
        string.Join('\n', keys.Select(k => $"{k.Scope}|{k.ScopeKey}|{k.PeriodKey}"));

    public static IReadOnlyList<CounterKey> Parse(string stored) =>
        stored.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|'))
            .Where(parts => parts.Length == 3)
            .Select(parts => new CounterKey(parts[0], parts[1], parts[2], 0))
            .ToList();
}
