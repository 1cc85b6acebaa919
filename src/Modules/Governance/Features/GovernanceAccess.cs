using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Governance.Domain;
using TalentPass.Modules.Governance.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Governance.Features;

/// <summary>
/// Who sees and does what: the talent office and auditors see every rule and case; the big-data bureau the rules it
/// owns or decides and their cases; a partner only its own rules and their cases. Anything else is "not found".
/// </summary>
internal sealed class GovernanceAccess(ICurrentUser user)
{
    public static readonly string[] Staff = [Roles.TalentOffice, Roles.BigDataBureau, Roles.PartnerStaff, Roles.Auditor];

    public static readonly string[] Deciders = [Roles.TalentOffice, Roles.BigDataBureau, Roles.PartnerStaff];

    public ICurrentUser User => user;

    public bool SeesAll => user.IsInAnyRole(Roles.TalentOffice, Roles.Auditor);

    /// <summary>The rules this user may see (a query filter).</summary>
    public IQueryable<RuleRow> Rules(IQueryable<RuleRow> rules)
    {
        if (SeesAll)
        {
            return rules;
        }

        if (user.IsInRole(Roles.BigDataBureau))
        {
            return rules.Where(r => r.OwnerKind == RuleOwners.BigDataBureau || r.DeciderRole == Roles.BigDataBureau);
        }

        var organisation = user.OrganisationId;
        return user.IsInRole(Roles.PartnerStaff) && organisation is not null
            ? rules.Where(r => r.OwnerOrganisationId == organisation)
            : rules.Where(_ => false);
    }

    public bool CanSee(RuleRow rule) => SeesAll
        || (user.IsInRole(Roles.BigDataBureau) && (rule.OwnerKind == RuleOwners.BigDataBureau || rule.DeciderRole == Roles.BigDataBureau))
        || (user.IsInRole(Roles.PartnerStaff) && user.OrganisationId is { } org && rule.OwnerOrganisationId == org);

    /// <summary>Which owner kind a rule written by this user gets (null: may not write rules).</summary>
    public (string Kind, Guid? Organisation)? Owner() =>
        user.IsInRole(Roles.TalentOffice) ? (RuleOwners.TalentOffice, null)
        : user.IsInRole(Roles.BigDataBureau) ? (RuleOwners.BigDataBureau, null)
        : user.IsInRole(Roles.PartnerStaff) && user.OrganisationId is { } org ? (RuleOwners.Partner, org)
        : null;

    /// <summary>May this user decide cases under the rule (the rule's decider role; a partner only its own rules)?</summary>
    public bool MayDecide(RuleRow rule) =>
        user.IsInRole(rule.DeciderRole)
        && (rule.DeciderRole != Roles.PartnerStaff || (user.OrganisationId is { } org && rule.OwnerOrganisationId == org));

    /// <summary>Reinstatement and appeals: the rule's decider role, or the talent office for any rule.</summary>
    public bool MayReview(RuleRow rule) => user.IsInRole(Roles.TalentOffice) || MayDecide(rule);
}
