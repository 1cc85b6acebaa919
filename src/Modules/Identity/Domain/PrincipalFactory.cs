using System.Security.Claims;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Identity.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Identity.Domain;

/// <summary>The one claims principal of an account, used for the browser cookie and the API bearer token alike.</summary>
internal static class PrincipalFactory
{
    public const string AuthenticationType = "TalentPass";

    /// <summary>The account's <c>version</c> at sign-in; a later change (roles, password, lock) invalidates the session.</summary>
    public const string VersionClaim = "tp:ver";

    public static ClaimsPrincipal Create(AccountRow account, OrganisationRow? organisation)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Username),
            new(ClaimTypes.Name, account.Username),
            new(TalentPassClaims.AccountId, account.Id.ToString()),
            new(TalentPassClaims.DisplayName, account.DisplayName),
            new(VersionClaim, account.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r.Role)));
        if (organisation is not null)
        {
            claims.Add(new Claim(TalentPassClaims.OrganisationId, organisation.Id.ToString()));
            claims.Add(new Claim(TalentPassClaims.OrganisationKind, OrganisationKinds.ToCode(organisation.Kind)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static OrganisationSummary ToSummary(OrganisationRow o) => new(o.Id, o.Code, o.Name, o.Kind, o.ParentId, o.IsActive);
}
