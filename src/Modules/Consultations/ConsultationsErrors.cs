using TalentPass.SharedKernel;

namespace TalentPass.Modules.Consultations;

/// <summary>The stable error codes of the Consultations module.</summary>
internal static class ConsultationsErrors
{
    public static readonly Error NoProfile =
        Error.NotFound("consultations.no_talent_profile", "您的账号尚未关联人才档案 / Your account is not linked to a talent profile.");

    public static readonly Error RightNotFound =
        Error.NotFound("consultations.right_not_found", "未找到该权益 / The right was not found.");

    public static readonly Error TopicRequired =
        Error.Validation("consultations.topic_required", "请选择权益或填写咨询事项 / Choose a right or name the matter you ask about.",
            new Dictionary<string, string[]> { ["topic"] = ["必填 / Required."] });

    public static readonly Error NoRecipient =
        Error.Conflict("consultations.no_recipient", "没有可受理该咨询的机构 / No organisation can take this question.");

    public static readonly Error NotFound =
        Error.NotFound("consultations.not_found", "未找到该咨询 / The question was not found.");

    public static readonly Error StaffOnly =
        Error.Forbidden("consultations.staff_only", "只有权益提供机构人员可答复 / Only the provider's staff may answer.");

    public static readonly Error AlreadyAnswered =
        Error.Conflict("consultations.already_answered", "该咨询已答复 / The question was already answered.");

    public static readonly Error NotAnswered =
        Error.Conflict("consultations.not_answered", "该咨询尚未答复，不能发布为常见问题 / The question has no answer yet and cannot be published.");

    public static readonly Error PersonalDataInFaq =
        Error.Validation("consultations.faq_personal_data", "常见问题中不能含有身份证号、手机号等个人信息 / An FAQ entry must not contain ID or phone numbers.",
            new Dictionary<string, string[]> { ["faqQuestion"] = ["含个人信息 / Contains personal data."] });

    public static readonly Error VersionConflict =
        Error.Conflict("consultations.version_conflict", "数据已被他人修改，请刷新后重试 / The record was changed by someone else; reload and try again.");
}
