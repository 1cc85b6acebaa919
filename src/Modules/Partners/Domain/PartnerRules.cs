using System.Text.RegularExpressions;

namespace TalentPass.Modules.Partners.Domain;

/// <summary>Pure rules of partner onboarding: codes, licence codes, materials.</summary>
internal static partial class PartnerRules
{
    public const int MaxFiles = 10;
    public const int MaxFileBytes = 5 * 1024 * 1024;
    public const int ReasonMax = 500;

    public const string FileBusinessLicence = "business_licence";
    public const string FileAgreement = "agreement";
    public const string FileOther = "other";

    public static readonly IReadOnlyList<string> FileKinds = [FileBusinessLicence, FileAgreement, FileOther];

    public const string ApplicationPending = "pending";
    public const string ApplicationApproved = "approved";
    public const string ApplicationRefused = "refused";

    /// <summary>Organisation code of a partner: 3–48 of a–z, 0–9 and '-', starting with a letter or digit (a ledger party too).</summary>
    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <summary>
    /// Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters of 0–9 and the letters without I, O,
    /// S, V, Z, with the check character.
    /// </summary>
    public static bool IsValidLicenceCode(string? code) =>
        code is { Length: 18 } && CheckCharacter(code.AsSpan(0, 17)) is { } check && code[17] == check;

    /// <summary>Appends the check character to 17 characters of the alphabet (demo data and tests).</summary>
    public static string WithCheckCharacter(string first17) =>
        first17 + (CheckCharacter(first17) ?? throw new ArgumentException("Not 17 characters of the licence-code alphabet.", nameof(first17)));

    private static char? CheckCharacter(ReadOnlySpan<char> first17)
    {
        const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        ReadOnlySpan<int> weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        if (first17.Length != 17)
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0)
            {
                return null;
            }

            sum += value * weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    public static bool IsValidReason(string? reason) =>
        !string.IsNullOrWhiteSpace(reason) && reason.Trim().Length <= ReasonMax;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,47}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
