using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.Modules.Talents.Domain;
using TalentPass.Modules.Talents.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Features.Access;

/// <summary><see cref="ITalentDirectory"/> for other modules: summaries only, names masked.</summary>
internal sealed class TalentDirectory(TalentsDbContext db) : ITalentDirectory
{
    private static readonly Expression<Func<Talent, TalentSummary>> Projection =
        t => new TalentSummary(t.Id, t.Name, t.Level, t.Category, t.Status, t.AccountId, t.EmployerOrganisationId);

    public async Task<TalentSummary?> GetAsync(Guid talentId, CancellationToken cancellationToken = default) =>
        Mask(await db.Talents.AsNoTracking().Where(t => t.Id == talentId).Select(Projection).FirstOrDefaultAsync(cancellationToken));

    public async Task<TalentSummary?> FindByAccountAsync(Guid accountId, CancellationToken cancellationToken = default) =>
        Mask(await db.Talents.AsNoTracking().Where(t => t.AccountId == accountId).Select(Projection).FirstOrDefaultAsync(cancellationToken));

    private static TalentSummary? Mask(TalentSummary? summary) =>
        summary is null ? null : summary with { MaskedName = Masking.Name(summary.MaskedName) };
}
