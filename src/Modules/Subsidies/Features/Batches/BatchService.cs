using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.DataSharing.Contracts;
using TalentPass.Modules.Notifications.Contracts;
using TalentPass.Modules.Subsidies.Domain;
using TalentPass.Modules.Subsidies.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Subsidies.Features.Batches;

internal sealed record BatchView(
    Guid Id,
    string Month,
    string Status,
    int PaymentCount,
    long TotalFen,
    string TotalYuan,
    int HeldCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ConfirmedAt,
    string? BankReference);

internal sealed record BatchPaymentView(Guid Id, Guid ScheduleId, Guid TalentId, string? MaskedName, string MatterCode, int Sequence, int Payments, long AmountFen, string Status);

internal sealed record HoldView(Guid ScheduleId, Guid TalentId, string? MaskedName, string Reason, Guid? AnswerId);

internal sealed record BatchDetail(BatchView Batch, Page<BatchPaymentView> Payments, IReadOnlyList<HoldView> Holds);

internal sealed record CreateBatchResult(BatchView Batch, bool Created);

internal sealed record BatchExport(string FileName, byte[] Content);

/// <summary>
/// Monthly payment batches. Creating the batch of a month checks every schedule due (talent status, then social
/// insurance through data sharing) and adds at most one payment per schedule; the month's batch exists once —
/// creating it again returns it unchanged. Confirming it (the bank paid) counts the payments as paid.
/// </summary>
internal sealed class BatchService(
    SubsidiesDbContext db,
    ITalentDirectory talents,
    ITalentPersonalData personalData,
    IDataSharing dataSharing,
    IServiceProvider services,
    IAuditTrail audit,
    ICurrentUser user,
    TimeProvider clock)
{
    public static readonly string[] Readers = [Roles.TalentOffice, Roles.Auditor];

    public async Task<Result<CreateBatchResult>> CreateAsync(string? monthText, CancellationToken ct)
    {
        if (Months.Parse(monthText?.Trim()) is not { } month)
        {
            return SubsidiesErrors.MonthInvalid;
        }

        if (await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Month == month, ct) is { } existing)
        {
            return new CreateBatchResult(View(existing), false);
        }

        var due = await db.Schedules
            .Where(s => (s.Status == ScheduleStatus.Active || (s.Status == ScheduleStatus.Paused && s.StatusReason == Reasons.TalentSuspended))
                && s.FirstMonth <= month && s.Scheduled < s.Payments
                && !db.Payments.Any(p => p.ScheduleId == s.Id && p.Month >= month))
            .OrderBy(s => s.Id)
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var batch = new BatchRow { Id = Guid.CreateVersion7(now), Month = month, Status = BatchStatus.Draft, CreatedAt = now, CreatedBy = user.AccountId };
        var stopped = new List<(ScheduleRow Schedule, Guid? AccountId)>();
        foreach (var schedule in due)
        {
            var talent = await talents.GetAsync(schedule.TalentId, ct);
            var check = await CheckAsync(schedule, talent, month, now, ct);
            if (check.Hold is { } reason)
            {
                db.Holds.Add(new HoldRow { Id = Guid.CreateVersion7(now), BatchId = batch.Id, ScheduleId = schedule.Id, TalentId = schedule.TalentId, Reason = reason, AnswerId = check.AnswerId, CreatedAt = now });
                batch.HeldCount++;
                if (schedule.Status == ScheduleStatus.Stopped)
                {
                    stopped.Add((schedule, talent?.AccountId));
                }

                continue;
            }

            schedule.Scheduled++;
            schedule.UpdatedAt = now;
            schedule.Version++;
            db.Payments.Add(new PaymentRow
            {
                Id = Guid.CreateVersion7(now),
                ScheduleId = schedule.Id,
                BatchId = batch.Id,
                TalentId = schedule.TalentId,
                Month = month,
                Sequence = schedule.Scheduled,
                AmountFen = schedule.AmountFen,
                Status = PaymentStatus.Pending,
                CreatedAt = now,
            });
            batch.PaymentCount++;
            batch.TotalFen += schedule.AmountFen;
        }

        db.Batches.Add(batch);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            db.ChangeTracker.Clear();
            if (await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Month == month, ct) is { } raced)
            {
                return new CreateBatchResult(View(raced), false); // created at the same time by someone else
            }

            if (e is DbUpdateConcurrencyException)
            {
                return SubsidiesErrors.ConcurrentChange;
            }

            throw;
        }

        await audit.RecordAsync(new AuditRecord("subsidies.batch_created", "subsidies_batch", batch.Id.ToString(), $"month={Months.Format(month)}; payments={batch.PaymentCount}; held={batch.HeldCount}"), ct);
        foreach (var (schedule, accountId) in stopped)
        {
            await NotifyStoppedAsync(schedule, accountId, ct);
        }

        return new CreateBatchResult(View(batch), true);
    }

    /// <summary>Whether the schedule is paid this month; changes its status when the talent or the data say so.</summary>
    private async Task<(string? Hold, Guid? AnswerId)> CheckAsync(ScheduleRow schedule, TalentSummary? talent, DateOnly month, DateTimeOffset now, CancellationToken ct)
    {
        if (talent is null)
        {
            return (Reasons.DataUnavailable, null);
        }

        var evidence = "talents:status:" + talent.Status;
        var byStatus = Schedules.SubsidiesTalentEventHandler.ScheduleTransitionsFor(schedule, talent.Status);
        if (byStatus is { } change)
        {
            db.Events.Add(ScheduleTransitions.Change(schedule, change.Status, change.Reason, evidence, now, user.AccountId));
        }

        if (schedule.Status != ScheduleStatus.Active)
        {
            return (schedule.StatusReason ?? Reasons.TalentSuspended, null);
        }

        var answer = await dataSharing.LookUpAsync(
            schedule.TalentId, DataSources.SocialInsurance, $"subsidies:batch:{Months.Format(month)}:schedule:{schedule.Id}", ct);
        switch (answer.Outcome)
        {
            case DataSharingOutcome.Found when answer.Fields.TryGetValue("contributing", out var contributing) && contributing == "false":
                db.Events.Add(ScheduleTransitions.Change(schedule, ScheduleStatus.Stopped, Reasons.LeftArea, "datasharing:answer:" + answer.Id, now, user.AccountId));
                return (Reasons.LeftArea, answer.Id);
            case DataSharingOutcome.Found:
                return (null, answer.Id);
            case DataSharingOutcome.NotFound:
                return (Reasons.DataNotFound, answer.Id);
            default:
                return (Reasons.DataUnavailable, answer.Id);
        }
    }

    private async Task NotifyStoppedAsync(ScheduleRow schedule, Guid? accountId, CancellationToken ct)
    {
        // Resolved when used: the talent is told when the Notifications module is there (it always is in the host).
        if (accountId is not { } account || services.GetService(typeof(INotifier)) is not INotifier notifier)
        {
            return;
        }

        var (zh, en) = schedule.StatusReason == Reasons.LeftArea
            ? ("社保数据显示您已不在本市参保", "social-insurance data shows you no longer contribute in the city")
            : ("您的人才资格已终止", "your talent recognition was terminated");
        await notifier.NotifyAsync(
            new NotificationDraft(
                account,
                "subsidies.schedule_stopped",
                "补贴发放已停止",
                "Subsidy payments stopped",
                $"您的补贴（{schedule.MatterCode}）已停止发放：{zh}。如有异议请联系人才办。",
                $"Your subsidy ({schedule.MatterCode}) payments were stopped: {en}. Contact the talent office if this is wrong.",
                "/me/subsidies",
                null,
                "subsidies:stopped:" + schedule.Id + ":" + schedule.Version),
            ct);
    }

    public async Task<Page<BatchView>> ListAsync(PageRequest page, CancellationToken ct)
    {
        var total = await db.Batches.Take((int)Page<BatchView>.TotalCap + 1).CountAsync(ct);
        var rows = await db.Batches.AsNoTracking().OrderByDescending(b => b.Month).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        return new Page<BatchView>(rows.Select(View).ToList(), page.SafePage, page.SafeSize, Math.Min(total, Page<BatchView>.TotalCap), total > Page<BatchView>.TotalCap);
    }

    public async Task<Result<BatchDetail>> GetAsync(Guid id, PageRequest page, CancellationToken ct, Guid? talentId = null)
    {
        var batch = await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return SubsidiesErrors.BatchNotFound;
        }

        var rows = await (from p in db.Payments.AsNoTracking()
                          join s in db.Schedules.AsNoTracking() on p.ScheduleId equals s.Id
                          where p.BatchId == id && (talentId == null || p.TalentId == talentId)
                          orderby p.Id
                          select new { p, s.MatterCode, s.Payments })
            .Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        var holds = await db.Holds.AsNoTracking().Where(h => h.BatchId == id && (talentId == null || h.TalentId == talentId)).OrderBy(h => h.Id).Take(1000).ToListAsync(ct);
        var names = new Dictionary<Guid, string?>();
        foreach (var someone in rows.Select(r => r.p.TalentId).Concat(holds.Select(h => h.TalentId)).Distinct())
        {
            names[someone] = (await talents.GetAsync(someone, ct))?.MaskedName;
        }

        var payments = rows.Select(r => new BatchPaymentView(r.p.Id, r.p.ScheduleId, r.p.TalentId, names[r.p.TalentId], r.MatterCode, r.p.Sequence, r.Payments, r.p.AmountFen, r.p.Status)).ToList();
        return new BatchDetail(
            View(batch),
            new Page<BatchPaymentView>(payments, page.SafePage, page.SafeSize, talentId is null ? batch.PaymentCount : payments.Count),
            holds.Select(h => new HoldView(h.ScheduleId, h.TalentId, names[h.TalentId], h.Reason, h.AnswerId)).ToList());
    }

    /// <summary>The bank paid the batch: its payments count as paid; schedules with every payment paid are completed. Idempotent.</summary>
    public async Task<Result<BatchView>> ConfirmAsync(Guid id, string? bankReference, CancellationToken ct)
    {
        var batch = await db.Batches.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return SubsidiesErrors.BatchNotFound;
        }

        if (batch.Status == BatchStatus.Confirmed)
        {
            return View(batch);
        }

        bankReference = bankReference?.Trim();
        if (string.IsNullOrEmpty(bankReference) || bankReference.Length > 100)
        {
            return SubsidiesErrors.BankReferenceRequired;
        }

        var now = clock.GetUtcNow();
        var payments = await db.Payments.Where(p => p.BatchId == id && p.Status == PaymentStatus.Pending).ToListAsync(ct);
        var scheduleIds = payments.Select(p => p.ScheduleId).Distinct().ToList();
        var schedules = new Dictionary<Guid, ScheduleRow>();
        foreach (var chunk in scheduleIds.Chunk(500))
        {
            foreach (var s in await db.Schedules.Where(s => chunk.Contains(s.Id)).ToListAsync(ct))
            {
                schedules[s.Id] = s;
            }
        }

        foreach (var payment in payments)
        {
            payment.Status = PaymentStatus.Paid;
            payment.PaidAt = now;
            var schedule = schedules[payment.ScheduleId];
            schedule.Paid++;
            schedule.UpdatedAt = now;
            schedule.Version++;
            if (schedule.Paid >= schedule.Payments && schedule.Status != ScheduleStatus.Completed)
            {
                db.Events.Add(ScheduleTransitions.Change(schedule, ScheduleStatus.Completed, null, "subsidies:batch:" + id, now, user.AccountId));
            }
        }

        batch.Status = BatchStatus.Confirmed;
        batch.ConfirmedAt = now;
        batch.ConfirmedBy = user.AccountId;
        batch.BankReference = bankReference;
        batch.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SubsidiesErrors.ConcurrentChange;
        }

        await audit.RecordAsync(new AuditRecord("subsidies.batch_confirmed", "subsidies_batch", id.ToString(), $"payments={payments.Count}"), ct);
        return View(batch);
    }

    /// <summary>
    /// The file for the paying bank (docs/data-sharing.md, "Subsidy payment file"): UTF-8 with BOM, CRLF, a header,
    /// one row per payment, and a TOTAL row with the count and the sums in fen and yuan. It carries the payee's
    /// full name and ID number (the bank pays into the account it holds under that real name); its download is audited.
    /// </summary>
    public async Task<Result<BatchExport>> ExportAsync(Guid id, CancellationToken ct)
    {
        var batch = await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return SubsidiesErrors.BatchNotFound;
        }

        var rows = await (from p in db.Payments.AsNoTracking()
                          join s in db.Schedules.AsNoTracking() on p.ScheduleId equals s.Id
                          where p.BatchId == id
                          orderby p.Id
                          select new { p.Id, p.TalentId, p.Sequence, p.AmountFen, s.MatterCode, s.Payments })
            .ToListAsync(ct);
        var month = Months.Format(batch.Month);
        var csv = new StringBuilder();
        csv.Append("line,payment_reference,payee_name,payee_id_number,amount_fen,amount_yuan,matter_code,installment,month\r\n");
        var line = 0;
        long total = 0;
        foreach (var row in rows)
        {
            var identity = await personalData.GetIdentityAsync(row.TalentId, $"subsidies:batch:{id}:export", ct);
            line++;
            total += row.AmountFen;
            csv.Append(CultureInfo.InvariantCulture, $"{line},{row.Id},{Cell(identity?.Name ?? string.Empty)},{Cell(identity?.IdNumber ?? string.Empty)},{row.AmountFen},{Yuan(row.AmountFen)},{Cell(row.MatterCode)},{row.Sequence}/{row.Payments},{month}\r\n");
        }

        csv.Append(CultureInfo.InvariantCulture, $"TOTAL,{line},,,{total},{Yuan(total)},,,{month}\r\n");
        await audit.RecordAsync(new AuditRecord("subsidies.batch_exported", "subsidies_batch", id.ToString(), $"month={month}; payments={line}"), ct);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return new BatchExport($"subsidies-batch-{month}.csv", bytes);
    }

    public static string Yuan(long fen) =>
        string.Create(CultureInfo.InvariantCulture, $"{(fen < 0 ? "-" : string.Empty)}{Math.Abs(fen) / 100}.{Math.Abs(fen) % 100:D2}");

    /// <summary>RFC 4180 quoting, and a leading apostrophe against spreadsheet formula injection.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static BatchView View(BatchRow b) =>
        new(b.Id, Months.Format(b.Month), b.Status, b.PaymentCount, b.TotalFen, Yuan(b.TotalFen), b.HeldCount, b.CreatedAt, b.ConfirmedAt, b.BankReference);
}
