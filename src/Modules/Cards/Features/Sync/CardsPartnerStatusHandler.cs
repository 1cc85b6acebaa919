using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Cards.Contracts;
using TalentPass.Modules.Cards.Domain;
using TalentPass.Modules.Cards.Persistence;
using TalentPass.Modules.Partners.Contracts;

namespace TalentPass.Modules.Cards.Features.Sync;

/// <summary>
/// Cards follow their partner: suspended → every card of the partner verifies as refused (<c>partner_suspended</c>);
/// reinstated → they verify again; left → live cards are cancelled (<c>partner_left</c>) and open applications
/// closed, their shared data erased. No webhook goes to a partner that left.
/// </summary>
internal sealed class CardsPartnerStatusHandler(CardsDbContext db, TimeProvider clock) : IPartnerStatusHandler
{
    public async Task HandleAsync(PartnerStatusChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var partnerId = change.OrganisationId;
        var now = clock.GetUtcNow();
        switch (change.ToStatus)
        {
            case PartnerStatuses.Suspended:
                await db.Cards.Where(c => c.PartnerId == partnerId && !c.PartnerSuspended)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.PartnerSuspended, true).SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
                break;
            case PartnerStatuses.Active:
                await db.Cards.Where(c => c.PartnerId == partnerId && c.PartnerSuspended)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.PartnerSuspended, false).SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
                break;
            case PartnerStatuses.Left:
                await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
                {
                    await db.Cards.Where(c => c.PartnerId == partnerId && Card.LiveStatuses.Contains(c.Status))
                        .ExecuteUpdateAsync(
                            s => s.SetProperty(c => c.Status, CardStatuses.Cancelled)
                                .SetProperty(c => c.StatusReason, "partner_left")
                                .SetProperty(c => c.StatusChangedAt, now)
                                .SetProperty(c => c.Version, c => c.Version + 1),
                            cancellationToken);
                    await db.Applications.Where(a => a.PartnerId == partnerId && ApplicationStatuses.Open.Contains(a.Status))
                        .ExecuteUpdateAsync(
                            s => s.SetProperty(a => a.Status, ApplicationStatuses.Closed)
                                .SetProperty(a => a.DecisionReason, "partner_left")
                                .SetProperty(a => a.SharedDataCipher, (string?)null)
                                .SetProperty(a => a.UpdatedAt, now)
                                .SetProperty(a => a.Version, a => a.Version + 1),
                            cancellationToken);
                    await tx.CommitAsync(cancellationToken);
                }

                break;
        }
    }
}
