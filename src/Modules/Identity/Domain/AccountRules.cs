using TalentPass.Modules.Identity.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Identity.Domain;

/// <summary>Pure rules for accounts: usernames, passwords, display names, roles and their organisations.</summary>
internal static class AccountRules
{
    public const int UsernameMin = 3;
    public const int UsernameMax = 64;
    public const int PasswordMin = 10;
    public const int PasswordMax = 128;
    public const int DisplayNameMax = 100;

    /// <summary>Roles an operator may not grant or revoke (nor manage accounts holding them).</summary>
    public static readonly IReadOnlySet<string> OperatorProtectedRoles =
        new HashSet<string>(StringComparer.Ordinal) { Roles.TalentOffice, Roles.BigDataBureau, Roles.Auditor };

    /// <summary>Organisation kinds an operator creates and edits.</summary>
    public static readonly IReadOnlySet<OrganisationKind> OperatorKinds =
        new HashSet<OrganisationKind> { OrganisationKind.Partner, OrganisationKind.ServicePoint, OrganisationKind.Enterprise, OrganisationKind.Operator };

    public static string NormaliseUsername(string? username) => (username ?? string.Empty).Trim().ToLowerInvariant();

    public static Error? ValidateUsername(string normalised)
    {
        if (normalised.Length is < UsernameMin or > UsernameMax)
        {
            return IdentityErrors.UsernameInvalid;
        }

        foreach (var c in normalised)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-'))
            {
                return IdentityErrors.UsernameInvalid;
            }
        }

        return null;
    }

    public static Error? ValidatePassword(string? password)
    {
        if (password is null || password.Length is < PasswordMin or > PasswordMax)
        {
            return IdentityErrors.PasswordWeak;
        }

        var letter = password.Any(char.IsLetter);
        var digit = password.Any(char.IsDigit);
        var symbol = password.Any(c => !char.IsLetterOrDigit(c) && !char.IsWhiteSpace(c) && !char.IsControl(c));
        return letter && digit && symbol ? null : IdentityErrors.PasswordWeak;
    }

    public static Error? ValidateDisplayName(string? displayName) =>
        string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > DisplayNameMax || displayName.Any(char.IsControl)
            ? IdentityErrors.DisplayNameInvalid
            : null;

    /// <summary>Normalises and checks a role set: known roles, at least one.</summary>
    public static Result<IReadOnlyList<string>> NormaliseRoles(IEnumerable<string?>? roles)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in roles ?? [])
        {
            var role = (raw ?? string.Empty).Trim();
            if (!Roles.IsKnown(role))
            {
                return IdentityErrors.RoleUnknown(role);
            }

            set.Add(role);
        }

        return set.Count == 0 ? IdentityErrors.RolesRequired : Result<IReadOnlyList<string>>.Success(set.ToList());
    }

    /// <summary>The organisation kinds a role may belong to; empty for talents (no organisation).</summary>
    public static IReadOnlySet<OrganisationKind> AllowedKinds(string role) => role switch
    {
        Roles.Talent => new HashSet<OrganisationKind>(),
        Roles.TalentOffice => new HashSet<OrganisationKind> { OrganisationKind.TalentOffice },
        Roles.BigDataBureau => new HashSet<OrganisationKind> { OrganisationKind.BigDataBureau },
        Roles.Department => new HashSet<OrganisationKind> { OrganisationKind.Department },
        Roles.Operator => new HashSet<OrganisationKind> { OrganisationKind.Operator },
        Roles.PartnerStaff => new HashSet<OrganisationKind> { OrganisationKind.Partner },
        Roles.ServicePointStaff => new HashSet<OrganisationKind> { OrganisationKind.ServicePoint },
        Roles.EnterpriseContact => new HashSet<OrganisationKind> { OrganisationKind.Enterprise },
        Roles.Auditor => new HashSet<OrganisationKind> { OrganisationKind.TalentOffice, OrganisationKind.BigDataBureau, OrganisationKind.Department },
        _ => new HashSet<OrganisationKind>(),
    };

    /// <summary>Talents have no organisation; every other role needs an organisation of a matching kind.</summary>
    public static Error? CheckRoleOrganisation(IReadOnlyList<string> roles, OrganisationKind? organisationKind)
    {
        foreach (var role in roles)
        {
            var allowed = AllowedKinds(role);
            if (role == Roles.Talent)
            {
                if (organisationKind is not null)
                {
                    return IdentityErrors.RoleOrganisationMismatch("A talent account must not belong to an organisation.");
                }

                continue;
            }

            if (organisationKind is null)
            {
                return IdentityErrors.RoleOrganisationMismatch($"Role '{role}' needs an organisation of kind {string.Join(" or ", allowed.Select(OrganisationKinds.ToCode))}.");
            }

            if (!allowed.Contains(organisationKind.Value))
            {
                return IdentityErrors.RoleOrganisationMismatch(
                    $"Role '{role}' needs an organisation of kind {string.Join(" or ", allowed.Select(OrganisationKinds.ToCode))}, not {OrganisationKinds.ToCode(organisationKind.Value)}.");
            }
        }

        return null;
    }

    /// <summary>Whether an administrator with <paramref name="actorRoles"/> may grant or revoke <paramref name="role"/>.</summary>
    public static bool CanGrant(IReadOnlyCollection<string> actorRoles, string role) =>
        actorRoles.Contains(Roles.TalentOffice) || (actorRoles.Contains(Roles.Operator) && !OperatorProtectedRoles.Contains(role));
}
