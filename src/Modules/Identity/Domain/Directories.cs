using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Identity.Persistence;

namespace TalentPass.Modules.Identity.Domain;

internal sealed class OrganisationDirectory(IdentityDbContext db) : IOrganisationDirectory
{
    public async Task<OrganisationSummary?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return row is null ? null : PrincipalFactory.ToSummary(row);
    }

    public async Task<IReadOnlyList<OrganisationSummary>> ListAsync(OrganisationKind? kind = null, CancellationToken cancellationToken = default)
    {
        var query = db.Organisations.AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(o => o.Kind == k);
        }

        var rows = await query.OrderBy(o => o.Code).ToListAsync(cancellationToken);
        return rows.Select(PrincipalFactory.ToSummary).ToList();
    }
}

internal sealed class AccountDirectory(IdentityDbContext db) : IAccountDirectory
{
    public async Task<Guid?> FindAccountIdAsync(string username, CancellationToken cancellationToken = default)
    {
        var name = AccountRules.NormaliseUsername(username);
        return await db.Accounts.AsNoTracking().Where(a => a.Username == name).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken);
    }
}
