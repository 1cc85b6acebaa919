using TalentPass.SharedKernel;

namespace TalentPass.Modules.Contribution;

/// <summary>The stable error codes of the Contribution module.</summary>
internal static class ContributionErrors
{
    public static readonly Error PeriodInvalid =
        Error.Validation("contribution.period_invalid", "统计期间无效（开始不晚于结束，最长3年） / The period is invalid (from on or before to, at most 3 years).",
            new Dictionary<string, string[]> { ["from"] = ["期间无效 / Invalid period."] });

    public static readonly Error FormulaRetroactive =
        Error.Validation("contribution.formula_retroactive", "新公式不能追溯生效 / A new formula version cannot take effect in the past.",
            new Dictionary<string, string[]> { ["validFrom"] = ["不能早于今天 / Not before today."] });

    public static readonly Error FormulaNotAfterLatest =
        Error.Conflict("contribution.formula_not_after_latest", "新版本的生效日期必须晚于现行版本 / A new version must take effect after the latest one.");

    public static readonly Error WeightsInvalid =
        Error.Validation("contribution.weights_invalid", "权重须在0到1000之间且不能同时为0 / Weights must be between 0 and 1,000 and not both 0.",
            new Dictionary<string, string[]> { ["yuanWeight"] = ["0–1000"] });

    public static readonly Error OrganisationNotFound =
        Error.NotFound("contribution.organisation_not_found", "未找到该机构 / The institution was not found.");

    public static readonly Error NotThirdParty =
        Error.Conflict("contribution.not_third_party", "该机构不是第三方合作机构 / The organisation is not a third-party institution.");

    public static readonly Error TalentOfficeOnly =
        Error.Forbidden("contribution.talent_office_only", "只有人才办可以作出奖励决定 / Only the talent office decides rewards.");

    public static Error LedgerFailed(string detail) =>
        Error.Conflict("contribution.ledger_failed", $"奖励存证失败 / Recording the reward evidence failed: {detail}");
}
