using TalentPass.Modules.Partners.Contracts;
using TalentPass.SharedKernel;
using static TalentPass.Ui.Loc;

namespace TalentPass.Modules.Partners.Pages;

/// <summary>UI wording of the Partners pages: statuses, kinds and error messages in Chinese and English.</summary>
internal static class PartnersText
{
    public static string Status(string? status) => status switch
    {
        PartnerStatuses.Active => T("合作中", "Active"),
        PartnerStatuses.Suspended => T("已暂停", "Suspended"),
        PartnerStatuses.Left => T("已退出", "Left"),
        "pending" => T("待审核", "Pending"),
        "approved" => T("已通过", "Approved"),
        "refused" => T("未通过", "Refused"),
        _ => status ?? "—",
    };

    public static string Badge(string? status) => status switch
    {
        PartnerStatuses.Active or "approved" => "badge badge-ok",
        PartnerStatuses.Suspended or "pending" => "badge badge-warn",
        _ => "badge badge-err",
    };

    public static string Kind(string? kind) => kind switch
    {
        PartnerKinds.Financial => T("金融机构", "Financial"),
        PartnerKinds.Consumer => T("消费商户", "Consumer"),
        _ => kind ?? "—",
    };

    public static string FileKind(string? kind) => kind switch
    {
        "business_licence" => T("营业执照", "Business licence"),
        "agreement" => T("签署的合作协议", "Signed agreement"),
        _ => T("其他材料", "Other"),
    };

    public static Error Localise(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Code switch
        {
            "auth.forbidden" => T("您无权执行此操作。", "You are not allowed to do this."),
            "partners.agreement_missing" => T("请上传签署的合作协议。", "Attach the signed agreement."),
            "partners.file_invalid" => T("材料须为 1 字节至 5 MB 的文件，最多 10 个。", "Each file must be 1 byte to 5 MB; at most 10 files."),
            "partners.licence_code_invalid" => T("统一社会信用代码应为 18 位且校验位正确。", "The unified social credit code must be 18 characters with a valid check character."),
            "partners.licence_code_taken" => T("该统一社会信用代码或机构代码已有合作单位或待审申请。", "A partner or pending application already uses this licence code or organisation code."),
            "partners.reason_required" => T("请填写理由（最多 500 字）。", "Give a reason (at most 500 characters)."),
            "partners.application_already_decided" => T("该申请已审核。", "The application was already decided."),
            "partners.status_transition_invalid" => T("当前状态不能执行此操作。", "This status change is not possible now."),
            "partners.version_conflict" => T("记录已被他人修改，请刷新后重试。", "Someone else changed this record; reload and try again."),
            "partners.evidence_failed" => T("存证账本拒绝记录，未做任何更改。", "The evidence ledger refused the record; nothing was changed."),
            "partners.key_label_invalid" => T("请填写密钥名称（最多 100 字）。", "Give the key a label (at most 100 characters)."),
            "partners.too_many_keys" => T("最多 10 个有效密钥，请先吊销一个。", "At most 10 active keys: revoke one first."),
            "partners.rate_limit_invalid" => T("限流须为每分钟 1–1,000,000 次，或留空使用默认值。", "The limit must be 1–1,000,000 per minute, or empty for the default."),
            "identity.username_taken" => T("该用户名已被使用。", "This username is already taken."),
            "identity.organisation_code_taken" => T("该机构代码已被使用。", "This organisation code is already taken."),
            _ => null,
        };
        if (message is null && error.Fields is { Count: > 0 } fields)
        {
            message = T("请检查以下内容：", "Please check: ") + string.Join(" ", fields.SelectMany(f => f.Value));
        }

        return message is null ? error : error with { Message = message };
    }
}
