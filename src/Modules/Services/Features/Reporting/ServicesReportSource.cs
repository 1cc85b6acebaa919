using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Reporting;
using TalentPass.Modules.Services.Persistence;

namespace TalentPass.Modules.Services.Features.Reporting;

/// <summary>
/// One-thing services for the joint-meeting dashboard: matters applied for (items accepted) in the period by matter,
/// items decided in the period, and the on-time rate — decided on or before the due date ÷ decided with a due date —
/// overall and per matter (whole percent, rounded half away from zero).
/// </summary>
internal sealed class ServicesReportSource(ServicesDbContext db) : IReportSource
{
    public string Key => "services";

    public async Task<ReportSection> BuildAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (from, to) = (period.From, period.To);
        var accepted = await db.Items.AsNoTracking()
            .Where(i => i.AcceptedOn >= from && i.AcceptedOn <= to)
            .GroupBy(i => i.MatterCode)
            .Select(g => new { Matter = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var decided = await db.Items.AsNoTracking()
            .Where(i => i.DecidedOn != null && i.DecidedOn >= from && i.DecidedOn <= to)
            .GroupBy(i => i.MatterCode)
            .Select(g => new
            {
                Matter = g.Key,
                Decided = g.LongCount(),
                WithDue = g.LongCount(i => i.DueOn != null),
                OnTime = g.LongCount(i => i.DueOn != null && i.DecidedOn <= i.DueOn),
                Auto = g.LongCount(i => i.AutoDecided),
            })
            .ToListAsync(cancellationToken);
        var names = await db.Matters.AsNoTracking().Select(m => new { m.Code, m.NameZh, m.NameEn }).ToDictionaryAsync(m => m.Code, StringComparer.Ordinal, cancellationToken);

        ReportPoint Point(string matter, long value) =>
            names.TryGetValue(matter, out var n) ? new ReportPoint(matter, n.NameZh, n.NameEn, value) : new ReportPoint(matter, matter, matter, value);

        var withDue = decided.Sum(d => d.WithDue);
        var onTime = decided.Sum(d => d.OnTime);
        return new ReportSection(
            Key,
            "一件事办理",
            "One-thing services",
            40,
            [
                new("applications_in_period", "本期受理事项", "Matters accepted in the period", accepted.Sum(a => a.Count)),
                new("decided_in_period", "本期办结", "Decided in the period", decided.Sum(d => d.Decided)),
                new("auto_decided_in_period", "其中免审即享", "Of which decided automatically", decided.Sum(d => d.Auto)),
                new("decided_with_due_date", "有办理时限的办结件数", "Decided with a due date", withDue),
                new("decided_on_time", "其中按时办结", "Of which on time", onTime),
                new("on_time_rate", "按时办结率", "On-time rate", Percent(onTime, withDue), "percent"),
            ],
            [
                new ReportSeries("applications_by_matter", "本期受理（按事项）", "Accepted in the period, by matter",
                    accepted.OrderByDescending(a => a.Count).ThenBy(a => a.Matter, StringComparer.Ordinal).Select(a => Point(a.Matter, a.Count)).ToList()),
                new ReportSeries("on_time_rate_by_matter", "按时办结率（按事项）", "On-time rate, by matter",
                    decided.Where(d => d.WithDue > 0).OrderBy(d => d.Matter, StringComparer.Ordinal).Select(d => Point(d.Matter, Percent(d.OnTime, d.WithDue))).ToList(),
                    "percent"),
            ]);
    }

    private static long Percent(long part, long whole) => whole == 0 ? 0 : (long)Math.Round(part * 100m / whole, MidpointRounding.AwayFromZero);
}
