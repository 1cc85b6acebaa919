using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Policies.Contracts;
using TalentPass.Modules.Policies.Domain;
using TalentPass.Modules.Policies.Persistence;

namespace TalentPass.Modules.Policies.Features.Registry;

/// <summary>
/// <see cref="IPolicyRegistry"/> over the module's tables. <see cref="PolicyVersionInfo.Status"/> is the stored
/// approval state (draft, proposed, reviewed, approved). A version is in force on a day when it is approved, the day
/// lies in its validity, and no approved successor has taken effect by then.
/// </summary>
internal sealed class PolicyRegistry(PoliciesDbContext db) : IPolicyRegistry
{
    public async Task<PolicyVersionInfo?> FindAsync(string version, CancellationToken cancellationToken = default)
    {
        var label = version?.Trim().ToLowerInvariant();
        var row = await db.Policies.AsNoTracking().FirstOrDefaultAsync(p => p.Label == label, cancellationToken);
        return row is null ? null : Info(row);
    }

    public async Task<IReadOnlyList<PolicyVersionInfo>> ListInForceAsync(string kind, DateOnly on, CancellationToken cancellationToken = default)
    {
        var candidates = await db.Policies.AsNoTracking()
            .Where(p => p.Kind == kind && p.Status == PolicyStatus.Approved && p.ValidFrom <= on && p.ValidTo >= on)
            .ToListAsync(cancellationToken);
        var ids = candidates.Select(c => c.Id).ToList();
        var replaced = await db.Policies.AsNoTracking()
            .Where(p => p.SupersedesId != null && ids.Contains(p.SupersedesId.Value) && p.Status == PolicyStatus.Approved && p.ValidFrom <= on)
            .Select(p => p.SupersedesId!.Value)
            .ToListAsync(cancellationToken);
        return candidates.Where(c => !replaced.Contains(c.Id)).OrderBy(c => c.Label, StringComparer.Ordinal).Select(Info).ToList();
    }

    private static PolicyVersionInfo Info(PolicyRow r) => new(r.Id, r.Kind, r.Label, r.TitleZh, r.TitleEn, r.ValidFrom, r.ValidTo, r.Status);
}
