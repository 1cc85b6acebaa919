using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.Modules.Rights.Domain;
using TalentPass.Modules.Rights.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Rights.Catalogue;

internal sealed record OrganisationRef(Guid Id, string Code, string Name);

internal sealed record RightListItem(
    Guid Id,
    string Code,
    string Kind,
    string NameZh,
    string NameEn,
    OrganisationRef Provider,
    IReadOnlyList<string> Levels,
    IReadOnlyList<string> FamilyRelations,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    string Status,
    long Revision,
    bool CanManage);

internal sealed record RevisionView(long Revision, string Action, IReadOnlyList<string> ChangedFields, string? Note, DateTimeOffset ChangedAt, Guid? ChangedBy);

internal sealed record RightDetail(
    RightDefinition Right,
    OrganisationRef Provider,
    IReadOnlyList<OrganisationRef> ServicePoints,
    bool IsDemo,
    bool CanManage,
    IReadOnlyList<RevisionView> History);

internal sealed record CatalogueFilter(string? Query, string? Kind, string? Level, string? Status, Guid? Provider, bool MineOnly);

/// <summary>Catalogue reads for the management pages and API: search, filters and pagination over the in-memory catalogue.</summary>
internal sealed class CatalogueQueries(RightsDbContext db, RightsCatalogue catalogue, IOrganisationDirectory organisations, ICurrentUser user)
{
    public async Task<Page<RightListItem>> SearchAsync(CatalogueFilter filter, PageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        var orgs = await OrganisationsAsync(ct);
        IEnumerable<RightDefinition> rights = await catalogue.AllAsync(ct);
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var q = filter.Query.Trim();
            rights = rights.Where(r => r.Code.Contains(q, StringComparison.OrdinalIgnoreCase) || r.NameZh.Contains(q, StringComparison.OrdinalIgnoreCase)
                || r.NameEn.Contains(q, StringComparison.OrdinalIgnoreCase) || Ref(orgs, r.ProviderOrganisationId).Name.Contains(q, StringComparison.OrdinalIgnoreCase));
        }

        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            rights = rights.Where(r => r.Kind == filter.Kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Level))
        {
            rights = rights.Where(r => r.Levels.Contains(filter.Level, StringComparer.Ordinal));
        }

        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            rights = rights.Where(r => r.Status == filter.Status);
        }

        if (filter.Provider is { } provider)
        {
            rights = rights.Where(r => r.ProviderOrganisationId == provider);
        }

        if (filter.MineOnly)
        {
            rights = rights.Where(r => CatalogueWriter.CanManage(user, r.Kind, r.ProviderOrganisationId));
        }

        var ordered = rights.OrderBy(r => r.Status == RightCodes.Active ? 0 : 1).ThenBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
        var items = ordered.Skip(page.Skip).Take(page.SafeSize)
            .Select(r => new RightListItem(r.Id, r.Code, r.Kind, r.NameZh, r.NameEn, Ref(orgs, r.ProviderOrganisationId), r.Levels, r.FamilyRelations,
                r.ValidFrom, r.ValidTo, r.Status, r.Revision, CatalogueWriter.CanManage(user, r.Kind, r.ProviderOrganisationId)))
            .ToList();
        return new Page<RightListItem>(items, page.SafePage, page.SafeSize, ordered.Count);
    }

    public async Task<Result<RightDetail>> DetailAsync(Guid id, CancellationToken ct)
    {
        var right = await catalogue.GetAsync(id, ct);
        if (right is null)
        {
            return RightsErrors.RightNotFound;
        }

        var orgs = await OrganisationsAsync(ct);
        var isDemo = await db.Rights.AsNoTracking().Where(r => r.Id == id).Select(r => r.IsDemo).SingleOrDefaultAsync(ct);
        var history = await db.Revisions.AsNoTracking().Where(r => r.RightId == id).OrderByDescending(r => r.Revision).Take(200).ToListAsync(ct);
        return new RightDetail(
            right,
            Ref(orgs, right.ProviderOrganisationId),
            right.ServicePointOrganisationIds.Select(sp => Ref(orgs, sp)).ToList(),
            isDemo,
            CatalogueWriter.CanManage(user, right.Kind, right.ProviderOrganisationId),
            history.Select(h => new RevisionView(h.Revision, h.Action, h.ChangedFields.Split(',', StringSplitOptions.RemoveEmptyEntries), h.Note, h.ChangedAt, h.ChangedBy)).ToList());
    }

    /// <summary>The definition as it was at one revision (history page).</summary>
    public async Task<RightDefinition?> AtRevisionAsync(Guid id, long revision, CancellationToken ct)
    {
        var json = await db.Revisions.AsNoTracking().Where(r => r.RightId == id && r.Revision == revision).Select(r => r.Definition).SingleOrDefaultAsync(ct);
        return json is null ? null : RightMapping.Deserialise(json);
    }

    public async Task<IReadOnlyDictionary<Guid, OrganisationSummary>> OrganisationsAsync(CancellationToken ct) =>
        (await organisations.ListAsync(null, ct)).ToDictionary(o => o.Id);

    public static OrganisationRef Ref(IReadOnlyDictionary<Guid, OrganisationSummary> orgs, Guid id) =>
        orgs.TryGetValue(id, out var o) ? new OrganisationRef(o.Id, o.Code, o.Name) : new OrganisationRef(id, "", "?");
}
