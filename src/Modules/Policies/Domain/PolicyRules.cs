using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace TalentPass.Modules.Policies.Domain;

/// <summary>What a policy set governs (M-22): talent levels, rights, amounts, one-thing matters, rules.</summary>
internal static class PolicyKinds
{
    public const string Levels = "levels";
    public const string Rights = "rights";
    public const string Amounts = "amounts";
    public const string Matters = "matters";
    public const string Rules = "rules";

    public static IReadOnlyList<string> All { get; } = [Levels, Rights, Amounts, Matters, Rules];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);

    public static string Label(string kind, bool english) => kind switch
    {
        Levels => english ? "Talent levels" : "人才层次",
        Rights => english ? "Rights" : "权益",
        Amounts => english ? "Amounts" : "标准金额",
        Matters => english ? "One-thing matters" : "一件事事项",
        Rules => english ? "Rules" : "规则",
        _ => kind,
    };
}

/// <summary>
/// The stored approval state: draft → proposed → reviewed (joint meeting) → approved (leading group). Approved is
/// final; whether an approved version is in force, scheduled, expired or superseded follows from the dates and its
/// successors (<see cref="PolicyRules.Effective"/>), so history is never rewritten.
/// </summary>
internal static class PolicyStatus
{
    public const string Draft = "draft";
    public const string Proposed = "proposed";
    public const string Reviewed = "reviewed";
    public const string Approved = "approved";

    public static IReadOnlyList<string> All { get; } = [Draft, Proposed, Reviewed, Approved];
}

/// <summary>What an approved version is on a given day (derived, never stored).</summary>
internal static class EffectiveStatus
{
    public const string InForce = "in_force";
    public const string Scheduled = "scheduled";
    public const string Expired = "expired";
    public const string Superseded = "superseded";
}

/// <summary>The steps of the approval trail.</summary>
internal static class PolicySteps
{
    public const string Drafted = "drafted";
    public const string Proposed = "proposed";
    public const string Reviewed = "reviewed";
    public const string Approved = "approved";
}

internal static partial class PolicyRules
{
    /// <summary>The measures are valid for two years (M-22): the default validity of a new version.</summary>
    public const int DefaultValidityYears = 2;

    /// <summary>Approved versions warn this many days before they expire (banner and notification).</summary>
    public const int WarningDays = 60;

    public static DateOnly DefaultValidTo(DateOnly from) => from.AddYears(DefaultValidityYears).AddDays(-1);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();

    [GeneratedRegex("^(sha256|sm3):[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex DigestPattern();

    public static bool IsLabel(string? label) => label is not null && LabelPattern().IsMatch(label);

    public static bool IsDigest(string? digest) => digest is not null && DigestPattern().IsMatch(digest);

    /// <summary>The SHA-256 digest (ledger text form) of a document given as text (UTF-8).</summary>
    public static string Digest(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// The effective status on <paramref name="today"/>: the stored one until approved; then superseded once an
    /// approved successor has taken effect, otherwise scheduled, in force or expired by the validity dates.
    /// </summary>
    public static string Effective(string status, DateOnly validFrom, DateOnly validTo, DateOnly? successorFrom, DateOnly today)
    {
        if (status != PolicyStatus.Approved)
        {
            return status;
        }

        if (successorFrom is { } s && s <= today)
        {
            return EffectiveStatus.Superseded;
        }

        return today < validFrom ? EffectiveStatus.Scheduled : today > validTo ? EffectiveStatus.Expired : EffectiveStatus.InForce;
    }
}
