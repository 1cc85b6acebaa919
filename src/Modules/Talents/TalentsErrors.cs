using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents;

/// <summary>The stable error codes of the Talents module.</summary>
internal static class TalentsErrors
{
    public static readonly Error NotFound =
        Error.NotFound("talents.not_found", "未找到该人才 / The talent was not found.");

    public static readonly Error NoProfile =
        Error.NotFound("talents.no_profile", "您的账号尚未关联人才档案 / Your account is not linked to a talent profile.");

    public static readonly Error IdNumberDuplicate =
        Error.Conflict("talents.id_number_duplicate", "该身份证号码已登记 / A talent with this resident ID number is already registered.");

    public static readonly Error AccountAlreadyLinked =
        Error.Conflict("talents.account_already_linked", "该账号已关联其他人才 / This account is already linked to another talent.");

    public static readonly Error LevelUnknown =
        Error.Validation("talents.level_unknown", "人才层次无效 / Unknown talent level (a, b, c, d, e, youth, social, reserve).",
            new Dictionary<string, string[]> { ["level"] = ["a, b, c, d, e, youth, social, reserve"] });

    public static readonly Error CategoryUnknown =
        Error.Validation("talents.category_unknown", "人才类别无效 / Unknown talent category.",
            new Dictionary<string, string[]> { ["category"] = ["science, engineering, medicine, education, finance, culture, management"] });

    public static readonly Error StatusUnknown =
        Error.Validation("talents.status_unknown", "状态无效 / Unknown status (active, suspended, terminated).",
            new Dictionary<string, string[]> { ["status"] = ["active, suspended, terminated"] });

    public static readonly Error LevelUnchanged =
        Error.Conflict("talents.level_unchanged", "层次和类别均未变化 / Level and category are unchanged.");

    public static readonly Error StatusUnchanged =
        Error.Conflict("talents.status_unchanged", "状态未变化 / The status is unchanged.");

    public static readonly Error Terminated =
        Error.Conflict("talents.terminated", "该人才已终止，不能再变更 / The talent is terminated; no further changes are possible.");

    public static readonly Error VersionConflict =
        Error.Conflict("talents.version_conflict", "数据已被他人修改，请刷新后重试 / The record was changed by someone else; reload and try again.");

    public static readonly Error ChangeRequestNotFound =
        Error.NotFound("talents.change_request_not_found", "未找到该变更申请 / The change request was not found.");

    public static readonly Error ChangeRequestNotPending =
        Error.Conflict("talents.change_request_not_pending", "该变更申请已处理 / The change request was already decided.");

    public static readonly Error ReasonRequired =
        Error.Validation("talents.reason_required", "请填写理由 / A reason is required.",
            new Dictionary<string, string[]> { ["reason"] = ["必填 / Required."] });

    public static readonly Error EnterpriseNotFound =
        Error.NotFound("talents.enterprise_not_found", "未找到该企业 / The enterprise was not found.");

    public static readonly Error EnterpriseExists =
        Error.Conflict("talents.enterprise_exists", "该企业档案已存在 / The enterprise profile already exists.");

    public static readonly Error EnterpriseOrganisationInvalid =
        Error.Validation("talents.enterprise_organisation_invalid", "该组织不是已登记的企业 / The organisation is not a registered enterprise.",
            new Dictionary<string, string[]> { ["organisationId"] = ["不是企业组织 / Not an enterprise organisation."] });

    public static readonly Error EmployerInvalid =
        Error.Validation("talents.employer_invalid", "工作单位不是已登记的企业 / The employer is not a registered enterprise.",
            new Dictionary<string, string[]> { ["employerOrganisationId"] = ["不是企业组织 / Not an enterprise organisation."] });

    public static readonly Error CreditCodeDuplicate =
        Error.Conflict("talents.credit_code_duplicate", "该统一社会信用代码已登记 / This unified social credit code is already registered.");

    public static readonly Error FounderNotFound =
        Error.Validation("talents.founder_not_found", "创始人不在人才库中 / The founder is not a registered talent.",
            new Dictionary<string, string[]> { ["founderTalentId"] = ["未找到 / Not found."] });

    public static Error ChangeRequestPending(string field) =>
        Error.Conflict("talents.change_request_pending", $"“{ProfileFieldsLabel(field)}”已有待审核的变更申请 / A change request for this field is already pending.");

    /// <summary>Adds the field name to a value-object error (ResidentIdNumber, UnifiedSocialCreditCode).</summary>
    public static Error ForField(this Error error, string field) =>
        error with { Fields = new Dictionary<string, string[]> { [field] = [error.Message] } };

    /// <summary>API field names are camelCase (<c>education_school</c> → <c>educationSchool</c>), like the request properties.</summary>
    public static Error WithJsonFieldNames(this Error error) =>
        error.Fields is null ? error : error with { Fields = error.Fields.ToDictionary(f => JsonName(f.Key), f => f.Value, StringComparer.Ordinal) };

    public static string JsonName(string key)
    {
        var parts = key.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static string ProfileFieldsLabel(string field) => Domain.ProfileFields.Find(field)?.LabelZh ?? field;
}
