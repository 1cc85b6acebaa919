using TalentPass.Infrastructure.Http;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Cards.Features;

/// <summary>The calling partner: every partner-side query is scoped by its organisation id (another partner's ids are 404).</summary>
internal sealed class PartnerScope(ICurrentUser user)
{
    public Guid? AccountId => user.AccountId;

    public Result<Guid> PartnerId() =>
        user.IsInRole(Roles.PartnerStaff) && user.OrganisationId is { } id ? id : CardsErrors.NoOrganisation;
}
