using TalentPass.SharedKernel;

namespace TalentPass.Modules.Services;

/// <summary>The stable error codes of the Services module.</summary>
internal static class ServicesErrors
{
    public static readonly Error MatterNotFound =
        Error.NotFound("services.matter_not_found", "未找到该事项 / The matter was not found.");

    public static readonly Error MatterNotOnline =
        Error.Conflict("services.matter_not_online", "该事项尚未上线 / The matter is not open for applications yet.");

    public static readonly Error NoMatters =
        Error.Validation("services.matters_required", "请至少选择一个事项 / Choose at least one matter.",
            new Dictionary<string, string[]> { ["matters"] = ["必填 / Required."] });

    public static readonly Error TooManyMatters =
        Error.Validation("services.too_many_matters", "一次最多申请10个事项 / At most 10 matters per application.",
            new Dictionary<string, string[]> { ["matters"] = ["最多10个 / At most 10."] });

    public static readonly Error NotOneClick =
        Error.Conflict("services.not_one_click", "该事项不支持一键申领 / This matter cannot be applied for with one click.");

    public static readonly Error NoProfile =
        Error.NotFound("services.no_talent_profile", "您的账号尚未关联人才档案 / Your account is not linked to a talent profile.");

    public static readonly Error TalentNotFound =
        Error.NotFound("services.talent_not_found", "未找到该人才 / The talent was not found.");

    public static readonly Error TalentNotActive =
        Error.Conflict("services.talent_not_active", "人才状态不是正常，不能申请 / The talent is not active and cannot apply.");

    public static readonly Error IdentityMismatch =
        Error.Validation("services.identity_mismatch", "身份证号码与人才档案不一致 / The ID number does not match the talent's record.",
            new Dictionary<string, string[]> { ["idNumber"] = ["与档案不一致 / Does not match."] });

    public static readonly Error WindowOnly =
        Error.Forbidden("services.window_staff_only", "只有部门或人才办窗口人员可代为申请 / Only department or talent-office window staff may apply on a talent's behalf.");

    public static readonly Error ApplicationNotFound =
        Error.NotFound("services.application_not_found", "未找到该申请 / The application was not found.");

    public static readonly Error StepNotFound =
        Error.NotFound("services.step_not_found", "未找到该办理环节 / The step was not found.");

    public static readonly Error WrongDepartment =
        Error.Forbidden("services.wrong_department", "该环节不属于本部门 / This step belongs to another department.");

    public static readonly Error StepNotOpen =
        Error.Conflict("services.step_not_open", "该环节当前不能办理 / This step cannot be acted on now.");

    public static readonly Error SameApprover =
        Error.Conflict("services.same_approver", "复核人不能与初审人为同一人 / The second approval must be given by another person.");

    public static readonly Error ItemPaused =
        Error.Conflict("services.awaiting_supplement", "正在等待申请人补正材料 / Waiting for the applicant's supplementary material.");

    public static readonly Error NotAwaitingSupplement =
        Error.Conflict("services.no_supplement_requested", "该申请没有待补正的材料 / No supplementary material was requested.");

    public static readonly Error NotDecided =
        Error.Conflict("services.not_approved", "申请尚未办结通过 / The application has not been approved.");

    public static readonly Error NotMailDelivery =
        Error.Conflict("services.not_mail_delivery", "该事项结果为网上送达 / This matter's result is delivered online.");

    public static readonly Error AlreadyDelivered =
        Error.Conflict("services.already_delivered", "结果已送达 / The result was already delivered.");

    public static readonly Error ReasonRequired =
        Error.Validation("services.reason_required", "请填写理由 / A reason is required.",
            new Dictionary<string, string[]> { ["reason"] = ["必填 / Required."] });

    public static readonly Error VersionConflict =
        Error.Conflict("services.version_conflict", "数据已被他人修改，请刷新后重试 / The record was changed by someone else; reload and try again.");

    public static readonly Error DefinitionInvalidJson =
        Error.Validation("services.definition_invalid", "事项定义不是有效的 JSON / The matter definition is not valid JSON.",
            new Dictionary<string, string[]> { ["definition"] = ["JSON 无效 / Invalid JSON."] });

    public static Error DefinitionInvalid(IReadOnlyDictionary<string, string[]> fields) =>
        Error.Validation("services.definition_invalid", string.Join(" ", fields.SelectMany(f => f.Value)), fields);

    public static Error Duplicate(string matterName) =>
        Error.Conflict("services.duplicate_application", $"“{matterName}”已有办理中的申请 / An application for this matter is already open.");

    public static Error AlreadyGranted(string matterName) =>
        Error.Conflict("services.already_granted", $"“{matterName}”已办结通过，不能重复申请 / This matter was already granted.");

    public static Error NotEligible(string matterName, string reasonZh, string reasonEn) =>
        Error.Validation("services.not_eligible", $"不符合“{matterName}”的申请条件：{reasonZh} / Not eligible: {reasonEn}",
            new Dictionary<string, string[]> { ["matters"] = [$"{reasonZh} / {reasonEn}"] });

    public static Error MaterialsMissing(IReadOnlyList<string> missing) =>
        Error.Validation("services.materials_missing", $"缺少材料：{string.Join("、", missing)} / Required materials are missing.",
            new Dictionary<string, string[]> { ["materials"] = missing.ToArray() });
}
