using TalentPass.Modules.Identity.Contracts;

namespace TalentPass.Modules.Identity.Domain;

/// <summary>Stable snake_case codes of <see cref="OrganisationKind"/> (database, API, claims).</summary>
internal static class OrganisationKinds
{
    private static readonly Dictionary<OrganisationKind, string> Codes = new()
    {
        [OrganisationKind.Operator] = "operator",
        [OrganisationKind.TalentOffice] = "talent_office",
        [OrganisationKind.BigDataBureau] = "big_data_bureau",
        [OrganisationKind.Department] = "department",
        [OrganisationKind.Partner] = "partner",
        [OrganisationKind.ServicePoint] = "service_point",
        [OrganisationKind.Enterprise] = "enterprise",
    };

    public static IReadOnlyCollection<OrganisationKind> All => Codes.Keys;

    public static string ToCode(OrganisationKind kind) => Codes[kind];

    public static OrganisationKind Parse(string code) =>
        TryParse(code, out var kind) ? kind : throw new InvalidOperationException($"Unknown organisation kind '{code}'.");

    /// <summary>Accepts the snake_case code or the enum name, case-insensitive.</summary>
    public static bool TryParse(string? value, out OrganisationKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var trimmed = value.Trim();
        foreach (var (k, code) in Codes)
        {
            if (string.Equals(code, trimmed, StringComparison.OrdinalIgnoreCase) || string.Equals(k.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        return false;
    }
}
