using TalentPass.SharedKernel;

namespace TalentPass.Modules.Reviews;

/// <summary>The stable error codes of the Reviews module.</summary>
internal static class ReviewsErrors
{
    public static readonly Error ScopeRequired =
        Error.Validation("reviews.scope_required", "请选择复核的人才层次，或指定人才 / Choose the levels to review, or name the talents.",
            new Dictionary<string, string[]> { ["levels"] = ["必填 / Required."] });

    public static readonly Error ScopeAmbiguous =
        Error.Validation("reviews.scope_ambiguous", "按层次发起与指定人才不能同时使用 / Use either levels or named talents, not both.",
            new Dictionary<string, string[]> { ["talentIds"] = ["与层次二选一 / Either this or levels."] });

    public static readonly Error LevelUnknown =
        Error.Validation("reviews.level_unknown", "未知的人才层次 / Unknown talent level.",
            new Dictionary<string, string[]> { ["levels"] = ["未知层次 / Unknown level."] });

    public static readonly Error CategoryUnknown =
        Error.Validation("reviews.category_unknown", "未知的人才类别 / Unknown talent category.",
            new Dictionary<string, string[]> { ["categories"] = ["未知类别 / Unknown category."] });

    public static readonly Error TooManyTalents =
        Error.Validation("reviews.too_many_talents", "一次最多指定500名人才 / At most 500 named talents per campaign.",
            new Dictionary<string, string[]> { ["talentIds"] = ["最多500名 / At most 500."] });

    public static readonly Error ResponsePeriodInvalid =
        Error.Validation("reviews.response_period_invalid", "答复期限须为0至120个工作日 / The response period must be 0 to 120 working days.",
            new Dictionary<string, string[]> { ["responseWorkingDays"] = ["0–120"] });

    public static readonly Error TalentNotFound =
        Error.NotFound("reviews.talent_not_found", "未找到指定的人才 / A named talent was not found.");

    public static readonly Error CampaignNotFound =
        Error.NotFound("reviews.campaign_not_found", "未找到该复核批次 / The review campaign was not found.");

    public static readonly Error ReviewNotFound =
        Error.NotFound("reviews.review_not_found", "未找到该复核 / The review was not found.");

    public static readonly Error NoProfile =
        Error.NotFound("reviews.no_talent_profile", "您的账号尚未关联人才档案 / Your account is not linked to a talent profile.");

    public static readonly Error NoOpenReview =
        Error.Conflict("reviews.not_pending", "没有待您确认的复核 / There is no review waiting for you.");

    public static readonly Error NotFailed =
        Error.Conflict("reviews.not_failed", "该复核不在待人工核查状态 / The review is not waiting for a clerk's check.");

    public static readonly Error ResolutionUnknown =
        Error.Validation("reviews.resolution_unknown", "处理结果须为 confirm 或 return_to_talent / The resolution must be confirm or return_to_talent.",
            new Dictionary<string, string[]> { ["resolution"] = ["confirm | return_to_talent"] });

    public static readonly Error Concurrency =
        Error.Conflict("reviews.concurrent_change", "该复核已被他人处理，请刷新 / The review was changed meanwhile; reload it.");
}
