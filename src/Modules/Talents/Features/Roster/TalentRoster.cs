using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.Modules.Talents.Domain;
using TalentPass.Modules.Talents.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Features.Roster;

/// <summary><see cref="ITalentRoster"/>: keyset pages of non-terminated talents by level and category, in id order.</summary>
internal sealed class TalentRoster(TalentsDbContext db) : ITalentRoster
{
    public async Task<IReadOnlyList<TalentSummary>> ListAsync(
        IReadOnlyCollection<string> levels,
        IReadOnlyCollection<string> categories,
        Guid? afterId,
        int max,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(categories);
        if (levels.Count == 0 || max <= 0)
        {
            return [];
        }

        var query = InScope(levels, categories);
        if (afterId is { } after)
        {
            query = query.Where(t => t.Id.CompareTo(after) > 0);
        }

        var rows = await query.OrderBy(t => t.Id).Take(Math.Min(max, 1000))
            .Select(t => new TalentSummary(t.Id, t.Name, t.Level, t.Category, t.Status, t.AccountId, t.EmployerOrganisationId))
            .ToListAsync(cancellationToken);
        return rows.Select(r => r with { MaskedName = Masking.Name(r.MaskedName) }).ToList();
    }

    public Task<int> CountAsync(IReadOnlyCollection<string> levels, IReadOnlyCollection<string> categories, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(categories);
        return levels.Count == 0 ? Task.FromResult(0) : InScope(levels, categories).CountAsync(cancellationToken);
    }

    private IQueryable<Talent> InScope(IReadOnlyCollection<string> levels, IReadOnlyCollection<string> categories)
    {
        var levelList = levels.ToList();
        var query = db.Talents.AsNoTracking().Where(t => levelList.Contains(t.Level) && t.Status != TalentStatus.Terminated);
        if (categories.Count > 0)
        {
            var categoryList = categories.ToList();
            query = query.Where(t => categoryList.Contains(t.Category));
        }

        return query;
    }
}
