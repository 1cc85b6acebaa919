using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Talents.Domain;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Features.Access;

/// <summary>
/// Who may see which talents (role AND organisation): talent office, big-data bureau, departments and the
/// operator see the whole registry; an enterprise contact only talents employed by their own enterprise;
/// everyone else none. Only the talent office and the big-data bureau may unmask personal data.
/// </summary>
internal sealed class TalentAccess(ICurrentUser user)
{
    public static readonly string[] RegistryReaders =
        [Roles.TalentOffice, Roles.BigDataBureau, Roles.Department, Roles.Operator, Roles.EnterpriseContact];

    public static readonly string[] Unmaskers = [Roles.TalentOffice, Roles.BigDataBureau];

    public static readonly string[] EnterpriseReaders =
        [Roles.TalentOffice, Roles.BigDataBureau, Roles.Operator, Roles.Department, Roles.EnterpriseContact];

    public ICurrentUser User => user;

    public bool CanReadRegistry => user.IsInAnyRole(RegistryReaders);

    public bool CanUnmask => user.IsInAnyRole(Unmaskers);

    public bool IsTalentOffice => user.IsInRole(Roles.TalentOffice);

    /// <summary>Sees every talent (not only those of one enterprise).</summary>
    public bool SeesWholeRegistry => user.IsInAnyRole(Roles.TalentOffice, Roles.BigDataBureau, Roles.Department, Roles.Operator);

    public IQueryable<Talent> Scope(IQueryable<Talent> talents)
    {
        if (SeesWholeRegistry)
        {
            return talents;
        }

        if (user.IsInRole(Roles.EnterpriseContact) && user.OrganisationId is { } organisation)
        {
            return talents.Where(t => t.EmployerOrganisationId == organisation);
        }

        return talents.Where(t => false);
    }

    /// <summary>Whether the current user may see the enterprise profile of <paramref name="organisationId"/>.</summary>
    public bool CanSeeEnterprise(Guid organisationId) =>
        user.IsInAnyRole(Roles.TalentOffice, Roles.BigDataBureau, Roles.Operator, Roles.Department)
        || (user.IsInRole(Roles.EnterpriseContact) && user.OrganisationId == organisationId);

    public bool CanEditEnterprise(Guid organisationId) =>
        user.IsInRole(Roles.TalentOffice) || (user.IsInRole(Roles.EnterpriseContact) && user.OrganisationId == organisationId);
}
