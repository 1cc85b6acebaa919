using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Calendar.Contracts;
using TalentPass.Modules.Services.Catalogue;
using TalentPass.Modules.Services.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Services.Features.Reports;

/// <param name="OnTimeRate">Decided on or before the due date ÷ decided with a known due date (null when none).</param>
/// <param name="AverageWorkingDays">Mean handling time in working days, acceptance day not counted, 补正 pauses excluded.</param>
internal sealed record PerformanceRow(string Key, string Name, int Decided, int OnTime, int AutoDecided, double? OnTimeRate, double? AverageWorkingDays, int Open, int Overdue);

internal sealed record PerformanceReportView(DateOnly? From, DateOnly? To, IReadOnlyList<PerformanceRow> Matters, IReadOnlyList<PerformanceRow> Departments);

/// <summary>On-time rate and handling time per matter and per department (talent office: all; a department: its own row).</summary>
internal sealed class PerformanceReport(ServicesDbContext db, IWorkingDayCalendar calendar, CatalogueReader catalogue, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<PerformanceReportView>> BuildAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        Guid? onlyDepartment = user.IsInAnyRole(Roles.TalentOffice, Roles.Auditor, Roles.BigDataBureau) ? null : user.OrganisationId;
        if (onlyDepartment is null && !user.IsInAnyRole(Roles.TalentOffice, Roles.Auditor, Roles.BigDataBureau))
        {
            return ServicesErrors.WrongDepartment;
        }

        var today = BusinessTime.Today(clock);
        var workingDays = new Dictionary<(DateOnly, DateOnly), int?>();
        async Task<int?> Between(DateOnly a, DateOnly b)
        {
            if (!workingDays.TryGetValue((a, b), out var days))
            {
                var r = await calendar.WorkingDaysBetweenAsync(a, b, ct);
                days = r.IsSuccess ? r.Value : null;
                workingDays[(a, b)] = days;
            }

            return days;
        }

        var items = db.Items.AsNoTracking();
        if (onlyDepartment is { } dep)
        {
            items = items.Where(i => db.Steps.Any(s => s.ItemId == i.Id && s.DepartmentId == dep));
        }

        var decided = items.Where(i => i.DecidedOn != null && (from == null || i.DecidedOn >= from) && (to == null || i.DecidedOn <= to));
        var groups = await decided
            .GroupBy(i => new { i.MatterCode, i.AcceptedOn, i.DecidedOn, i.DueOn, i.PausedWorkingDays, i.AutoDecided })
            .Select(g => new { g.Key.MatterCode, g.Key.AcceptedOn, g.Key.DecidedOn, g.Key.DueOn, g.Key.PausedWorkingDays, g.Key.AutoDecided, Count = g.Count() })
            .ToListAsync(ct);
        var open = await items.Where(i => i.Status == ItemStatus.InReview || i.Status == ItemStatus.Supplement)
            .GroupBy(i => i.MatterCode)
            .Select(g => new { Matter = g.Key, Open = g.Count(), Overdue = g.Count(i => i.Status == ItemStatus.InReview && i.DueOn < today) })
            .ToListAsync(ct);
        var names = await catalogue.MatterNamesAsync(ct);
        var matters = new List<PerformanceRow>();
        foreach (var code in groups.Select(g => g.MatterCode).Concat(open.Select(o => o.Matter)).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal))
        {
            var mine = groups.Where(g => g.MatterCode == code).ToList();
            var total = mine.Sum(g => g.Count);
            var withDue = mine.Where(g => g.DueOn != null).Sum(g => g.Count);
            var onTime = mine.Where(g => g.DueOn != null && g.DecidedOn <= g.DueOn).Sum(g => g.Count);
            double sum = 0;
            var counted = 0;
            foreach (var g in mine)
            {
                if (await Between(g.AcceptedOn, g.DecidedOn!.Value) is { } d)
                {
                    sum += Math.Max(0, d - g.PausedWorkingDays) * (double)g.Count;
                    counted += g.Count;
                }
            }

            var o = open.FirstOrDefault(x => x.Matter == code);
            matters.Add(new PerformanceRow(code, names.GetValueOrDefault(code, code), total, onTime, mine.Where(g => g.AutoDecided).Sum(g => g.Count),
                withDue == 0 ? null : (double)onTime / withDue, counted == 0 ? null : sum / counted, o?.Open ?? 0, o?.Overdue ?? 0));
        }

        var steps = db.Steps.AsNoTracking().Where(s => s.DecidedOn != null && (from == null || s.DecidedOn >= from) && (to == null || s.DecidedOn <= to));
        if (onlyDepartment is { } only)
        {
            steps = steps.Where(s => s.DepartmentId == only);
        }

        var stepGroups = await steps
            .Join(db.Items.AsNoTracking(), s => s.ItemId, i => i.Id, (s, i) => new { s.DepartmentId, i.AcceptedOn, s.DecidedOn, s.DueOn, i.PausedWorkingDays })
            .GroupBy(x => new { x.DepartmentId, x.AcceptedOn, x.DecidedOn, x.DueOn, x.PausedWorkingDays })
            .Select(g => new { g.Key.DepartmentId, g.Key.AcceptedOn, g.Key.DecidedOn, g.Key.DueOn, g.Key.PausedWorkingDays, Count = g.Count() })
            .ToListAsync(ct);
        var openSteps = await db.Steps.AsNoTracking().Where(s => (s.Status == StepStatus.Open || s.Status == StepStatus.Second) && (onlyDepartment == null || s.DepartmentId == onlyDepartment))
            .GroupBy(s => s.DepartmentId)
            .Select(g => new { Department = g.Key, Open = g.Count(), Overdue = g.Count(s => !s.Paused && s.DueOn < today) })
            .ToListAsync(ct);
        var departmentNames = await catalogue.DepartmentsByIdAsync(ct);
        var departments = new List<PerformanceRow>();
        foreach (var id in stepGroups.Select(g => g.DepartmentId).Concat(openSteps.Select(o => o.Department)).Distinct())
        {
            var mine = stepGroups.Where(g => g.DepartmentId == id).ToList();
            var total = mine.Sum(g => g.Count);
            var withDue = mine.Where(g => g.DueOn != null).Sum(g => g.Count);
            var onTime = mine.Where(g => g.DueOn != null && g.DecidedOn <= g.DueOn).Sum(g => g.Count);
            double sum = 0;
            var counted = 0;
            foreach (var g in mine)
            {
                if (await Between(g.AcceptedOn, g.DecidedOn!.Value) is { } d)
                {
                    sum += Math.Max(0, d - g.PausedWorkingDays) * (double)g.Count;
                    counted += g.Count;
                }
            }

            var o = openSteps.FirstOrDefault(x => x.Department == id);
            var name = departmentNames.TryGetValue(id, out var org) ? org.Name : id.ToString();
            departments.Add(new PerformanceRow(departmentNames.TryGetValue(id, out var org2) ? org2.Code : id.ToString(), name, total, onTime, 0,
                withDue == 0 ? null : (double)onTime / withDue, counted == 0 ? null : sum / counted, o?.Open ?? 0, o?.Overdue ?? 0));
        }

        return new PerformanceReportView(from, to, matters, departments.OrderBy(d => d.Key, StringComparer.Ordinal).ToList());
    }

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/reports/performance", async Task<Results<Ok<PerformanceReportView>, ProblemHttpResult>> (PerformanceReport report, DateOnly? from, DateOnly? to, CancellationToken ct) =>
            {
                var result = await report.BuildAsync(from, to, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.TalentOffice, Roles.Department, Roles.Auditor, Roles.BigDataBureau))
            .WithName("GetServicePerformance")
            .WithSummary("On-time rate and handling time per matter and per department (a department sees its own)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
