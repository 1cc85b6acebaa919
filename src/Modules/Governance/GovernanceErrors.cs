using TalentPass.SharedKernel;

namespace TalentPass.Modules.Governance;

/// <summary>The stable error codes of the Governance module.</summary>
internal static class GovernanceErrors
{
    public static readonly Error OutsideRemit =
        Error.Forbidden("governance.outside_remit", "该规则超出您单位的职责范围 / This rule is outside your organisation's remit.");

    public static readonly Error RuleNotFound =
        Error.NotFound("governance.rule_not_found", "未找到该规则 / The rule was not found.");

    public static readonly Error RuleNotActive =
        Error.Conflict("governance.rule_not_active", "该规则版本已停用或被新版本取代 / This rule version is retired or superseded.");

    public static readonly Error RuleCodeTaken =
        Error.Conflict("governance.rule_code_taken", "规则编码已被使用 / The rule code is already in use.");

    public static readonly Error CaseNotFound =
        Error.NotFound("governance.case_not_found", "未找到该案件 / The case was not found.");

    public static readonly Error CaseNotOpen =
        Error.Conflict("governance.case_not_open", "该案件已决定或已关闭 / The case is already decided or closed.");

    public static readonly Error CaseExists =
        Error.Conflict("governance.case_exists", "该人才在此规则下已有待决案件 / The talent already has an open case under this rule.");

    public static readonly Error ResponsePeriodRunning =
        Error.Conflict("governance.response_period_running", "陈述申辩期尚未届满，暂不能作出决定 / The talent's response period has not ended; no decision yet.");

    public static readonly Error ResponsePeriodOver =
        Error.Conflict("governance.response_period_over", "陈述申辩期已届满 / The response period is over.");

    public static readonly Error NotDecider =
        Error.Forbidden("governance.not_decider", "按规则您无权作出该决定 / Under the rule you may not decide this case.");

    public static readonly Error SameDecider =
        Error.Conflict("governance.same_decider", "须由原决定人（或通知发送人）以外的人员决定 / Someone other than the original decider (or the notice sender) must decide.");

    public static readonly Error NotSuspended =
        Error.Conflict("governance.not_suspended", "该案件未作出暂停决定，无需恢复 / The case did not end in a suspension; nothing to reinstate.");

    public static readonly Error AppealExists =
        Error.Conflict("governance.appeal_exists", "该决定已提出复议 / This decision has already been appealed.");

    public static readonly Error AppealNotAllowed =
        Error.Conflict("governance.appeal_not_allowed", "该案件没有可复议的决定 / This case has no decision to appeal.");

    public static readonly Error AppealDeadlinePassed =
        Error.Conflict("governance.appeal_deadline_passed", "复议申请期限已过 / The appeal deadline has passed.");

    public static readonly Error AppealNotFound =
        Error.NotFound("governance.appeal_not_found", "该案件没有待决的复议 / The case has no pending appeal.");

    public static readonly Error SignalNotFound =
        Error.NotFound("governance.signal_not_found", "未找到该异常信号 / The misuse signal was not found.");

    public static readonly Error SignalReviewed =
        Error.Conflict("governance.signal_reviewed", "该信号已处理 / The signal was already reviewed.");

    public static readonly Error TalentUnknown =
        Error.NotFound("governance.talent_unknown", "未找到该人才 / The talent was not found.");

    public static readonly Error NoPartner =
        Error.Forbidden("governance.no_partner", "当前账号不属于合作机构 / This account does not belong to a partner.");

    public static readonly Error NoProfile =
        Error.NotFound("governance.no_profile", "您的账号尚未关联人才档案 / Your account is not linked to a talent profile.");

    public static readonly Error Concurrency =
        Error.Conflict("governance.concurrent_change", "该记录已被他人修改，请刷新后重试 / Someone else changed this record; reload and try again.");

    public static Error Invalid(string field, string message) =>
        Error.Validation("governance.invalid", "请检查输入 / Please check the input.", new Dictionary<string, string[]> { [field] = [message] });

    public static readonly Error SubjectRequired = Invalid("talent", "请提供人才码或卡片标识 / Give the scanned code or the card token.");

    public static readonly Error SubjectNotFound =
        Error.NotFound("governance.subject_not_found", "无法识别被举报的人才 / The reported talent could not be identified.");
}
