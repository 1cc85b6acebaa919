using TalentPass.SharedKernel;

namespace TalentPass.Modules.Recognition;

/// <summary>The stable error codes of the Recognition module.</summary>
internal static class RecognitionErrors
{
    public static readonly Error NotFound =
        Error.NotFound("recognition.not_found", "未找到该认定申请 / The recognition was not found.");

    public static readonly Error TalentNotFound =
        Error.NotFound("recognition.talent_not_found", "未找到该人才 / The talent was not found.");

    public static readonly Error NoProfile =
        Error.NotFound("recognition.no_profile", "您的账号尚未关联人才档案 / Your account is not linked to a talent profile.");

    public static readonly Error TalentNotActive =
        Error.Conflict("recognition.talent_not_active", "该人才当前状态不是正常，不能认定 / The talent is not active and cannot be recognised.");

    public static readonly Error LevelUnknown =
        Error.Validation("recognition.level_unknown", "认定层次无效 / Unknown level (a, b, c, d, e, youth, social).",
            new Dictionary<string, string[]> { ["level"] = ["a, b, c, d, e, youth, social"] });

    public static readonly Error PathUnknown =
        Error.Validation("recognition.path_unknown", "认定方式无效 / Unknown path (standard, expert_review).",
            new Dictionary<string, string[]> { ["path"] = ["standard, expert_review"] });

    public static readonly Error NotAnUpgrade =
        Error.Conflict("recognition.not_an_upgrade", "申请的层次不高于该人才现有层次 / The level is not higher than the talent's current level.");

    public static readonly Error OpenApplicationExists =
        Error.Conflict("recognition.open_application_exists", "该人才已有办理中的认定申请 / The talent already has a recognition application in progress.");

    public static readonly Error CriteriaRequired =
        Error.Validation("recognition.criteria_required", "请选择至少一项认定标准 / Cite at least one criterion.",
            new Dictionary<string, string[]> { ["criteria"] = ["必填 / Required."] });

    public static Error CriterionUnknown(string code) =>
        Error.Validation("recognition.criterion_unknown", $"认定标准不存在 / Unknown criterion: {code}.",
            new Dictionary<string, string[]> { ["criteria"] = [$"{code}"] });

    public static readonly Error CriteriaBelowLevel =
        Error.Validation("recognition.criteria_below_level", "所引用的标准不支持申请的层次 / None of the cited criteria supports the requested level.",
            new Dictionary<string, string[]> { ["criteria"] = ["标准层次低于申请层次 / Criteria are below the requested level."] });

    public static readonly Error EvidenceRequired =
        Error.Validation("recognition.evidence_required", "请上传证明材料 / Attach at least one evidence document.",
            new Dictionary<string, string[]> { ["evidence"] = ["必填 / Required."] });

    public static readonly Error EvidenceInvalid =
        Error.Validation("recognition.evidence_invalid", "证明材料无效（每份不超过 2 MB，最多 10 份）/ Invalid evidence (at most 10 documents of 2 MB each).",
            new Dictionary<string, string[]> { ["evidence"] = ["每份不超过 2 MB / At most 2 MB each."] });

    public static readonly Error WrongState =
        Error.Conflict("recognition.wrong_state", "该认定申请当前状态不允许此操作 / The recognition is not in a state that allows this.");

    public static readonly Error WrongPath =
        Error.Conflict("recognition.wrong_path", "该操作不适用于此认定方式 / This action does not apply to this recognition path.");

    public static readonly Error VersionConflict =
        Error.Conflict("recognition.version_conflict", "数据已被他人修改，请刷新后重试 / The record was changed by someone else; reload and try again.");

    public static readonly Error PanelTooSmall =
        Error.Validation("recognition.panel_too_small", "评审组至少需要3名无利益冲突的专家 / A panel needs at least 3 experts without a conflict of interest.",
            new Dictionary<string, string[]> { ["experts"] = ["至少3名 / At least 3."] });

    public static Error ExpertUnknown(Guid id) =>
        Error.Validation("recognition.expert_unknown", $"不在专家库中或已停用 / Not an active member of the expert pool: {id}.",
            new Dictionary<string, string[]> { ["experts"] = [id.ToString()] });

    public static readonly Error ExpertIsApplicant =
        Error.Conflict("recognition.same_person", "同一人不能既是申请人又是评审专家 / The applicant cannot review their own application.");

    public static readonly Error SamePerson =
        Error.Conflict("recognition.same_person", "同一人不能在同一认定中担任两个角色（评审专家、代为申请人、决定人）/ The same person cannot act twice in one recognition (expert, filer, decider).");

    public static readonly Error NotOnPanel =
        Error.NotFound("recognition.not_on_panel", "您不是该认定评审组的专家 / You are not on this recognition's panel.");

    public static readonly Error ConflictOfInterest =
        Error.Forbidden("recognition.conflict_of_interest", "存在利益冲突（已申报或与申请人同单位），不能评分 / A conflict of interest (declared, or the applicant's employer): you cannot score.");

    public static readonly Error DeclarationRequired =
        Error.Conflict("recognition.declaration_required", "评分前请先申报利益冲突情况 / Declare your conflicts of interest before scoring.");

    public static readonly Error AlreadyDeclared =
        Error.Conflict("recognition.already_declared", "已申报，不能更改 / Already declared; a declaration cannot be changed.");

    public static readonly Error AlreadyScored =
        Error.Conflict("recognition.already_scored", "已评分，不能更改 / Already scored; a score cannot be changed.");

    public static readonly Error ScoreInvalid =
        Error.Validation("recognition.score_invalid", "评分须为0–100的整数 / The score must be a whole number from 0 to 100.",
            new Dictionary<string, string[]> { ["score"] = ["0–100"] });

    public static readonly Error NotEnoughScores =
        Error.Conflict("recognition.not_enough_scores", "有效评分不足3份，不能结束评审 / Fewer than 3 valid scores; the review cannot be closed.");

    public static readonly Error LevelAboveRecommendation =
        Error.Conflict("recognition.level_above_recommendation", "决定的层次不能高于推荐层次 / The decided level cannot be above the recommended level.");

    public static readonly Error NoRecommendation =
        Error.Conflict("recognition.no_recommendation", "没有可认定的层次（标准未满足或评分低于门槛）/ There is no level to recognise (criteria not met or score below the threshold).");

    public static readonly Error ReasonRequired =
        Error.Validation("recognition.reason_required", "请填写理由 / A reason is required.",
            new Dictionary<string, string[]> { ["reason"] = ["必填 / Required."] });

    public static readonly Error EffectiveDateInvalid =
        Error.Validation("recognition.effective_date_invalid", "生效日期须在今天之前一年内且不晚于今天 / The effective date must be within the past year and not in the future.",
            new Dictionary<string, string[]> { ["effectiveOn"] = ["不晚于今天 / Not in the future."] });

    public static readonly Error EmployerNotQualified =
        Error.Conflict("recognition.employer_not_qualified", "本单位没有该层次当年的自主认定名额 / Your organisation has no self-recognition quota for this level and year.");

    public static readonly Error QuotaExhausted =
        Error.Conflict("recognition.quota_exhausted", "本年度该层次的自主认定名额已用完 / This year's self-recognition quota for this level is used up.");

    public static readonly Error QuotaBelowUsed =
        Error.Conflict("recognition.quota_below_used", "名额不能少于已使用数 / The quota cannot be less than the number already used.");

    public static readonly Error QuotaInvalid =
        Error.Validation("recognition.quota_invalid", "名额须为0–1000的整数，年份2020–2100 / Quota 0–1000, year 2020–2100.",
            new Dictionary<string, string[]> { ["quota"] = ["0–1000"] });

    public static readonly Error OrganisationNotEnterprise =
        Error.Validation("recognition.organisation_not_enterprise", "该组织不是企业 / The organisation is not an enterprise.",
            new Dictionary<string, string[]> { ["organisationId"] = ["不是企业 / Not an enterprise."] });

    public static readonly Error NotAnEmployee =
        Error.NotFound("recognition.talent_not_found", "未找到本单位的该人才 / No such talent employed by your organisation.");

    public static readonly Error NotApproved =
        Error.Conflict("recognition.not_approved", "该认定未生效或已撤销 / The recognition is not in force.");

    public static readonly Error TrackingInvalid =
        Error.Validation("recognition.tracking_invalid", "请填写快递公司和运单号 / Carrier and tracking number are required.",
            new Dictionary<string, string[]> { ["trackingNumber"] = ["必填 / Required."] });

    public static readonly Error ExpertAccountUnknown =
        Error.Validation("recognition.expert_account_unknown", "账号不存在 / No such account.",
            new Dictionary<string, string[]> { ["username"] = ["账号不存在 / No such account."] });
}
