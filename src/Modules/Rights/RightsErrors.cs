using TalentPass.SharedKernel;

namespace TalentPass.Modules.Rights;

/// <summary>The stable error codes of the Rights module (eligibility refusals live in <c>RightEligibility</c>).</summary>
internal static class RightsErrors
{
    public static readonly Error RightNotFound =
        Error.NotFound("rights.right_not_found", "未找到该权益 / The right was not found.");

    public static readonly Error OutsideRemit =
        Error.Forbidden("rights.outside_remit", "该权益不在您的管理范围内 / This right is outside your remit.");

    public static readonly Error RevisionConflict =
        Error.Conflict("rights.revision_conflict", "该权益已被他人修改，请刷新后重试 / The right was changed by someone else; reload and try again.");

    public static readonly Error CodeTaken =
        Error.Conflict("rights.code_taken", "权益编码已存在 / A right with this code already exists.");

    public static readonly Error AlreadyWithdrawn =
        Error.Conflict("rights.already_withdrawn", "该权益已撤销 / The right is already withdrawn.");

    public static readonly Error NotWithdrawn =
        Error.Conflict("rights.not_withdrawn", "该权益未撤销 / The right is not withdrawn.");

    public static readonly Error NoProfile =
        Error.NotFound("rights.no_talent_profile", "您的账号尚未关联人才档案 / Your account is not linked to a talent profile.");

    public static readonly Error FamilyMemberNotFound =
        Error.NotFound("rights.family_member_not_found", "未找到该家庭成员 / The family member was not found.");

    public static readonly Error FamilyMemberDuplicate =
        Error.Conflict("rights.family_member_duplicate", "该身份证号码的家庭成员已登记 / A family member with this ID number is already registered.");

    public static readonly Error FamilyTooMany =
        Error.Conflict("rights.family_too_many", "家庭成员最多登记10人 / At most 10 family members can be registered.");

    public static readonly Error FinancingNotFound =
        Error.NotFound("rights.financing_not_found", "未找到该融资申请 / The financing application was not found.");

    public static readonly Error FinancingNotFinancial =
        Error.Conflict("rights.financing_not_financial", "该权益不是金融权益，不能申请融资 / Financing can only be applied for under a financial right.");

    public static readonly Error FinancingAlreadyAnswered =
        Error.Conflict("rights.financing_already_answered", "该融资申请已答复 / The financing application has already been answered.");

    public static readonly Error FinancingOpen =
        Error.Conflict("rights.financing_open", "您已有一笔待答复的同类融资申请 / You already have an open application for this right.");

    public static readonly Error TalentNotActive =
        Error.Conflict("rights.talent_not_active", "人才状态不是正常 / The talent is not active.");

    public static Error Invalid(string code, string field, string message) =>
        Error.Validation(code, message, new Dictionary<string, string[]> { [field] = [message] });

    public static Error Invalid(string code, IReadOnlyDictionary<string, string[]> fields, string message) =>
        Error.Validation(code, message, fields);
}
