using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Services.Features.Views;
using TalentPass.Modules.Services.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Services.Features.Work;

/// <param name="Status"><c>open</c> (to do, default) or <c>second</c> (awaiting a second approval).</param>
/// <param name="Q">Application reference (or its start).</param>
internal sealed record QueueQuery(string? Status = null, string? Matter = null, bool OverdueOnly = false, string? Q = null, int Page = 1, int Size = PageRequest.DefaultSize);

internal sealed record QueueRow(
    Guid StepId,
    Guid ApplicationId,
    Guid ItemId,
    string Reference,
    string MatterCode,
    string MatterName,
    string TalentMaskedName,
    string StepNameZh,
    string StepNameEn,
    string Status,
    bool RequiresSecond,
    Guid? FirstBy,
    DateOnly? DueOn,
    int? RemainingWorkingDays,
    bool Overdue,
    bool Escalated,
    bool Paused);

/// <summary>
/// A department's queue: ITS OWN open steps only, sorted by due date (then id), one index range
/// <c>(department_id, status, due_on, id)</c> per page; totals are capped like every list.
/// </summary>
internal sealed class QueueReader(ServicesDbContext db, ICurrentUser user, Countdown countdown, Catalogue.CatalogueReader catalogue)
{
    public async Task<Result<Page<QueueRow>>> ListAsync(QueueQuery query, CancellationToken ct)
    {
        if (user.OrganisationId is not { } department || !user.IsInAnyRole(Roles.Department, Roles.TalentOffice))
        {
            return ServicesErrors.WrongDepartment;
        }

        var status = query.Status == StepStatus.Second ? StepStatus.Second : StepStatus.Open;
        var page = new PageRequest(query.Page, query.Size);
        var steps = db.Steps.AsNoTracking().Where(s => s.DepartmentId == department && s.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Matter))
        {
            steps = steps.Where(s => s.MatterCode == query.Matter);
        }

        if (query.OverdueOnly)
        {
            var today = countdown.Today;
            steps = steps.Where(s => s.DueOn < today); // index-only; a paused row shows as paused
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // A range on the (department, status, reference) index: references are ASCII ("YJS20260930-…").
            var q = query.Q.Trim().ToUpperInvariant();
            var upper = q + "\uffff";
            steps = steps.Where(s => string.Compare(s.Reference, q) >= 0 && string.Compare(s.Reference, upper) < 0);
        }

        var total = await steps.Take((int)Page<QueueRow>.TotalCap + 1).CountAsync(ct);
        var rows = await steps.OrderBy(s => s.DueOn).ThenBy(s => s.Id).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        var names = await catalogue.MatterNamesAsync(ct);
        var result = new List<QueueRow>(rows.Count);
        foreach (var s in rows)
        {
            int? remaining = s.Paused || s.DueOn is null ? null : await countdown.RemainingAsync(s.DueOn.Value, ct);
            result.Add(new QueueRow(
                s.Id, s.ApplicationId, s.ItemId, s.Reference, s.MatterCode, names.GetValueOrDefault(s.MatterCode, s.MatterCode), s.TalentMaskedName,
                s.NameZh, s.NameEn, s.Status, s.RequiresSecond, s.FirstBy, s.DueOn, remaining,
                !s.Paused && s.DueOn is { } due && due < countdown.Today, s.Escalated, s.Paused));
        }

        return new Page<QueueRow>(result, page.SafePage, page.SafeSize, Math.Min(total, Page<QueueRow>.TotalCap), total > Page<QueueRow>.TotalCap);
    }
}
