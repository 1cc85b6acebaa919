namespace TalentPass.SharedKernel;

/// <summary>
/// The roles of MISSION.md. The string values are stable: they appear in claims, tokens, the database and
/// the audit log.
/// </summary>
public static class Roles
{
    public const string Talent = "talent";
    public const string TalentOffice = "talent_office";
    public const string BigDataBureau = "big_data_bureau";
    public const string Department = "department";
    public const string Operator = "operator";
    public const string PartnerStaff = "partner_staff";
    public const string ServicePointStaff = "service_point_staff";
    public const string Auditor = "auditor";
    public const string EnterpriseContact = "enterprise_contact";

    public static IReadOnlyList<string> All { get; } =
    [
        Talent, TalentOffice, BigDataBureau, Department, Operator, PartnerStaff, ServicePointStaff, Auditor, EnterpriseContact,
    ];

    /// <summary>Staff roles that work on behalf of a government body.</summary>
    public static IReadOnlyList<string> Government { get; } = [TalentOffice, BigDataBureau, Department];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}

/// <summary>Claim types TalentPass puts into cookies and bearer tokens.</summary>
public static class TalentPassClaims
{
    public const string AccountId = "tp:account";
    public const string OrganisationId = "tp:org";
    public const string OrganisationKind = "tp:org_kind";
    public const string DisplayName = "tp:name";
}
