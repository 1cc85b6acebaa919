using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Identity.Domain;
using TalentPass.SharedKernel;
using static TalentPass.Ui.Loc;

namespace TalentPass.Modules.Identity.Pages;

/// <summary>UI wording of the Identity pages: organisation kinds and error messages in Chinese and English.</summary>
internal static class IdentityText
{
    public static string Kind(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Operator => T("运营机构", "Operator"),
        OrganisationKind.TalentOffice => T("人才办", "Talent office"),
        OrganisationKind.BigDataBureau => T("大数据局", "Big-data bureau"),
        OrganisationKind.Department => T("政府部门", "Department"),
        OrganisationKind.Partner => T("合作单位", "Partner"),
        OrganisationKind.ServicePoint => T("服务网点", "Service point"),
        OrganisationKind.Enterprise => T("企业", "Enterprise"),
        _ => kind.ToString(),
    };

    public static string Kind(string? code) => OrganisationKinds.TryParse(code, out var kind) ? Kind(kind) : code ?? "—";

    /// <summary>The error with its message in the current UI language (the code stays the same).</summary>
    public static Error Localise(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Code switch
        {
            "auth.invalid_credentials" => T("用户名或密码不正确。", "The username or password is incorrect."),
            "auth.locked_out" => T("登录失败次数过多，账号已被临时锁定。请稍后再试或联系管理员解锁。", "Too many failed sign-ins: the account is locked. Try again later or ask an administrator to unlock it."),
            "auth.account_disabled" => T("该账号已停用。", "The account is deactivated."),
            "auth.demo_account_disabled" => T("演示模式未开启，演示账号不能登录。", "Demo accounts can only sign in when demo mode is on."),
            "auth.forbidden" => T("您无权执行此操作。", "You are not allowed to do this."),
            "identity.username_invalid" => T("用户名须为 3–64 位小写字母、数字或 . _ -。", "The username must be 3–64 characters of a–z, 0–9, '.', '_' or '-'."),
            "identity.username_taken" => T("该用户名已被使用。", "This username is already taken."),
            "identity.password_weak" => T("密码至少 10 位，且须包含字母、数字和符号。", "The password must have at least 10 characters with letters, digits and a symbol."),
            "identity.display_name_invalid" => T("请填写姓名（最多 100 字）。", "The display name is required (at most 100 characters)."),
            "identity.roles_required" => T("请至少选择一个角色。", "Choose at least one role."),
            "identity.role_unknown" => T("未知角色。", "Unknown role."),
            "identity.role_not_grantable" => T("您不能授予或撤销该角色。", "You may not grant or revoke this role."),
            "identity.self_role_change" => T("不能修改自己的角色。", "You cannot change your own roles."),
            "identity.self_account_change" => T("不能锁定或停用自己的账号。", "You cannot lock or deactivate your own account."),
            "identity.account_not_manageable" => T("您不能管理该账号。", "You may not manage this account."),
            "identity.role_organisation_mismatch" => T("角色与所属机构类型不符：", "The roles do not match the organisation: ") + error.Message,
            "identity.organisation_unknown" => T("所选机构不存在。", "The organisation does not exist."),
            "identity.organisation_code_invalid" => T("机构代码须为 2–64 位字母、数字或 . _ -。", "The code must be 2–64 characters of letters, digits, '.', '_' or '-'."),
            "identity.organisation_code_taken" => T("该机构代码已存在。", "An organisation with this code already exists."),
            "identity.organisation_name_invalid" => T("请填写机构名称（最多 100 字）。", "The name is required (at most 100 characters)."),
            "identity.organisation_kind_unknown" => T("未知的机构类型。", "Unknown organisation kind."),
            "identity.organisation_kind_not_allowed" => T("您不能创建或修改该类型的机构。", "You may not create or change organisations of this kind."),
            "identity.organisation_parent_unknown" => T("上级机构不存在。", "The parent organisation does not exist."),
            "identity.concurrency_conflict" => T("该记录已被他人修改，请刷新后重试。", "Someone else changed this record. Reload and try again."),
            _ => error.Message,
        };
        return error with { Message = message, Fields = null };
    }
}
