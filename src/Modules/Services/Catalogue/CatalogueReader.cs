using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Services.Domain;
using TalentPass.Modules.Services.Persistence;

namespace TalentPass.Modules.Services.Catalogue;

/// <summary>A matter with the definition of the version new applications get.</summary>
internal sealed record CurrentMatter(MatterRow Matter, int Version, MatterDefinition Definition);

/// <summary>
/// Reads the catalogue. Published versions never change, so their parsed definitions are cached for the life of
/// the process (<see cref="DefinitionCache"/>); which version is current is read from the database each time.
/// </summary>
internal sealed class CatalogueReader(ServicesDbContext db, DefinitionCache cache, IOrganisationDirectory organisations)
{
    public async Task<CurrentMatter?> FindCurrentAsync(string code, CancellationToken ct)
    {
        var matter = await db.Matters.AsNoTracking().SingleOrDefaultAsync(m => m.Code == code, ct);
        return matter is null ? null : new CurrentMatter(matter, matter.CurrentVersion, await DefinitionAsync(code, matter.CurrentVersion, ct));
    }

    public async Task<IReadOnlyDictionary<string, CurrentMatter>> CurrentAsync(IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var matters = await db.Matters.AsNoTracking().Where(m => codes.Contains(m.Code)).ToListAsync(ct);
        var result = new Dictionary<string, CurrentMatter>(StringComparer.Ordinal);
        foreach (var m in matters)
        {
            result[m.Code] = new CurrentMatter(m, m.CurrentVersion, await DefinitionAsync(m.Code, m.CurrentVersion, ct));
        }

        return result;
    }

    public async Task<MatterDefinition> DefinitionAsync(string code, int version, CancellationToken ct)
    {
        if (cache.TryGet(code, version, out var cached))
        {
            return cached;
        }

        var json = await db.MatterVersions.AsNoTracking().Where(v => v.MatterCode == code && v.Number == version).Select(v => v.Definition).SingleAsync(ct);
        var definition = MatterDefinition.FromJson(json);
        cache.Set(code, version, definition);
        return definition;
    }

    public async Task<Dictionary<string, string>> MatterNamesAsync(CancellationToken ct) =>
        await db.Matters.AsNoTracking().ToDictionaryAsync(m => m.Code, m => Ui.Loc.T(m.NameZh, m.NameEn), StringComparer.Ordinal, ct);

    /// <summary>Organisation code → id for the organisations that own steps (departments and the talent office).</summary>
    public async Task<Dictionary<string, Guid>> DepartmentIdsAsync(CancellationToken ct)
    {
        var all = await organisations.ListAsync(null, ct);
        return all.Where(o => o.Kind is OrganisationKind.Department or OrganisationKind.TalentOffice)
            .ToDictionary(o => o.Code, o => o.Id, StringComparer.Ordinal);
    }

    public async Task<Dictionary<Guid, OrganisationSummary>> DepartmentsByIdAsync(CancellationToken ct)
    {
        var all = await organisations.ListAsync(null, ct);
        return all.Where(o => o.Kind is OrganisationKind.Department or OrganisationKind.TalentOffice).ToDictionary(o => o.Id);
    }
}

/// <summary>Parsed definitions of published (immutable) matter versions.</summary>
internal sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<(string, int), MatterDefinition> definitions = new();

    public bool TryGet(string code, int version, out MatterDefinition definition) => definitions.TryGetValue((code, version), out definition!);

    public void Set(string code, int version, MatterDefinition definition) => definitions[(code, version)] = definition;
}
