using TalentPass.SharedKernel;

namespace TalentPass.Modules.Policies;

/// <summary>The stable error codes of the Policies module.</summary>
internal static class PoliciesErrors
{
    public static readonly Error NotFound =
        Error.NotFound("policies.not_found", "没有该政策版本 / No such policy version.");

    public static readonly Error KindInvalid =
        Error.Validation(
            "policies.kind_invalid",
            "政策类别应为 levels、rights、amounts、matters 或 rules / The kind must be levels, rights, amounts, matters or rules.",
            new Dictionary<string, string[]> { ["kind"] = ["levels | rights | amounts | matters | rules"] });

    public static readonly Error LabelInvalid =
        Error.Validation(
            "policies.label_invalid",
            "版本号为 2–63 个小写字母、数字、点、横线或下划线，如 rights-2027.1 / A version label is 2–63 lower-case letters, digits, dots, dashes or underscores, e.g. rights-2027.1.",
            new Dictionary<string, string[]> { ["label"] = ["如 rights-2027.1 / e.g. rights-2027.1"] });

    public static readonly Error LabelTaken =
        Error.Conflict("policies.label_taken", "该版本号已被使用；版本号一经使用不再改变 / This version label is taken; a label, once used, is never reused.");

    public static readonly Error TitleInvalid =
        Error.Validation(
            "policies.title_invalid",
            "请填写中英文标题（各不超过 200 字） / Give a Chinese and an English title (200 characters at most each).",
            new Dictionary<string, string[]> { ["titleZh"] = ["必填 / Required."] });

    public static readonly Error ValidityInvalid =
        Error.Validation(
            "policies.validity_invalid",
            "有效期截止日不能早于生效日，且不超过十年 / The validity must end on or after it starts, and last ten years at most.",
            new Dictionary<string, string[]> { ["validTo"] = ["不早于生效日 / Not before the start."] });

    public static readonly Error DigestInvalid =
        Error.Validation(
            "policies.digest_invalid",
            "请提供文件内容或其摘要（sha256:64位十六进制） / Give the document's text or its digest (sha256:<64 hex>).",
            new Dictionary<string, string[]> { ["documentDigest"] = ["sha256:<64 hex>"] });

    public static readonly Error MinutesRequired =
        Error.Validation(
            "policies.minutes_required",
            "联席会议审议和领导小组批准须附会议纪要或批准文件（内容或摘要） / The joint-meeting review and the leading-group approval need their minutes or decision (text or digest).",
            new Dictionary<string, string[]> { ["minutesDigest"] = ["sha256:<64 hex>"] });

    public static readonly Error SupersedesInvalid =
        Error.Validation(
            "policies.supersedes_invalid",
            "只能替代同一类别的已批准版本 / A new version can only supersede an approved version of the same kind.",
            new Dictionary<string, string[]> { ["supersedesId"] = ["同类已批准版本 / An approved version of the same kind."] });

    public static readonly Error ApprovedImmutable =
        Error.Conflict("policies.approved_immutable", "已批准的政策版本不能修改；请新建一个替代它的版本 / An approved policy version cannot be changed; create a new version that supersedes it.");

    public static readonly Error NotDraft =
        Error.Conflict("policies.not_draft", "只有草稿可以修改；已提交的版本按审批流程推进 / Only a draft can be edited; a proposed version moves on through the approval trail.");

    public static readonly Error WrongStep =
        Error.Conflict("policies.wrong_step", "审批须按 草稿 → 提请 → 联席会议审议 → 领导小组批准 的顺序进行 / Approval goes draft → proposed → joint-meeting reviewed → leading-group approved, in that order.");

    public static readonly Error SameApprover =
        Error.Forbidden("policies.same_approver", "提请人不能批准自己提请的政策版本 / The proposer cannot approve the version they proposed.");

    public static readonly Error Concurrency =
        Error.Conflict("policies.concurrency", "该版本刚被他人修改，请刷新后重试 / The version was changed meanwhile; reload and try again.");
}
