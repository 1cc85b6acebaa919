using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Calendar.Contracts;
using TalentPass.Modules.Services.Domain;
using TalentPass.Modules.Services.Features.Apply;
using TalentPass.Modules.Services.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Services.Features.Views;

internal sealed record StepView(
    Guid Id,
    Guid DepartmentId,
    string DepartmentName,
    int Stage,
    string NameZh,
    string NameEn,
    bool RequiresSecond,
    string Status,
    Guid? FirstBy,
    DateTimeOffset? FirstAt,
    Guid? SecondBy,
    DateTimeOffset? SecondAt,
    string? Reason);

/// <param name="RemainingWorkingDays">Working days from today to the due date (negative when overdue); null when paused, decided or the due date is unknown.</param>
internal sealed record ItemView(
    Guid Id,
    string MatterCode,
    string MatterNameZh,
    string MatterNameEn,
    int MatterVersion,
    string Status,
    DateOnly AcceptedOn,
    DateOnly? DueOn,
    string? DueProblem,
    int? RemainingWorkingDays,
    bool Overdue,
    bool Escalated,
    DateOnly? PausedSince,
    int PausedWorkingDays,
    string? SupplementRequest,
    string? Outcome,
    DateTimeOffset? DecidedAt,
    DateOnly? DecidedOn,
    bool AutoDecided,
    string? RuleVersion,
    IReadOnlyList<Guid> Evidence,
    string? ExplanationZh,
    string? ExplanationEn,
    string? ClerkReasonZh,
    string? ClerkReasonEn,
    IReadOnlyList<PrefillEntry> Prefill,
    IReadOnlyDictionary<string, string> Materials,
    long? AmountFen,
    int? Payments,
    string Delivery,
    string? TrackingNumber,
    DateTimeOffset? DeliveredAt,
    IReadOnlyList<StepView> Steps);

internal sealed record HistoryView(DateTimeOffset At, Guid? ActorAccountId, string ActorKind, string Action, string TextZh, string TextEn, Guid? ItemId);

internal sealed record ApplicationView(
    Guid Id,
    string Reference,
    Guid TalentId,
    string TalentMaskedName,
    string Channel,
    Guid? WindowOrganisationId,
    DateTimeOffset? IdentityCheckedAt,
    DateTimeOffset SubmittedAt,
    DateOnly AcceptedOn,
    IReadOnlyList<ItemView> Items,
    IReadOnlyList<HistoryView> History);

internal sealed record ApplicationListItem(Guid Id, string Reference, DateOnly AcceptedOn, string Channel, IReadOnlyList<ItemSummary> Items);

internal sealed record ItemSummary(Guid Id, string MatterCode, string MatterNameZh, string MatterNameEn, string Status, DateOnly? DueOn, int? RemainingWorkingDays, string? DueProblem);

/// <summary>Reads applications for talents (their own) and staff (those with a step in their organisation; the talent office: all).</summary>
internal sealed class ApplicationViews(ServicesDbContext db, Countdown countdown, Catalogue.CatalogueReader catalogue, ITalentDirectory talents, ICurrentUser user)
{
    public async Task<ApplicationView?> GetAsync(Guid id, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return null;
        }

        var items = await db.Items.AsNoTracking().Where(i => i.ApplicationId == id).OrderBy(i => i.Id).ToListAsync(ct);
        var steps = await db.Steps.AsNoTracking().Where(s => s.ApplicationId == id).OrderBy(s => s.Stage).ThenBy(s => s.Id).ToListAsync(ct);
        var history = await db.History.AsNoTracking().Where(h => h.ApplicationId == id).OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync(ct);
        var matters = await db.Matters.AsNoTracking().ToDictionaryAsync(m => m.Code, StringComparer.Ordinal, ct);
        var departments = await catalogue.DepartmentsByIdAsync(ct);
        var itemViews = new List<ItemView>();
        foreach (var i in items)
        {
            var matter = matters.GetValueOrDefault(i.MatterCode);
            var remaining = await countdown.RemainingAsync(i, ct);
            itemViews.Add(new ItemView(
                i.Id, i.MatterCode, matter?.NameZh ?? i.MatterCode, matter?.NameEn ?? i.MatterCode, i.MatterVersion, i.Status, i.AcceptedOn, i.DueOn, i.DueProblem,
                remaining, countdown.IsOverdue(i), i.EscalatedAt is not null, i.PausedSince, i.PausedWorkingDays, i.SupplementRequest, i.Outcome, i.DecidedAt, i.DecidedOn,
                i.AutoDecided, i.RuleVersion,
                i.Evidence is null ? [] : JsonSerializer.Deserialize<List<Guid>>(i.Evidence) ?? [],
                i.ExplanationZh, i.ExplanationEn, i.ClerkReasonZh, i.ClerkReasonEn,
                i.Prefill is null ? [] : JsonSerializer.Deserialize<List<PrefillEntry>>(i.Prefill, MatterDefinition.Json) ?? [],
                i.Materials is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(i.Materials, MatterDefinition.Json) ?? [],
                i.AmountFen, i.Payments, i.Delivery, i.TrackingNumber, i.DeliveredAt,
                steps.Where(s => s.ItemId == i.Id).Select(s => new StepView(
                    s.Id, s.DepartmentId, departments.TryGetValue(s.DepartmentId, out var d) ? d.Name : s.DepartmentId.ToString(),
                    s.Stage, s.NameZh, s.NameEn, s.RequiresSecond, s.Status, s.FirstBy, s.FirstAt, s.SecondBy, s.SecondAt, s.Reason)).ToList()));
        }

        var masked = items.FirstOrDefault()?.TalentMaskedName ?? (await talents.GetAsync(application.TalentId, ct))?.MaskedName ?? "—";
        return new ApplicationView(
            application.Id, application.Reference, application.TalentId, masked, application.Channel, application.WindowOrganisationId,
            application.IdentityCheckedAt, application.SubmittedAt, application.AcceptedOn, itemViews,
            history.Select(h => new HistoryView(h.At, h.ActorAccountId, h.ActorKind, h.Action, h.TextZh, h.TextEn, h.ItemId)).ToList());
    }

    /// <summary>The application if the current user may see it: its talent, the talent office, or a department with a step in it.</summary>
    public async Task<Result<ApplicationView>> GetVisibleAsync(Guid id, CancellationToken ct)
    {
        if (!await CanSeeAsync(id, ct))
        {
            return ServicesErrors.ApplicationNotFound;
        }

        return (await GetAsync(id, ct)) is { } view ? view : ServicesErrors.ApplicationNotFound;
    }

    public async Task<bool> CanSeeAsync(Guid id, CancellationToken ct)
    {
        if (user.IsInAnyRole(Roles.TalentOffice, Roles.Auditor))
        {
            return true;
        }

        if (user.IsInRole(Roles.Department) && user.OrganisationId is { } org
            && await db.Steps.AnyAsync(s => s.ApplicationId == id && s.DepartmentId == org, ct))
        {
            return true;
        }

        if (user.IsInRole(Roles.Department) && user.OrganisationId is { } window
            && await db.Applications.AnyAsync(a => a.Id == id && a.WindowOrganisationId == window, ct))
        {
            return true;
        }

        if (user.IsInRole(Roles.Talent) && user.AccountId is { } account)
        {
            var talent = await talents.FindByAccountAsync(account, ct);
            return talent is not null && await db.Applications.AnyAsync(a => a.Id == id && a.TalentId == talent.Id, ct);
        }

        return false;
    }

    public async Task<Result<Page<ApplicationListItem>>> ListMineAsync(PageRequest page, CancellationToken ct)
    {
        var talent = user.AccountId is { } account ? await talents.FindByAccountAsync(account, ct) : null;
        if (talent is null)
        {
            return ServicesErrors.NoProfile;
        }

        var query = db.Applications.AsNoTracking().Where(a => a.TalentId == talent.Id);
        var total = await query.CountAsync(ct);
        var apps = await query.OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Id).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        var ids = apps.Select(a => a.Id).ToList();
        var items = await db.Items.AsNoTracking().Where(i => ids.Contains(i.ApplicationId)).ToListAsync(ct);
        var matters = await db.Matters.AsNoTracking().ToDictionaryAsync(m => m.Code, StringComparer.Ordinal, ct);
        var list = new List<ApplicationListItem>();
        foreach (var a in apps)
        {
            var summaries = new List<ItemSummary>();
            foreach (var i in items.Where(i => i.ApplicationId == a.Id).OrderBy(i => i.Id))
            {
                var m = matters.GetValueOrDefault(i.MatterCode);
                summaries.Add(new ItemSummary(i.Id, i.MatterCode, m?.NameZh ?? i.MatterCode, m?.NameEn ?? i.MatterCode, i.Status, i.DueOn, await countdown.RemainingAsync(i, ct), i.DueProblem));
            }

            list.Add(new ApplicationListItem(a.Id, a.Reference, a.AcceptedOn, a.Channel, summaries));
        }

        return new Page<ApplicationListItem>(list, page.SafePage, page.SafeSize, total);
    }
}

/// <summary>
/// The countdown shown on every page: working days from today (Asia/Shanghai) to the due date, through the same
/// <see cref="IWorkingDayCalendar"/> that computed the due date. Null while paused (补正), once decided, or when
/// the due date is unknown (unloaded calendar year) or today's year is not loaded.
/// </summary>
internal sealed class Countdown(IWorkingDayCalendar calendar, TimeProvider clock)
{
    public async Task<int?> RemainingAsync(ItemRow item, CancellationToken ct) =>
        item.Status == ItemStatus.InReview && item.DueOn is { } due ? await RemainingAsync(due, ct) : null;

    public DateOnly Today => BusinessTime.Today(clock);

    /// <summary>Past its due date while in review (a paused item is not overdue).</summary>
    public bool IsOverdue(ItemRow item) => item.Status == ItemStatus.InReview && item.DueOn is { } due && due < Today;

    public async Task<int?> RemainingAsync(DateOnly due, CancellationToken ct)
    {
        var result = await calendar.WorkingDaysBetweenAsync(BusinessTime.Today(clock), due, ct);
        return result.IsSuccess ? result.Value : null;
    }
}
