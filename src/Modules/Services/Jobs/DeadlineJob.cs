using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Jobs;
using TalentPass.Modules.Calendar.Contracts;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Notifications.Contracts;
using TalentPass.Modules.Services.Catalogue;
using TalentPass.Modules.Services.Features.Apply;
using TalentPass.Modules.Services.Features.Decisions;
using TalentPass.Modules.Services.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Services.Jobs;

/// <summary>Wakes the deadline job early (e.g. after a calendar year was loaded, or from a test).</summary>
internal sealed class DeadlineJobSignal : WakeSignal;

/// <summary>Runs <see cref="DeadlineWork"/> every <see cref="ServicesOptions.JobInterval"/> or when signalled.</summary>
internal sealed partial class DeadlineJob(IServiceScopeFactory scopes, DeadlineJobSignal signal, IOptions<ServicesOptions> options, ILogger<DeadlineJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeadlineWork>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed round is logged and retried at the next tick
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex);
            }

            try
            {
                await signal.WaitAsync(options.Value.JobInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 7310, Level = LogLevel.Warning, Message = "The services deadline round failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>
/// One round: (1) computes due dates that waited for a calendar year to be loaded; (2) warns the department one
/// working day before a due date; (3) escalates overdue items (flag in the queue + notification to the escalation
/// recipients and the department's contacts); (4) redelivers decisions whose after-commit dispatch failed.
/// Each warning and escalation is claimed with a conditional UPDATE, so two nodes never send it twice.
/// </summary>
internal sealed class DeadlineWork(
    ServicesDbContext db,
    IWorkingDayCalendar calendar,
    OptionalNotifier notifier,
    IAccountDirectory accounts,
    CatalogueReader catalogue,
    DecisionDispatcher dispatcher,
    IOptions<ServicesOptions> options,
    TimeProvider clock)
{
    public async Task RunAsync(CancellationToken ct)
    {
        await ComputeUnknownDueDatesAsync(ct);
        await WarnAsync(ct);
        await EscalateAsync(ct);
        var cutoff = clock.GetUtcNow().AddMinutes(-1);
        var stuck = await db.Decisions.AsNoTracking().Where(d => d.DispatchedAt == null && d.DecidedAt < cutoff).OrderBy(d => d.Sequence).Take(500).ToListAsync(ct);
        await dispatcher.DispatchRowsAsync(stuck, ct);
    }

    private async Task ComputeUnknownDueDatesAsync(CancellationToken ct)
    {
        var items = await db.Items.Where(i => i.Status == ItemStatus.InReview && i.DueOn == null && i.DueProblem != null).OrderBy(i => i.Id).Take(500).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var item in items)
        {
            var definition = await catalogue.DefinitionAsync(item.MatterCode, item.MatterVersion, ct);
            var due = await calendar.AddWorkingDaysAsync(item.AcceptedOn, definition.DeadlineWorkingDays + item.PausedWorkingDays, ct);
            if (!due.IsSuccess)
            {
                continue;
            }

            item.DueOn = due.Value;
            item.DueProblem = null;
            item.UpdatedAt = now;
            item.Version++;
            await db.Steps.Where(s => s.ItemId == item.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.DueOn, due.Value), ct);
            db.History.Add(ApplicationPlanner.History(item.ApplicationId, item.Id, now, null, "system", "due_computed",
                $"工作日历已载入，到期日为 {due.Value:yyyy-MM-dd}", $"The working-day calendar is loaded; the due date is {due.Value:yyyy-MM-dd}"));
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task WarnAsync(CancellationToken ct)
    {
        var today = BusinessTime.Today(clock);
        var horizon = today.AddDays(15); // one working day ahead is never further than the longest holiday run
        var candidates = await db.Items.AsNoTracking()
            .Where(i => i.Status == ItemStatus.InReview && i.WarnedAt == null && i.DueOn != null && i.DueOn >= today && i.DueOn <= horizon)
            .OrderBy(i => i.DueOn).Take(1000).ToListAsync(ct);
        foreach (var item in candidates)
        {
            var left = await calendar.WorkingDaysBetweenAsync(today, item.DueOn!.Value, ct);
            if (!left.IsSuccess || left.Value > 1 || !await ClaimAsync(item.Id, warn: true, ct))
            {
                continue;
            }

            var departments = await OpenDepartmentsAsync(item.Id, ct);
            await NotifyAsync(ContactsOf(departments), item, "services.deadline_warning",
                $"办理时限即将到期：{item.Reference}", $"Due soon: {item.Reference}",
                $"申请 {item.Reference} 将于 {item.DueOn:yyyy-MM-dd} 到期（剩余 {left.Value} 个工作日）。", $"Application {item.Reference} is due on {item.DueOn:yyyy-MM-dd} ({left.Value} working day(s) left).",
                "warn", ct);
        }
    }

    private async Task EscalateAsync(CancellationToken ct)
    {
        var today = BusinessTime.Today(clock);
        var exact = clock.GetUtcNow();
        var now = new DateTimeOffset(exact.UtcTicks - (exact.UtcTicks % 10), TimeSpan.Zero); // microseconds: compared after the round trip

        // Claim up to 500 overdue items in one statement (a second node claims other rows or none).
        var candidates = await db.Items.AsNoTracking()
            .Where(i => i.Status == ItemStatus.InReview && i.EscalatedAt == null && i.DueOn != null && i.DueOn < today)
            .OrderBy(i => i.DueOn).Select(i => i.Id).Take(500).ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return;
        }

        await db.Items.Where(i => candidates.Contains(i.Id) && i.EscalatedAt == null).ExecuteUpdateAsync(s => s.SetProperty(i => i.EscalatedAt, now), ct);
        var claimed = await db.Items.AsNoTracking().Where(i => candidates.Contains(i.Id) && i.EscalatedAt == now).ToListAsync(ct);
        var ids = claimed.Select(i => i.Id).ToList();
        await db.Steps.Where(s => ids.Contains(s.ItemId)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Escalated, true), ct);
        foreach (var item in claimed)
        {
            db.History.Add(ApplicationPlanner.History(item.ApplicationId, item.Id, now, null, "system", "escalated",
                $"已超过办理时限（到期日 {item.DueOn:yyyy-MM-dd}），已督办", $"Overdue (due {item.DueOn:yyyy-MM-dd}); escalated"));
        }

        await db.SaveChangesAsync(ct);
        foreach (var item in claimed)
        {
            var departments = await OpenDepartmentsAsync(item.Id, ct);
            var recipients = ContactsOf(departments).Concat(options.Value.EscalationRecipients).Distinct(StringComparer.Ordinal).ToList();
            await NotifyAsync(recipients, item, "services.deadline_overdue",
                $"超期督办：{item.Reference}", $"Overdue: {item.Reference}",
                $"申请 {item.Reference} 已于 {item.DueOn:yyyy-MM-dd} 到期仍未办结。", $"Application {item.Reference} was due on {item.DueOn:yyyy-MM-dd} and is not decided.",
                "escalate", ct);
        }
    }

    private async Task<bool> ClaimAsync(Guid itemId, bool warn, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claimed = warn
            ? await db.Items.Where(i => i.Id == itemId && i.WarnedAt == null).ExecuteUpdateAsync(s => s.SetProperty(i => i.WarnedAt, now), ct)
            : await db.Items.Where(i => i.Id == itemId && i.EscalatedAt == null).ExecuteUpdateAsync(s => s.SetProperty(i => i.EscalatedAt, now), ct);
        return claimed == 1;
    }

    private Dictionary<Guid, Identity.Contracts.OrganisationSummary>? departmentsById;

    private async Task<List<string>> OpenDepartmentsAsync(Guid itemId, CancellationToken ct)
    {
        if (options.Value.DepartmentContacts.Count == 0)
        {
            return [];
        }

        var ids = await db.Steps.AsNoTracking().Where(s => s.ItemId == itemId && (s.Status == StepStatus.Open || s.Status == StepStatus.Second)).Select(s => s.DepartmentId).ToListAsync(ct);
        var byId = departmentsById ??= await catalogue.DepartmentsByIdAsync(ct);
        return ids.Where(byId.ContainsKey).Select(id => byId[id].Code).Distinct(StringComparer.Ordinal).ToList();
    }

    private IEnumerable<string> ContactsOf(IEnumerable<string> departmentCodes) =>
        departmentCodes.SelectMany(code => options.Value.DepartmentContacts.TryGetValue(code, out var users) ? users : []);

    private readonly Dictionary<string, Guid?> accountIds = new(StringComparer.Ordinal);

    private async Task NotifyAsync(IEnumerable<string> usernames, ItemRow item, string topic, string titleZh, string titleEn, string bodyZh, string bodyEn, string kind, CancellationToken ct)
    {
        foreach (var username in usernames.Distinct(StringComparer.Ordinal))
        {
            if (!accountIds.TryGetValue(username, out var found))
            {
                found = accountIds[username] = await accounts.FindAccountIdAsync(username, ct);
            }

            if (found is { } account)
            {
                await notifier.NotifyAsync(new NotificationDraft(account, topic, titleZh, titleEn, bodyZh, bodyEn, $"/services/applications/{item.ApplicationId}", null, $"services:{kind}:{item.Id}:{item.DueOn:yyyyMMdd}:{username}"), ct);
            }
        }
    }
}
