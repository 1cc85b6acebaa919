using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Calendar.Contracts;
using TalentPass.Modules.Notifications.Contracts;
using TalentPass.Modules.Services.Features.Apply;
using TalentPass.Modules.Services.Features.Decisions;
using TalentPass.Modules.Services.Features.Views;
using TalentPass.Modules.Services.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Services.Features.Work;

/// <summary>
/// What department staff do with their own steps: approve (first and, where required, second level — never the
/// same person), refuse with a reason, request supplementary material (补正, pauses the clock), add notes and record
/// the postal delivery of a result. The talent answers a 补正 request here too. A step of another organisation is
/// refused with <c>services.wrong_department</c>.
/// </summary>
internal sealed class StaffActions(
    ServicesDbContext db,
    ICurrentUser user,
    IWorkingDayCalendar calendar,
    OptionalNotifier notifier,
    ITalentDirectory talents,
    DecisionDispatcher dispatcher,
    ApplicationViews views,
    TimeProvider clock)
{
    public async Task<Result<ApplicationView>> ApproveAsync(Guid stepId, string? comment, CancellationToken ct)
    {
        var loaded = await LoadStepAsync(stepId, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var (step, item) = loaded.Value;
        var now = clock.GetUtcNow();
        var today = BusinessTime.Today(clock);
        var actor = user.AccountId;
        var text = string.IsNullOrWhiteSpace(comment) ? string.Empty : $"：{comment.Trim()}";
        var textEn = string.IsNullOrWhiteSpace(comment) ? string.Empty : $": {comment.Trim()}";
        if (step.Status == StepStatus.Open && step.RequiresSecond)
        {
            step.Status = StepStatus.Second;
            step.FirstBy = actor;
            step.FirstAt = now;
            Touch(step, now);
            AddHistory(item, now, "first_approval", $"{step.NameZh}：初审通过，待复核{text}", $"{step.NameEn}: first approval, awaiting the second approval{textEn}");
            return await SaveAndViewAsync(item, null, ct);
        }

        if (step.Status == StepStatus.Second)
        {
            if (step.FirstBy == actor)
            {
                return ServicesErrors.SameApprover;
            }

            step.SecondBy = actor;
            step.SecondAt = now;
        }
        else
        {
            step.FirstBy = actor;
            step.FirstAt = now;
        }

        step.Status = StepStatus.Approved;
        step.DecidedOn = today;
        step.Reason = comment?.Trim();
        Touch(step, now);
        AddHistory(item, now, "step_approved", $"{step.NameZh}：审核通过{text}", $"{step.NameEn}: approved{textEn}");

        var steps = await db.Steps.Where(s => s.ItemId == item.Id).ToListAsync(ct);
        DecisionRow? decision = null;
        if (steps.Where(s => s.Stage == step.Stage).All(s => s.Status == StepStatus.Approved))
        {
            var next = steps.Where(s => s.Status == StepStatus.Waiting).Select(s => (int?)s.Stage).Min();
            if (next is { } stage)
            {
                foreach (var s in steps.Where(s => s.Stage == stage))
                {
                    s.Status = StepStatus.Open;
                    Touch(s, now);
                }
            }
            else if (steps.All(s => s.Status == StepStatus.Approved))
            {
                decision = Decide(item, ItemStatus.Approved, steps, now, today);
            }
        }

        return await SaveAndViewAsync(item, decision, ct);
    }

    public async Task<Result<ApplicationView>> RefuseAsync(Guid stepId, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return ServicesErrors.ReasonRequired;
        }

        var loaded = await LoadStepAsync(stepId, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var (step, item) = loaded.Value;
        var now = clock.GetUtcNow();
        var today = BusinessTime.Today(clock);
        if (step.Status == StepStatus.Second)
        {
            step.SecondBy = user.AccountId;
            step.SecondAt = now;
        }
        else
        {
            step.FirstBy = user.AccountId;
            step.FirstAt = now;
        }

        step.Status = StepStatus.Refused;
        step.Reason = reason.Trim();
        step.DecidedOn = today;
        Touch(step, now);
        var steps = await db.Steps.Where(s => s.ItemId == item.Id).ToListAsync(ct);
        foreach (var other in steps.Where(s => s.Id != step.Id && s.Status is StepStatus.Open or StepStatus.Second or StepStatus.Waiting))
        {
            other.Status = StepStatus.Cancelled;
            Touch(other, now);
        }

        AddHistory(item, now, "step_refused", $"{step.NameZh}：不予通过。理由：{reason.Trim()}", $"{step.NameEn}: refused. Reason: {reason.Trim()}");
        var decision = Decide(item, ItemStatus.Refused, steps, now, today);
        return await SaveAndViewAsync(item, decision, ct);
    }

    /// <summary>
    /// 补正: the clock stops on the day of the request (that day still counts as a handling day) until the talent
    /// answers; see <see cref="AnswerSupplementAsync"/> for how the due date then moves.
    /// </summary>
    public async Task<Result<ApplicationView>> RequestSupplementAsync(Guid stepId, string? message, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return ServicesErrors.ReasonRequired;
        }

        var loaded = await LoadStepAsync(stepId, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var (_, item) = loaded.Value;
        var now = clock.GetUtcNow();
        item.Status = ItemStatus.Supplement;
        item.PausedSince = BusinessTime.Today(clock);
        item.SupplementRequest = message.Trim();
        item.UpdatedAt = now;
        foreach (var s in await db.Steps.Where(s => s.ItemId == item.Id).ToListAsync(ct))
        {
            s.Paused = true;
            Touch(s, now);
        }

        AddHistory(item, now, "supplement_requested", $"要求补正材料，办理时限暂停：{message.Trim()}", $"Supplementary material requested; the clock is paused: {message.Trim()}");
        var result = await SaveAndViewAsync(item, null, ct);
        if (result.IsSuccess && item.TalentAccountId is { } account)
        {
            await notifier.NotifyAsync(
                new NotificationDraft(account, "services.supplement_requested", "请补正申请材料", "Supplementary material requested",
                    $"您的申请 {item.Reference} 需要补正：{message.Trim()}", $"Your application {item.Reference} needs more material: {message.Trim()}",
                    $"/me/applications/{item.ApplicationId}", item.TalentId, $"services:supplement:{item.Id}:{item.Version}"),
                ct);
        }

        return result;
    }

    /// <summary>
    /// The talent answers a 补正 request on day R after it was made on day P. Paused working days = working days in
    /// (P, R] (the request day counted as handled, the answer day counted as paused); the due date moves to the
    /// paused-days-th working day after the old due date. Answering on the day of the request pauses nothing.
    /// </summary>
    public async Task<Result<ApplicationView>> AnswerSupplementAsync(Guid itemId, string? answer, IReadOnlyDictionary<string, string>? materials, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return ServicesErrors.ReasonRequired;
        }

        var talent = user.AccountId is { } account ? await talents.FindByAccountAsync(account, ct) : null;
        var item = talent is null ? null : await db.Items.SingleOrDefaultAsync(i => i.Id == itemId && i.TalentId == talent.Id, ct);
        if (item is null)
        {
            return ServicesErrors.ApplicationNotFound;
        }

        if (item.Status != ItemStatus.Supplement || item.PausedSince is not { } since)
        {
            return ServicesErrors.NotAwaitingSupplement;
        }

        var now = clock.GetUtcNow();
        var today = BusinessTime.Today(clock);
        var paused = await calendar.WorkingDaysBetweenAsync(since, today, ct);
        var pausedDays = paused.IsSuccess ? Math.Max(0, paused.Value) : 0;
        DateOnly? newDue = item.DueOn;
        string? problem = item.DueProblem;
        if (!paused.IsSuccess)
        {
            newDue = null;
            problem = paused.Error.Code;
        }
        else if (item.DueOn is { } due && pausedDays > 0)
        {
            var moved = await calendar.AddWorkingDaysAsync(due, pausedDays, ct);
            newDue = moved.IsSuccess ? moved.Value : null;
            problem = moved.IsSuccess ? null : moved.Error.Code;
        }

        var oldDue = item.DueOn;
        item.Status = ItemStatus.InReview;
        item.PausedWorkingDays += pausedDays;
        item.PausedSince = null;
        item.DueOn = newDue;
        item.DueProblem = problem;
        item.WarnedAt = null;
        item.UpdatedAt = now;
        if (materials is { Count: > 0 })
        {
            var merged = item.Materials is null ? new Dictionary<string, string>() : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(item.Materials, Domain.MatterDefinition.Json) ?? [];
            foreach (var (k, v) in materials)
            {
                merged[k] = v;
            }

            item.Materials = System.Text.Json.JsonSerializer.Serialize(merged, Domain.MatterDefinition.Json);
        }

        foreach (var s in await db.Steps.Where(s => s.ItemId == item.Id).ToListAsync(ct))
        {
            s.Paused = false;
            s.DueOn = newDue;
            Touch(s, now);
        }

        db.History.Add(ApplicationPlanner.History(item.ApplicationId, item.Id, now, user.AccountId, "talent", "supplement_answered",
            $"已补正：{answer.Trim()}。暂停 {pausedDays} 个工作日，到期日由 {oldDue:yyyy-MM-dd} 顺延至 {(newDue is null ? "待日历载入" : newDue.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))}",
            $"Material supplied: {answer.Trim()}. Paused {pausedDays} working day(s); due date moved from {oldDue:yyyy-MM-dd} to {(newDue is null ? "(calendar not loaded)" : newDue.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))}"));
        return await SaveAndViewAsync(item, null, ct);
    }

    public async Task<Result<ApplicationView>> AddNoteAsync(Guid applicationId, string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ServicesErrors.ReasonRequired;
        }

        if (!user.IsInAnyRole(Roles.Department, Roles.TalentOffice) || !await views.CanSeeAsync(applicationId, ct))
        {
            return ServicesErrors.ApplicationNotFound;
        }

        var now = clock.GetUtcNow();
        db.History.Add(ApplicationPlanner.History(applicationId, null, now, user.AccountId, "staff", "note", $"备注：{text.Trim()}", $"Note: {text.Trim()}"));
        await db.SaveChangesAsync(ct);
        return (await views.GetAsync(applicationId, ct))!;
    }

    /// <summary>Records the tracking number of a result sent by mail (staff of a department with a step in the item, or the talent office).</summary>
    public async Task<Result<ApplicationView>> DeliverAsync(Guid itemId, string? trackingNumber, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(trackingNumber))
        {
            return Error.Validation("services.tracking_number_required", "请填写邮件单号 / The tracking number is required.",
                new Dictionary<string, string[]> { ["trackingNumber"] = ["必填 / Required."] });
        }

        var item = await db.Items.SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null || !await views.CanSeeAsync(item.ApplicationId, ct) || !user.IsInAnyRole(Roles.Department, Roles.TalentOffice))
        {
            return ServicesErrors.ApplicationNotFound;
        }

        if (item.Outcome != ItemStatus.Approved)
        {
            return ServicesErrors.NotDecided;
        }

        if (item.Delivery != Domain.DeliveryKinds.Mail)
        {
            return ServicesErrors.NotMailDelivery;
        }

        if (item.DeliveredAt is not null)
        {
            return ServicesErrors.AlreadyDelivered;
        }

        var now = clock.GetUtcNow();
        item.TrackingNumber = trackingNumber.Trim();
        item.DeliveredAt = now;
        item.UpdatedAt = now;
        AddHistory(item, now, "mailed", $"结果已邮寄，邮件单号 {item.TrackingNumber}", $"Result sent by mail, tracking number {item.TrackingNumber}");
        var result = await SaveAndViewAsync(item, null, ct);
        if (result.IsSuccess && item.TalentAccountId is { } account)
        {
            await notifier.NotifyAsync(
                new NotificationDraft(account, "services.result_mailed", "办理结果已邮寄", "Your result was mailed",
                    $"申请 {item.Reference} 的结果已邮寄，单号 {item.TrackingNumber}。", $"The result of {item.Reference} was mailed, tracking number {item.TrackingNumber}.",
                    $"/me/applications/{item.ApplicationId}", item.TalentId, $"services:mailed:{item.Id}"),
                ct);
        }

        return result;
    }

    private async Task<Result<(StepRow Step, ItemRow Item)>> LoadStepAsync(Guid stepId, CancellationToken ct)
    {
        var step = await db.Steps.SingleOrDefaultAsync(s => s.Id == stepId, ct);
        if (step is null)
        {
            return ServicesErrors.StepNotFound;
        }

        if (user.OrganisationId != step.DepartmentId || !user.IsInAnyRole(Roles.Department, Roles.TalentOffice))
        {
            return ServicesErrors.WrongDepartment;
        }

        var item = await db.Items.SingleAsync(i => i.Id == step.ItemId, ct);
        if (item.Status == ItemStatus.Supplement)
        {
            return ServicesErrors.ItemPaused;
        }

        if (item.Status != ItemStatus.InReview || step.Status is not (StepStatus.Open or StepStatus.Second))
        {
            return ServicesErrors.StepNotOpen;
        }

        return (step, item);
    }

    private DecisionRow Decide(ItemRow item, string outcome, IReadOnlyList<StepRow> steps, DateTimeOffset now, DateOnly today)
    {
        item.Status = outcome;
        item.Outcome = outcome;
        item.DecidedAt = now;
        item.DecidedOn = today;
        item.UpdatedAt = now;
        var lines = steps.Where(s => s.Status is StepStatus.Approved or StepStatus.Refused).OrderBy(s => s.Stage)
            .Select(s => (Zh: $"{s.NameZh}：{(s.Status == StepStatus.Approved ? "通过" : "不予通过")}{(string.IsNullOrWhiteSpace(s.Reason) ? string.Empty : "（" + s.Reason + "）")}{(s.SecondBy is null ? string.Empty : "，已复核")}",
                En: $"{s.NameEn}: {(s.Status == StepStatus.Approved ? "approved" : "refused")}{(string.IsNullOrWhiteSpace(s.Reason) ? string.Empty : " (" + s.Reason + ")")}{(s.SecondBy is null ? string.Empty : ", second approval given")}"))
            .ToList();
        var headZh = outcome == ItemStatus.Approved ? "经部门人工审核，办结通过" : "经部门人工审核，不予通过";
        var headEn = outcome == ItemStatus.Approved ? "Approved after review by the departments" : "Refused after review by the departments";
        var rulesZh = item.ClerkReasonZh is null ? string.Empty : $"\n（转人工原因：{item.ClerkReasonZh}）";
        var rulesEn = item.ClerkReasonEn is null ? string.Empty : $"\n(Sent to a clerk because: {item.ClerkReasonEn})";
        item.ExplanationZh = headZh + "\n" + string.Join("\n", lines.Select(l => l.Zh)) + rulesZh;
        item.ExplanationEn = headEn + "\n" + string.Join("\n", lines.Select(l => l.En)) + rulesEn;
        if (outcome == ItemStatus.Approved && item.Delivery == Domain.DeliveryKinds.Online)
        {
            item.DeliveredAt = now;
        }

        AddHistory(item, now, outcome == ItemStatus.Approved ? "approved" : "refused", headZh, headEn);
        return ApplicationPlanner.Decision(item, now, today);
    }

    private void AddHistory(ItemRow item, DateTimeOffset now, string action, string zh, string en) =>
        db.History.Add(ApplicationPlanner.History(item.ApplicationId, item.Id, now, user.AccountId, user.IsInRole(Roles.Talent) ? "talent" : "staff", action, zh, en));

    private static void Touch(StepRow step, DateTimeOffset now)
    {
        step.UpdatedAt = now;
        step.Version++;
    }

    private async Task<Result<ApplicationView>> SaveAndViewAsync(ItemRow item, DecisionRow? decision, CancellationToken ct)
    {
        item.Version++;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                if (decision is not null)
                {
                    if (!db.Database.IsSqlite())
                    {
                        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ApplicationWriter.DecisionLockKey})", ct);
                    }

                    db.Decisions.Add(decision);
                }

                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return ServicesErrors.VersionConflict;
            }
        }

        if (decision is not null)
        {
            await dispatcher.DispatchAsync([decision.ItemId], ct);
        }

        return (await views.GetAsync(item.ApplicationId, ct))!;
    }
}
