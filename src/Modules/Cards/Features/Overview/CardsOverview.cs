using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Cards.Persistence;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Cards.Features.Overview;

internal sealed record PartnerCardCounts(Guid PartnerId, string PartnerName, string PartnerStatus, IReadOnlyDictionary<string, int> Applications, IReadOnlyDictionary<string, int> Cards);

/// <summary>The talent office's overview: applications and cards per partner and status (counts only, no personal data).</summary>
internal sealed class CardsOverviewHandler(CardsDbContext db, ICurrentUser user, IPartnerDirectory partners)
{
    public static readonly string[] Readers = [Roles.TalentOffice, Roles.Operator];

    public async Task<Result<IReadOnlyList<PartnerCardCounts>>> CountsAsync(CancellationToken ct)
    {
        if (!user.IsInAnyRole(Readers))
        {
            return Error.Forbidden("auth.forbidden", "Not allowed.");
        }

        var applications = await db.Applications.AsNoTracking().GroupBy(a => new { a.PartnerId, a.Status })
            .Select(g => new { g.Key.PartnerId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var cards = await db.Cards.AsNoTracking().GroupBy(c => new { c.PartnerId, c.Status })
            .Select(g => new { g.Key.PartnerId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var known = (await partners.ListAsync(null, ct)).ToDictionary(p => p.OrganisationId);
        return applications.Select(a => a.PartnerId).Concat(cards.Select(c => c.PartnerId)).Concat(known.Keys).Distinct()
            .Select(id => new PartnerCardCounts(
                id,
                known.GetValueOrDefault(id)?.Name ?? id.ToString(),
                known.GetValueOrDefault(id)?.Status ?? "—",
                applications.Where(a => a.PartnerId == id).ToDictionary(a => a.Status, a => a.Count, StringComparer.Ordinal),
                cards.Where(c => c.PartnerId == id).ToDictionary(c => c.Status, c => c.Count, StringComparer.Ordinal)))
            .OrderByDescending(p => p.Cards.Values.Sum()).ThenBy(p => p.PartnerName, StringComparer.Ordinal)
            .ToList();
    }
}
