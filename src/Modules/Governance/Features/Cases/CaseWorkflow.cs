using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Governance.Domain;
using TalentPass.Modules.Governance.Persistence;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Notifications.Contracts;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Governance.Features.Cases;

/// <summary>
/// The procedure of a case: open with the facts and send the notice; the talent responds within the response period;
/// after it a permitted decider (not the notice sender when the rule says so) decides; reinstatement and appeals are
/// decided by someone other than the original decider. Effects go through <see cref="ITalentDecisions"/>.
/// </summary>
internal sealed class CaseWorkflow(
    GovernanceDbContext db,
    ITalentDecisions decisions,
    ITalentDirectory talents,
    INotifier notifier,
    Deadlines deadlines,
    DecisionRecorder recorder,
    Microsoft.Extensions.Options.IOptions<GovernanceOptions> options,
    TimeProvider clock)
{
    public const string ManualDecider = "case";

    /// <summary>Opens a case under <paramref name="rule"/> and sends the notice; <paramref name="openedBy"/> null = the rule engine.</summary>
    public async Task<Result<CaseRow>> OpenAsync(RuleRow rule, Guid talentId, JsonObject facts, Guid? openedBy, CancellationToken ct)
    {
        if (rule.Status != "active")
        {
            return GovernanceErrors.RuleNotActive;
        }

        var talent = await talents.GetAsync(talentId, ct);
        if (talent is null)
        {
            return GovernanceErrors.TalentUnknown;
        }

        if (await db.Cases.AnyAsync(c => c.TalentId == talentId && c.RuleCode == rule.Code && c.Status == CaseStatuses.Noticed, ct))
        {
            return GovernanceErrors.CaseExists;
        }

        var now = clock.GetUtcNow();
        var until = await deadlines.EndAfterWorkingDaysAsync(now, rule.ResponseWorkingDays, ct);
        if (!until.IsSuccess)
        {
            return until.Error;
        }

        facts["talentStatusAtOpening"] = talent.Status;
        facts["noticeDelivered"] = talent.AccountId is not null;
        var row = new CaseRow
        {
            Id = Guid.CreateVersion7(now),
            TalentId = talentId,
            RuleId = rule.Id,
            RuleCode = rule.Code,
            RuleVersion = rule.Version,
            Effect = rule.Effect,
            Status = CaseStatuses.Noticed,
            FactsJson = facts.ToJsonString(),
            OpenedAt = now,
            OpenedBy = openedBy,
            NoticeSentAt = now,
            NoticeSentBy = openedBy,
            RespondUntil = until.Value,
            Version = 1,
        };
        db.Cases.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return GovernanceErrors.CaseExists; // another node opened the same case a moment ago
        }

        if (talent.AccountId is { } account)
        {
            var lastDay = Deadlines.LastDay(row.RespondUntil);
            var period = rule.ResponseWorkingDays == 0
                ? ("本规则不设陈述申辩期。", "This rule has no response period.")
                : ($"请于{lastDay:yyyy-MM-dd}前陈述申辩。", $"You may respond until {lastDay:yyyy-MM-dd}.");
            await notifier.NotifyAsync(new NotificationDraft(
                account,
                "governance.case_notice",
                "权益处理事先告知",
                "Notice of a proposed decision on your rights",
                $"根据规则“{rule.NameZh}”（第{rule.Version}版），拟对您的人才权益作出处理。{period.Item1}",
                $"Under the rule \"{rule.NameEn}\" (version {rule.Version}) a decision on your talent rights is proposed. {period.Item2}",
                "/me/cases",
                talentId,
                "governance:notice:" + row.Id.ToString("N")), ct);
        }

        return row;
    }

    /// <summary>The decider applies the rule's effect (<paramref name="apply"/>) or dismisses the case.</summary>
    public async Task<Result<CaseRow>> DecideAsync(CaseRow @case, RuleRow rule, GovernanceAccess access, bool apply, string reason, CancellationToken ct)
    {
        if (@case.Status != CaseStatuses.Noticed)
        {
            return GovernanceErrors.CaseNotOpen;
        }

        if (!access.MayDecide(rule))
        {
            return GovernanceErrors.NotDecider;
        }

        var me = access.User.AccountId;
        if (rule.DeciderNotSender && me is not null && (me == @case.NoticeSentBy || me == @case.OpenedBy))
        {
            return GovernanceErrors.SameDecider;
        }

        var now = clock.GetUtcNow();
        if (now < @case.RespondUntil)
        {
            return GovernanceErrors.ResponsePeriodRunning;
        }

        var outcome = !apply ? CaseOutcomes.Dismissed : rule.Effect switch
        {
            RuleEffects.SuspendAll => CaseOutcomes.Suspended,
            RuleEffects.SuspendPartner => CaseOutcomes.Restricted,
            _ => CaseOutcomes.Terminated,
        };
        var appealUntil = apply ? await deadlines.EndAfterWorkingDaysAsync(now, options.Value.AppealWorkingDays, ct) : now;
        if (!appealUntil.IsSuccess)
        {
            return appealUntil.Error;
        }

        @case.Status = apply ? CaseStatuses.Decided : CaseStatuses.Dismissed;
        @case.Outcome = outcome;
        @case.DecidedAt = now;
        @case.DecidedBy = me;
        @case.DecisionReason = reason;
        @case.AppealUntil = apply ? appealUntil.Value : null;
        @case.Version++;
        if (await SaveAsync(ct) is { } conflict)
        {
            return conflict;
        }

        if (apply)
        {
            var effect = await ApplyAsync(@case, rule, reason, me, now, ct);
            if (!effect.IsSuccess)
            {
                // Undo the claim: the case stays open and nothing changed.
                @case.Status = CaseStatuses.Noticed;
                @case.Outcome = null;
                @case.DecidedAt = null;
                @case.DecidedBy = null;
                @case.DecisionReason = null;
                @case.AppealUntil = null;
                @case.Version++;
                await db.SaveChangesAsync(ct);
                return effect.Error;
            }
        }

        var (kind, ledgerKind) = outcome switch
        {
            CaseOutcomes.Dismissed => (DecisionKinds.Dismissal, (string?)null),
            CaseOutcomes.Terminated => (DecisionKinds.Termination, LedgerKinds.TerminationDecision),
            _ => (DecisionKinds.Suspension, LedgerKinds.SuspensionDecision),
        };
        await recorder.RecordAsync(@case, kind, outcome, ledgerKind, me, rule.DeciderRole, access.User.OrganisationId, reason,
            outcome == CaseOutcomes.Terminated ? rule.TerminationGround : null, now, ct);
        await NotifyTalentAsync(@case, "governance.case_decided",
            apply ? "权益处理决定" : "案件已撤销",
            apply ? "Decision on your rights" : "Case dismissed",
            apply ? $"已作出处理决定（{OutcomeZh(outcome)}）。如不服，可在{Deadlines.LastDay(@case.AppealUntil!.Value):yyyy-MM-dd}前申请复议。" : "经审查，对您的拟处理已撤销。",
            apply ? $"A decision was made ({outcome}). You may appeal until {Deadlines.LastDay(@case.AppealUntil!.Value):yyyy-MM-dd}." : "After review the proposed decision was dismissed.",
            ct);
        return @case;
    }

    /// <summary>Lifts a suspension or restriction; someone other than the original decider decides.</summary>
    public async Task<Result<CaseRow>> ReinstateAsync(CaseRow @case, RuleRow rule, GovernanceAccess access, string reason, CancellationToken ct)
    {
        if (@case.Status != CaseStatuses.Decided || @case.Outcome is not (CaseOutcomes.Suspended or CaseOutcomes.Restricted))
        {
            return GovernanceErrors.NotSuspended;
        }

        if (!access.MayReview(rule))
        {
            return GovernanceErrors.NotDecider;
        }

        if (access.User.AccountId is { } me && me == @case.DecidedBy)
        {
            return GovernanceErrors.SameDecider;
        }

        var lifted = await LiftAsync(@case, reason, access.User.AccountId, ct);
        if (!lifted.IsSuccess)
        {
            return lifted.Error;
        }

        await recorder.RecordAsync(@case, DecisionKinds.Reinstatement, CaseStatuses.Reinstated, LedgerKinds.ReinstatementDecision,
            access.User.AccountId, access.User.IsInRole(Roles.TalentOffice) ? Roles.TalentOffice : rule.DeciderRole, access.User.OrganisationId, reason, null, clock.GetUtcNow(), ct);
        await NotifyTalentAsync(@case, "governance.reinstated", "权益已恢复", "Rights reinstated", "您的人才权益已恢复。", "Your talent rights are reinstated.", ct);
        return @case;
    }

    /// <summary>The talent's statement while the case is open.</summary>
    public async Task<Result<CaseRow>> RespondAsync(CaseRow @case, string text, CancellationToken ct)
    {
        if (@case.Status != CaseStatuses.Noticed)
        {
            return GovernanceErrors.CaseNotOpen;
        }

        @case.Response = text;
        @case.RespondedAt = clock.GetUtcNow();
        @case.Version++;
        return await SaveAsync(ct) is { } conflict ? conflict : @case;
    }

    /// <summary>The talent appeals the decision before the appeal deadline.</summary>
    public async Task<Result<AppealRow>> AppealAsync(CaseRow @case, string grounds, CancellationToken ct)
    {
        if (@case.Status != CaseStatuses.Decided || @case.AppealUntil is null)
        {
            return GovernanceErrors.AppealNotAllowed;
        }

        var now = clock.GetUtcNow();
        if (now > @case.AppealUntil)
        {
            return GovernanceErrors.AppealDeadlinePassed;
        }

        if (await db.Appeals.AnyAsync(a => a.CaseId == @case.Id, ct))
        {
            return GovernanceErrors.AppealExists;
        }

        var decideBy = await deadlines.EndAfterWorkingDaysAsync(now, options.Value.AppealDecisionWorkingDays, ct);
        if (!decideBy.IsSuccess)
        {
            return decideBy.Error;
        }

        var appeal = new AppealRow
        {
            Id = Guid.CreateVersion7(now),
            CaseId = @case.Id,
            TalentId = @case.TalentId,
            Grounds = grounds,
            FiledAt = now,
            DecideBy = decideBy.Value,
            Status = AppealStatuses.Pending,
        };
        db.Appeals.Add(appeal);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return GovernanceErrors.AppealExists;
        }

        return appeal;
    }

    /// <summary>Decides a pending appeal (not by the original decider); an upheld appeal lifts the effect.</summary>
    public async Task<Result<AppealRow>> DecideAppealAsync(CaseRow @case, RuleRow rule, GovernanceAccess access, bool upheld, string reason, CancellationToken ct)
    {
        var appeal = await db.Appeals.FirstOrDefaultAsync(a => a.CaseId == @case.Id && a.Status == AppealStatuses.Pending, ct);
        if (appeal is null)
        {
            return GovernanceErrors.AppealNotFound;
        }

        if (!access.MayReview(rule))
        {
            return GovernanceErrors.NotDecider;
        }

        var me = access.User.AccountId;
        if (me is not null && me == @case.DecidedBy)
        {
            return GovernanceErrors.SameDecider;
        }

        var now = clock.GetUtcNow();
        if (upheld && @case.Status == CaseStatuses.Decided)
        {
            var lifted = await LiftAsync(@case, reason, me, ct);
            if (!lifted.IsSuccess)
            {
                return lifted.Error;
            }
        }

        appeal.Status = upheld ? AppealStatuses.Upheld : AppealStatuses.Rejected;
        appeal.DecidedAt = now;
        appeal.DecidedBy = me;
        appeal.Reason = reason;
        await db.SaveChangesAsync(ct);

        var role = access.User.IsInRole(Roles.TalentOffice) ? Roles.TalentOffice : rule.DeciderRole;
        await recorder.RecordAsync(@case, DecisionKinds.Appeal, appeal.Status, LedgerKinds.AppealDecision, me, role, access.User.OrganisationId, reason, null, now, ct);
        if (upheld)
        {
            await recorder.RecordAsync(@case, DecisionKinds.Reinstatement, CaseStatuses.Reinstated, LedgerKinds.ReinstatementDecision, me, role, access.User.OrganisationId, reason, null, now, ct);
        }
        else if (@case.Outcome == CaseOutcomes.Terminated)
        {
            await FinaliseTerminationAsync(@case, ct);
        }

        await NotifyTalentAsync(@case, "governance.appeal_decided",
            upheld ? "复议决定：撤销原决定" : "复议决定：维持原决定",
            upheld ? "Appeal upheld" : "Appeal rejected",
            upheld ? "您的复议申请成立，原决定已撤销，权益已恢复。" : "您的复议申请不成立，维持原决定。",
            upheld ? "Your appeal was upheld; the decision is lifted and your rights are reinstated." : "Your appeal was rejected; the decision stands.",
            ct);
        return appeal;
    }

    /// <summary>
    /// A termination suspends at once and becomes final in the registry (terminated) when the appeal deadline passes
    /// without an appeal or the appeal is rejected; returns how many were finalised.
    /// </summary>
    public async Task<int> FinaliseDueTerminationsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Cases
            .Where(c => c.Status == CaseStatuses.Decided && c.Outcome == CaseOutcomes.Terminated && c.AppealUntil < now)
            .Take(200).ToListAsync(ct);
        var count = 0;
        foreach (var @case in due)
        {
            if (await db.Appeals.AnyAsync(a => a.CaseId == @case.Id && a.Status != AppealStatuses.Rejected, ct))
            {
                continue;
            }

            if (await FinaliseTerminationAsync(@case, ct))
            {
                count++;
            }
        }

        return count;
    }

    private async Task<bool> FinaliseTerminationAsync(CaseRow @case, CancellationToken ct)
    {
        var talent = await talents.GetAsync(@case.TalentId, ct);
        if (talent is null || talent.Status == "terminated")
        {
            return false;
        }

        var result = await decisions.ChangeStatusAsync(@case.TalentId, "terminated", "终止（决定生效）/ Termination final: " + (@case.DecisionReason ?? ""),
            "governance/case/" + @case.Id.ToString("D"), @case.DecidedBy, ct);
        return result.IsSuccess;
    }

    private async Task<Result> ApplyAsync(CaseRow @case, RuleRow rule, string reason, Guid? decidedBy, DateTimeOffset now, CancellationToken ct)
    {
        var reference = "governance/case/" + @case.Id.ToString("D");
        switch (rule.Effect)
        {
            case RuleEffects.SuspendPartner:
                db.Restrictions.Add(new RestrictionRow
                {
                    Id = Guid.CreateVersion7(now),
                    TalentId = @case.TalentId,
                    PartnerOrganisationId = rule.EffectPartnerId!.Value,
                    CaseId = @case.Id,
                    StartedAt = now,
                });
                await db.SaveChangesAsync(ct);
                return Result.Success();
            default:
                // Termination first suspends; it is made final after the appeal deadline (FinaliseDueTerminationsAsync).
                var talent = await talents.GetAsync(@case.TalentId, ct);
                if (talent?.Status == "suspended")
                {
                    return Result.Success(); // already suspended (e.g. by another case): the decision stands on its own
                }

                return await decisions.ChangeStatusAsync(@case.TalentId, "suspended", reason, reference, decidedBy, ct);
        }
    }

    private async Task<Result> LiftAsync(CaseRow @case, string reason, Guid? decidedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (@case.Outcome == CaseOutcomes.Restricted)
        {
            foreach (var restriction in await db.Restrictions.Where(r => r.CaseId == @case.Id && r.LiftedAt == null).ToListAsync(ct))
            {
                restriction.LiftedAt = now;
            }
        }
        else
        {
            var talent = await talents.GetAsync(@case.TalentId, ct);
            var otherSuspensions = await db.Cases.AnyAsync(
                c => c.TalentId == @case.TalentId && c.Id != @case.Id && c.Status == CaseStatuses.Decided
                    && (c.Outcome == CaseOutcomes.Suspended || c.Outcome == CaseOutcomes.Terminated), ct);
            if (talent?.Status == "suspended" && !otherSuspensions)
            {
                var changed = await decisions.ChangeStatusAsync(@case.TalentId, "active", reason, "governance/case/" + @case.Id.ToString("D"), decidedBy, ct);
                if (!changed.IsSuccess)
                {
                    return changed;
                }
            }
            else if (talent?.Status == "terminated")
            {
                return Error.Conflict("talents.terminated", "终止决定已生效，不能恢复 / The termination is final; the talent cannot be reinstated.");
            }
        }

        @case.Status = CaseStatuses.Reinstated;
        @case.Version++;
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    private async Task<Error?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return GovernanceErrors.Concurrency;
        }
    }

    private async Task NotifyTalentAsync(CaseRow @case, string topic, string titleZh, string titleEn, string bodyZh, string bodyEn, CancellationToken ct)
    {
        if ((await talents.GetAsync(@case.TalentId, ct))?.AccountId is { } account)
        {
            await notifier.NotifyAsync(new NotificationDraft(account, topic, titleZh, titleEn, bodyZh, bodyEn, "/me/cases", @case.TalentId,
                topic + ":" + @case.Id.ToString("N") + ":" + @case.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        }
    }

    public static string OutcomeZh(string? outcome) => outcome switch
    {
        CaseOutcomes.Suspended => "暂停全部权益",
        CaseOutcomes.Restricted => "暂停该机构权益",
        CaseOutcomes.Terminated => "终止权益",
        CaseOutcomes.Dismissed => "撤销",
        _ => "—",
    };
}
