using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Cards.Contracts;
using TalentPass.Modules.Cards.Features.PartnerCards;
using TalentPass.Modules.Cards.Persistence;

namespace TalentPass.Modules.Cards.Features.Directory;

/// <summary><see cref="ICardDirectory"/> for other modules (host bank, rights); no scoping — callers scope.</summary>
internal sealed class CardDirectory(CardsDbContext db, IFieldProtector protector) : ICardDirectory
{
    public async Task<IReadOnlyList<CardSummary>> ListForTalentAsync(Guid talentId, CancellationToken cancellationToken = default)
    {
        var cards = await db.Cards.AsNoTracking().Where(c => c.TalentId == talentId).OrderByDescending(c => c.IssuedAt).ToListAsync(cancellationToken);
        return cards.Select(c => c.ToSummary()).ToList();
    }

    public Task<bool> HoldsCardAsync(Guid talentId, Guid partnerOrganisationId, CancellationToken cancellationToken = default) =>
        db.Cards.AnyAsync(
            c => c.TalentId == talentId && c.PartnerId == partnerOrganisationId && (c.Status == CardStatuses.Issued || c.Status == CardStatuses.Active),
            cancellationToken);

    public async Task<CardSummary?> FindByTokenAsync(Guid partnerOrganisationId, string cardToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cardToken);
        var hash = CardTokenCheck.Hash(protector, partnerOrganisationId, cardToken.Trim());
        var card = await db.Cards.AsNoTracking().FirstOrDefaultAsync(c => c.PartnerId == partnerOrganisationId && c.TokenHash == hash, cancellationToken);
        return card?.ToSummary();
    }
}
