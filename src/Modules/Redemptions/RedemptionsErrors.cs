using TalentPass.Modules.Rights.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Redemptions;

/// <summary>The stable error codes of the Redemptions module (and the catalogue's eligibility codes it returns).</summary>
internal static class RedemptionsErrors
{
    public static readonly Error NoOrganisation =
        Error.Forbidden("redemptions.no_organisation", "当前账号不属于服务网点或合作机构 / This account does not belong to a service point or partner.");

    public static readonly Error IdentifierMissing =
        Error.Validation("redemptions.identifier_missing", "请扫描人才码或刷人才卡 / Scan a talent code or swipe a talent card.",
            new Dictionary<string, string[]> { ["code"] = ["人才码、人才卡或查询编号必填其一 / A code, a card token or a lookup id is required."] });

    public static readonly Error CodeNotValid =
        Error.Conflict("redemptions.code_not_valid", "人才码无效或已过期，请让人才刷新后重新出示 / The talent code is not valid or has expired: ask the talent to refresh it.");

    public static readonly Error TalentUnknown =
        Error.NotFound("redemptions.talent_unknown", "未找到该人才 / The talent was not found.");

    public static readonly Error CardUnknown =
        Error.NotFound("redemptions.card_unknown", "未找到有效的人才卡 / No valid talent card was found for this token.");

    public static readonly Error TalentSuspended =
        Error.Conflict("redemptions.talent_suspended", "该人才的权益已暂停或终止 / The talent's rights are suspended or terminated.");

    public static readonly Error LookupInvalid =
        Error.Validation("redemptions.lookup_invalid", "查询编号无效或已过期，请重新扫码 / The lookup id is invalid or has expired: scan again.",
            new Dictionary<string, string[]> { ["lookupId"] = ["请重新扫码 / Scan again."] });

    public static readonly Error IdempotencyKeyRequired =
        Error.Validation("redemptions.idempotency_key_required", "缺少 Idempotency-Key 请求头 / The Idempotency-Key header is required.",
            new Dictionary<string, string[]> { ["Idempotency-Key"] = ["必填，最多100个字符 / Required, at most 100 characters."] });

    /// <summary>422: the key was used before for a different request.</summary>
    public static readonly Error IdempotencyKeyReused =
        Error.Conflict("redemptions.idempotency_key_reused", "该 Idempotency-Key 已用于另一笔核销 / The Idempotency-Key was already used for a different redemption.");

    public static readonly Error RightNotFound =
        Error.NotFound("redemptions.right_not_found", "未找到该权益 / The right was not found.");

    public static readonly Error BeneficiaryInvalid =
        Error.Validation("redemptions.beneficiary_invalid", "受益人无效 / The beneficiary is not valid.",
            new Dictionary<string, string[]> { ["beneficiary"] = ["本人、父母、配偶或子女 / self, parent, spouse or child."] });

    public static readonly Error FamilyMemberRequired =
        Error.Validation("redemptions.family_member_required", "请选择已登记的家属 / Choose a registered family member.",
            new Dictionary<string, string[]> { ["familyMemberId"] = ["须为该人才登记的、关系相符的家属 / A family member of this talent with that relation."] });

    public static readonly Error PoolRequired =
        Error.Validation("redemptions.pool_required", "请选择房源池 / Choose a pool.",
            new Dictionary<string, string[]> { ["poolCode"] = ["须为该权益的房源池之一 / One of the right's pools."] });

    public static readonly Error StaticCodeNotAccepted =
        Error.Conflict("redemptions.static_code_not_accepted", "该权益不接受静态码，请出示动态码 / This right does not accept a static code: show the dynamic code.");

    public static readonly Error QuotaExhausted =
        Error.Conflict("redemptions.quota_exhausted", "额度已用完 / The quota is exhausted.");

    public static readonly Error RedemptionNotFound =
        Error.NotFound("redemptions.not_found", "未找到该核销记录 / The redemption was not found.");

    public static readonly Error NotReversible =
        Error.Conflict("redemptions.not_reversible", "该核销已撤销或已超过撤销时限 / The redemption is already reversed or its reversal window has passed.");

    public static readonly Error ReasonRequired =
        Error.Validation("redemptions.reason_required", "请填写撤销理由 / A reason is required.",
            new Dictionary<string, string[]> { ["reason"] = ["必填，最多200个字符 / Required, at most 200 characters."] });

    public static readonly Error BatchInvalid =
        Error.Validation("redemptions.batch_invalid", "离线批次无效 / The offline batch is not valid.",
            new Dictionary<string, string[]> { ["items"] = ["1至500条，每条须有设备内编号、时间与人才码或卡 / 1 to 500 items, each with a local id, a time and a code or card."] });

    public static readonly Error NoProfile =
        Error.NotFound("redemptions.no_profile", "您的账号尚未关联人才档案 / Your account is not linked to a talent profile.");

    public static readonly Error OfflineNotAllowed =
        Error.Conflict("redemptions.offline_not_allowed", "该权益不允许离线核销 / This right cannot be redeemed offline.");

    /// <summary>The error for a <see cref="RightEligibility"/> refusal code.</summary>
    public static Error Eligibility(string code) => code switch
    {
        RightEligibility.LevelNotEligible => Error.Conflict(code, "该人才的层级不享有此权益 / The talent's level does not give this right."),
        RightEligibility.CategoryNotEligible => Error.Conflict(code, "该人才的类别不享有此权益 / The talent's category does not give this right."),
        RightEligibility.BeneficiaryNotCovered => Error.Conflict(code, "此权益不覆盖该家属 / This right does not cover that family member."),
        RightEligibility.WrongServicePoint => Error.Conflict(code, "此权益不在本网点提供 / This right is not given at this service point."),
        RightEligibility.NotYetValid => Error.Conflict(code, "此权益尚未生效 / This right is not valid yet."),
        RightEligibility.Expired => Error.Conflict(code, "此权益已过期 / This right has expired."),
        RightEligibility.Withdrawn => Error.Conflict(code, "此权益已撤回 / This right has been withdrawn."),
        _ => Error.Conflict(code, "不符合此权益的条件 / Not eligible for this right."),
    };
}
