using TalentPass.Modules.Redemptions.Domain;
using TalentPass.Modules.Rights.Contracts;
using static TalentPass.Ui.Loc;

namespace TalentPass.Modules.Redemptions.Pages;

/// <summary>Display texts of the redemption pages.</summary>
internal static class RedemptionText
{
    public static SharedKernel.Error Localise(SharedKernel.Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error with
        {
            Message = Message(error.Message),
            Fields = error.Fields?.ToDictionary(f => f.Key, f => f.Value.Select(Message).ToArray(), StringComparer.Ordinal),
        };
    }

    /// <summary>The half of a "中文 / English" message for the current language.</summary>
    public static string Message(string message)
    {
        var split = message.IndexOf(" / ", StringComparison.Ordinal);
        return split < 0 ? message : T(message[..split], message[(split + 3)..]);
    }

    public static string Status(string status) => status switch
    {
        RedemptionStatuses.Redeemed => T("已核销", "Redeemed"),
        RedemptionStatuses.Reversed => T("已撤销", "Reversed"),
        RedemptionStatuses.Conflict => T("冲突", "Conflict"),
        _ => status,
    };

    public static string Badge(string status) => status switch
    {
        RedemptionStatuses.Redeemed => "badge badge-ok",
        RedemptionStatuses.Reversed => "badge",
        _ => "badge badge-err",
    };

    public static string Beneficiary(string beneficiary) => beneficiary switch
    {
        Beneficiaries.Self => T("本人", "Self"),
        Beneficiaries.Parent => T("父母", "Parent"),
        Beneficiaries.Spouse => T("配偶", "Spouse"),
        Beneficiaries.Child => T("子女", "Child"),
        _ => beneficiary,
    };

    public static string Level(string level) => level switch
    {
        "youth" => T("青年人才", "Youth"),
        "social" => T("社会人才", "Social"),
        "reserve" => T("储备人才", "Reserve"),
        _ => T($"{level.ToUpperInvariant()}类", $"Level {level.ToUpperInvariant()}"),
    };

    /// <summary>The refusal text for a code shown beside a right on the redemption screen.</summary>
    public static string Refusal(string code) => code switch
    {
        RightEligibility.LevelNotEligible => T("层级不符", "Level not eligible"),
        RightEligibility.CategoryNotEligible => T("类别不符", "Category not eligible"),
        RightEligibility.NotYetValid => T("尚未生效", "Not valid yet"),
        RightEligibility.Expired => T("已过期", "Expired"),
        RightEligibility.Withdrawn => T("已撤回", "Withdrawn"),
        "redemptions.static_code_not_accepted" => T("需出示动态码", "Needs the dynamic code"),
        "redemptions.quota_exhausted" => T("额度已用完", "Quota used up"),
        _ => code,
    };

    public static string Name(string zh, string en) => T(zh, en);

    public static string Yuan(long fen) => (fen / 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
