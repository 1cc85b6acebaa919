using TalentPass.SharedKernel;

namespace TalentPass.Modules.HostBank;

/// <summary>The stable error codes of the HostBank module.</summary>
internal static class HostBankErrors
{
    public static readonly Error NoTalent =
        Error.NotFound("hostbank.no_talent", "您的账号尚未关联人才档案 / Your account is not linked to a talent profile.");

    public static readonly Error NotPartner =
        Error.Forbidden("hostbank.not_partner", "只有合作银行可以报送主办银行数据 / Only a partner bank reports host-bank figures.");

    public static readonly Error PartnerNotEligible =
        Error.Validation(
            "hostbank.partner_not_eligible",
            "所选机构不是在合作中的金融机构 / The chosen organisation is not an active financial partner.",
            new Dictionary<string, string[]> { ["partnerOrganisationId"] = ["不是在合作中的银行 / Not an active partner bank."] });

    public static readonly Error NoCard =
        Error.Conflict("hostbank.no_card", "只能选择已为您发放人才卡的银行作为主办银行 / You can only choose a bank that issued you a talent card.");

    public static readonly Error AlreadyChosen =
        Error.Conflict("hostbank.already_chosen", "您已有主办银行；同一时间只能有一家，请使用“变更主办银行” / You already have a host bank; only one at a time — change it instead.");

    public static readonly Error NoHostBank =
        Error.NotFound("hostbank.no_host_bank", "您尚未选择主办银行 / You have not chosen a host bank.");

    public static readonly Error SameBank =
        Error.Conflict("hostbank.same_bank", "该银行已是您的主办银行 / This bank is already your host bank.");

    public static readonly Error QuarterInvalid =
        Error.Validation(
            "hostbank.quarter_invalid",
            "季度格式为 2026Q3，且不能是未来的季度 / A quarter is written 2026Q3 and cannot lie in the future.",
            new Dictionary<string, string[]> { ["quarter"] = ["格式 2026Q3 / Format 2026Q3."] });

    public static readonly Error EnterpriseNotFound =
        Error.NotFound("hostbank.enterprise_not_found", "没有该企业，或该季度贵行不是其创办人才的主办银行 / No such enterprise, or your bank was not its founder's host bank in that quarter.");

    public static readonly Error NotEnterpriseContact =
        Error.NotFound("hostbank.enterprise_not_found", "没有该企业 / No such enterprise.");

    public static readonly Error DuplicateReport =
        Error.Conflict("hostbank.duplicate_report", "该企业该季度已报送过不同的数据 / Different figures were already reported for this enterprise and quarter.");

    public static readonly Error FiguresInconsistent =
        Error.Validation(
            "hostbank.figures_inconsistent",
            "主办银行的存款或贷款大于企业在所有银行的总额 / The host bank's deposits or loans exceed the enterprise's totals at all banks.");

    public static Error Negative(string field) =>
        Error.Validation(
            "hostbank.figures_negative",
            "金额不能为负数 / Amounts cannot be negative.",
            new Dictionary<string, string[]> { [field] = ["不能为负数 / Cannot be negative."] });
}
