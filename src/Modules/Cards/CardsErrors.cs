using TalentPass.SharedKernel;

namespace TalentPass.Modules.Cards;

/// <summary>The stable error codes of the Cards module.</summary>
internal static class CardsErrors
{
    public static readonly Error NoProfile =
        Error.NotFound("cards.no_profile", "您的账号尚未关联人才档案 / Your account is not linked to a talent profile.");

    public static readonly Error NoOrganisation =
        Error.Forbidden("cards.no_partner", "当前账号不属于合作机构 / This account does not belong to a partner.");

    public static readonly Error ApplicationNotFound =
        Error.NotFound("cards.application_not_found", "未找到该办卡申请 / The card application was not found.");

    public static readonly Error CardNotFound =
        Error.NotFound("cards.card_not_found", "未找到该人才卡 / The card was not found.");

    public static readonly Error PartnerUnknown =
        Error.Validation("cards.partner_unknown", "请选择正常合作的金融机构 / Choose an active financial partner.",
            new Dictionary<string, string[]> { ["partnerId"] = ["不是正常合作的金融机构 / Not an active financial partner."] });

    public static readonly Error ConsentRequired =
        Error.Validation("cards.consent_required", "请阅读并同意信息共享授权 / You must read and accept the data-sharing consent.",
            new Dictionary<string, string[]> { ["consent"] = ["必须同意 / Required."] });

    public static readonly Error ConsentVersionOutdated =
        Error.Validation("cards.consent_version_outdated", "授权条款已更新，请重新阅读后确认 / The consent terms changed; read them again and confirm.",
            new Dictionary<string, string[]> { ["consentVersion"] = ["与当前条款版本不符 / Not the current terms version."] });

    public static readonly Error ApplicationExists =
        Error.Conflict("cards.application_exists", "您已向该机构申请或持有该机构的人才卡 / You already have an open application or a card with this partner.");

    public static readonly Error TalentNotActive =
        Error.Conflict("cards.talent_not_active", "人才状态非正常，暂不能申请人才卡 / Your talent status is not active; you cannot apply for a card now.");

    public static readonly Error ApplicationNotPending =
        Error.Conflict("cards.application_not_pending", "该申请不是待审核状态 / The application is not pending.");

    public static readonly Error ApplicationNotApproved =
        Error.Conflict("cards.application_not_approved", "该申请尚未批准，不能报送制卡 / The application is not approved; a card cannot be reported for it.");

    public static readonly Error ApplicationClosed =
        Error.Conflict("cards.application_closed", "该申请已结束，授权无需撤回 / The application is closed; there is no consent to withdraw.");

    public static readonly Error ReasonRequired =
        Error.Validation("cards.reason_required", "请填写理由 / A reason is required.",
            new Dictionary<string, string[]> { ["reason"] = ["必填，最多500个字符 / Required, at most 500 characters."] });

    public static readonly Error TokenInvalid =
        Error.Validation("cards.token_invalid", "卡令牌格式无效（8–128位字母、数字或 - _ . :） / The card token must be 8–128 letters, digits or - _ . :",
            new Dictionary<string, string[]> { ["cardToken"] = ["格式无效 / Invalid format."] });

    public static readonly Error FullCardNumberRefused =
        Error.Validation("cards.full_card_number_refused", "看起来是完整卡号：只能报送卡令牌和卡号后四位 / This looks like a full card number: report the card token and the last four digits only.",
            new Dictionary<string, string[]> { ["cardToken"] = ["不得包含完整卡号 / Must not contain a card number."] });

    public static readonly Error Last4Invalid =
        Error.Validation("cards.last4_invalid", "卡号后四位必须是4位数字 / The last four digits must be exactly four digits.",
            new Dictionary<string, string[]> { ["last4"] = ["4位数字 / Four digits."] });

    public static readonly Error TokenInUse =
        Error.Conflict("cards.token_in_use", "该卡令牌已被使用 / This card token is already in use.");

    public static readonly Error TokenMissing =
        Error.Validation("cards.token_missing", "请提供卡令牌 / A card token is required.",
            new Dictionary<string, string[]> { ["cardToken"] = ["必填 / Required."] });

    public static readonly Error StatusUnknown =
        Error.Validation("cards.status_unknown", "状态无效 / Unknown status.",
            new Dictionary<string, string[]> { ["status"] = ["未知状态 / Unknown status."] });

    public static readonly Error VersionConflict =
        Error.Conflict("cards.version_conflict", "数据已被他人修改，请刷新后重试 / The record was changed by someone else; reload and try again.");

    public static Error TransitionInvalid(string from, string action) =>
        Error.Conflict("cards.status_transition_invalid", $"卡片状态为“{from}”，不能执行此操作 / A card in status '{from}' cannot be {action}.");
}
