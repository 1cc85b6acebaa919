using TalentPass.SharedKernel;

namespace TalentPass.Modules.Governance.Domain;

/// <summary>
/// The content of one rule version: conditions (all that are set must hold), procedure and effect. A rule with no
/// automatic condition is applied only by hand (a case opened by staff with the facts).
/// </summary>
internal sealed record RuleDefinition(
    string NameZh,
    string NameEn,
    int? MisuseReportsMin,
    int? MisuseReportsDays,
    bool ReviewOverdue,
    bool LeftArea,
    bool ConfirmedSignal,
    int ResponseWorkingDays,
    string DeciderRole,
    bool DeciderNotSender,
    string Effect,
    Guid? EffectPartnerId,
    string? TerminationGround)
{
    public bool HasAutomaticCondition => MisuseReportsMin is > 0 || ReviewOverdue || LeftArea || ConfirmedSignal;

    /// <summary>Shape checks that do not depend on who asks.</summary>
    public Error? Validate()
    {
        if (string.IsNullOrWhiteSpace(NameZh) || NameZh.Length > 100 || string.IsNullOrWhiteSpace(NameEn) || NameEn.Length > 100)
        {
            return GovernanceErrors.Invalid("name", "中英文名称必填，最多100字 / Chinese and English names are required, at most 100 characters.");
        }

        if (MisuseReportsMin is { } min && (min < 1 || min > 1000 || MisuseReportsDays is not (>= 1 and <= 3660)))
        {
            return GovernanceErrors.Invalid("misuseReportsDays", "举报次数1–1000，期间1–3660天 / Reports 1–1000 within 1–3660 days.");
        }

        if (ResponseWorkingDays is < 0 or > 60)
        {
            return GovernanceErrors.Invalid("responseWorkingDays", "陈述申辩期为0–60个工作日 / The response period is 0–60 working days.");
        }

        if (!RuleEffects.All.Contains(Effect))
        {
            return GovernanceErrors.Invalid("effect", "未知的处理措施 / Unknown effect.");
        }

        if (Effect == RuleEffects.SuspendPartner && EffectPartnerId is null)
        {
            return GovernanceErrors.Invalid("effectPartnerId", "须指定合作机构 / Name the partner whose rights are suspended.");
        }

        if (Effect == RuleEffects.Terminate && (TerminationGround is null || !TerminationGrounds.All.Contains(TerminationGround)))
        {
            return GovernanceErrors.Invalid("terminationGround", "终止须注明四种情形之一 / Termination needs one of the four grounds.");
        }

        if (DeciderRole is not (Roles.TalentOffice or Roles.BigDataBureau or Roles.PartnerStaff))
        {
            return GovernanceErrors.Invalid("deciderRole", "决定人角色须为人才办、大数据局或合作机构 / The decider is the talent office, the big-data bureau or the partner.");
        }

        return null;
    }

    /// <summary>
    /// The remit (M-13): the talent office may set any rule; the big-data bureau rules on data conditions only (left
    /// the area, overdue review, confirmed scan signals) suspending all rights; a partner only rules whose effect is its
    /// own rights, on its own misuse reports, decided by itself.
    /// </summary>
    public static Error? CheckRemit(string ownerKind, Guid? ownerOrganisationId, RuleDefinition rule) => ownerKind switch
    {
        RuleOwners.TalentOffice => null,
        RuleOwners.BigDataBureau when rule.MisuseReportsMin is null && rule.Effect == RuleEffects.SuspendAll
            && rule.DeciderRole == Roles.BigDataBureau && rule.HasAutomaticCondition => null,
        RuleOwners.Partner when ownerOrganisationId is not null && rule.Effect == RuleEffects.SuspendPartner
            && rule.EffectPartnerId == ownerOrganisationId && rule.DeciderRole == Roles.PartnerStaff
            && !rule.LeftArea && !rule.ReviewOverdue && !rule.ConfirmedSignal => null,
        _ => GovernanceErrors.OutsideRemit,
    };
}
