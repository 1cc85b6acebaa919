using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Subsidies.Contracts;
using TalentPass.Modules.Subsidies.Domain;
using TalentPass.Modules.Subsidies.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Subsidies.Features.Schedules;

internal sealed record ScheduleView(
    Guid Id,
    Guid TalentId,
    string? MaskedName,
    Guid ApplicationId,
    string MatterCode,
    long AmountFen,
    string AmountYuan,
    int Payments,
    int Scheduled,
    int Paid,
    string Status,
    string? StatusReason,
    string? StatusEvidence,
    string FirstMonth,
    string? NextMonth,
    DateTimeOffset CreatedAt);

internal sealed record SchedulePaymentView(Guid Id, Guid BatchId, string Month, int Sequence, long AmountFen, string Status, DateTimeOffset? PaidAt);

internal sealed record ScheduleEventView(DateTimeOffset OccurredAt, string Kind, string? Reason, string? Evidence, Guid? ActorAccountId);

internal sealed record ScheduleDetail(ScheduleView Schedule, IReadOnlyList<SchedulePaymentView> Payments, IReadOnlyList<ScheduleEventView> History);

internal sealed record ScheduleDecisionRequest(string? Reason);

/// <summary>Schedules for the talent office (all, with search by status and talent) and for the talent (their own).</summary>
internal sealed class ScheduleQueries(SubsidiesDbContext db, ITalentDirectory talents, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<Page<ScheduleView>>> ListAsync(string? status, Guid? talentId, string? matter, PageRequest page, CancellationToken ct)
    {
        status = string.IsNullOrWhiteSpace(status) ? null : status.Trim();
        if (status is not null && !ScheduleStatus.All.Contains(status))
        {
            return SubsidiesErrors.StatusInvalid;
        }

        var query = db.Schedules.AsNoTracking();
        if (status is not null)
        {
            query = query.Where(s => s.Status == status);
        }

        if (talentId is { } t)
        {
            query = query.Where(s => s.TalentId == t);
        }

        if (!string.IsNullOrWhiteSpace(matter))
        {
            var code = matter.Trim();
            query = query.Where(s => s.MatterCode == code);
        }

        var total = await query.Take((int)Page<ScheduleView>.TotalCap + 1).CountAsync(ct);
        var rows = await query.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        var views = await ViewsAsync(rows, withNames: true, ct);
        return new Page<ScheduleView>(views, page.SafePage, page.SafeSize, Math.Min(total, Page<ScheduleView>.TotalCap), total > Page<ScheduleView>.TotalCap);
    }

    public async Task<Result<ScheduleDetail>> GetAsync(Guid id, CancellationToken ct)
    {
        var row = await db.Schedules.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return row is null ? SubsidiesErrors.ScheduleNotFound : await DetailAsync(row, withNames: true, ct);
    }

    /// <summary>The signed-in talent's schedules with their payments and history.</summary>
    public async Task<Result<IReadOnlyList<ScheduleDetail>>> MineAsync(CancellationToken ct)
    {
        if (user.AccountId is not { } accountId || await talents.FindByAccountAsync(accountId, ct) is not { } talent)
        {
            return SubsidiesErrors.NoTalent;
        }

        var rows = await db.Schedules.AsNoTracking().Where(s => s.TalentId == talent.Id).OrderByDescending(s => s.CreatedAt).Take(100).ToListAsync(ct);
        var details = new List<ScheduleDetail>();
        foreach (var row in rows)
        {
            details.Add(await DetailAsync(row, withNames: false, ct));
        }

        return details;
    }

    public async Task<IReadOnlyList<SubsidyScheduleSummary>> SummariesAsync(Guid talentId, CancellationToken ct) =>
        await db.Schedules.AsNoTracking().Where(s => s.TalentId == talentId).OrderByDescending(s => s.CreatedAt)
            .Select(s => new SubsidyScheduleSummary(s.Id, s.TalentId, s.MatterCode, s.AmountFen, s.Payments, s.Paid, s.Status))
            .ToListAsync(ct);

    /// <summary>The talent office stops a schedule by hand (with a reason, kept in the history).</summary>
    public async Task<Result<ScheduleView>> StopAsync(Guid id, string? reason, CancellationToken ct)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 200)
        {
            return SubsidiesErrors.ReasonRequired;
        }

        var row = await db.Schedules.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (row is null)
        {
            return SubsidiesErrors.ScheduleNotFound;
        }

        if (row.Status is ScheduleStatus.Stopped or ScheduleStatus.Completed)
        {
            return SubsidiesErrors.NotStoppable;
        }

        db.Events.Add(ScheduleTransitions.Change(row, ScheduleStatus.Stopped, Reasons.OfficeDecision, "office:" + reason, clock.GetUtcNow(), user.AccountId));
        return await SaveAsync(row, ct);
    }

    /// <summary>
    /// The talent office resumes a paused or stopped schedule (e.g. the talent came back to the area, or a stop was
    /// wrong); the talent must be active. The next batch checks social insurance again.
    /// </summary>
    public async Task<Result<ScheduleView>> ResumeAsync(Guid id, string? reason, CancellationToken ct)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 200)
        {
            return SubsidiesErrors.ReasonRequired;
        }

        var row = await db.Schedules.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (row is null)
        {
            return SubsidiesErrors.ScheduleNotFound;
        }

        if (row.Status is not (ScheduleStatus.Paused or ScheduleStatus.Stopped))
        {
            return SubsidiesErrors.NotResumable;
        }

        if ((await talents.GetAsync(row.TalentId, ct))?.Status != "active")
        {
            return SubsidiesErrors.TalentNotActive;
        }

        db.Events.Add(ScheduleTransitions.Change(row, ScheduleStatus.Active, Reasons.OfficeDecision, "office:" + reason, clock.GetUtcNow(), user.AccountId));
        return await SaveAsync(row, ct);
    }

    private async Task<Result<ScheduleView>> SaveAsync(ScheduleRow row, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SubsidiesErrors.ConcurrentChange;
        }

        return (await ViewsAsync([row], withNames: true, ct))[0];
    }

    private async Task<ScheduleDetail> DetailAsync(ScheduleRow row, bool withNames, CancellationToken ct)
    {
        var payments = await db.Payments.AsNoTracking().Where(p => p.ScheduleId == row.Id).OrderBy(p => p.Sequence)
            .Select(p => new { p.Id, p.BatchId, p.Month, p.Sequence, p.AmountFen, p.Status, p.PaidAt }).ToListAsync(ct);
        var history = await db.Events.AsNoTracking().Where(e => e.ScheduleId == row.Id).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new ScheduleEventView(e.OccurredAt, e.Kind, e.Reason, e.Evidence, e.ActorAccountId)).ToListAsync(ct);
        return new ScheduleDetail(
            (await ViewsAsync([row], withNames, ct))[0],
            payments.Select(p => new SchedulePaymentView(p.Id, p.BatchId, Months.Format(p.Month), p.Sequence, p.AmountFen, p.Status, p.PaidAt)).ToList(),
            history);
    }

    private async Task<List<ScheduleView>> ViewsAsync(IReadOnlyList<ScheduleRow> rows, bool withNames, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var lastMonths = await db.Payments.AsNoTracking().Where(p => ids.Contains(p.ScheduleId))
            .GroupBy(p => p.ScheduleId).Select(g => new { g.Key, Last = g.Max(p => p.Month) }).ToDictionaryAsync(g => g.Key, g => g.Last, ct);
        var views = new List<ScheduleView>(rows.Count);
        foreach (var r in rows)
        {
            string? next = null;
            if (r.Status == ScheduleStatus.Active && r.Scheduled < r.Payments)
            {
                var thisMonth = Months.Of(BusinessTime.Today(clock));
                var candidate = lastMonths.TryGetValue(r.Id, out var last) ? last.AddMonths(1) : r.FirstMonth;
                next = Months.Format(candidate > thisMonth ? candidate : thisMonth);
            }

            var name = withNames ? (await talents.GetAsync(r.TalentId, ct))?.MaskedName : null;
            views.Add(new ScheduleView(r.Id, r.TalentId, name, r.ApplicationId, r.MatterCode, r.AmountFen, Batches.BatchService.Yuan(r.AmountFen), r.Payments, r.Scheduled, r.Paid,
                r.Status, r.StatusReason, r.StatusEvidence, Months.Format(r.FirstMonth), next, r.CreatedAt));
        }

        return views;
    }
}

/// <summary><see cref="ISubsidySchedules"/> for other modules.</summary>
internal sealed class SubsidySchedules(ScheduleQueries queries) : ISubsidySchedules
{
    public Task<IReadOnlyList<SubsidyScheduleSummary>> ListForTalentAsync(Guid talentId, CancellationToken cancellationToken = default) =>
        queries.SummariesAsync(talentId, cancellationToken);
}
