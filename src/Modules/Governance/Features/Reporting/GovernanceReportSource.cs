using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Reporting;
using TalentPass.Modules.Governance.Domain;
using TalentPass.Modules.Governance.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Governance.Features.Reporting;

/// <summary>The joint-meeting section "governance": decisions by kind in the period, cases opened, signals raised.</summary>
internal sealed class GovernanceReportSource(GovernanceDbContext db) : IReportSource
{
    public string Key => "governance";

    public async Task<ReportSection> BuildAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var from = Start(period.From);
        var to = Start(period.To.AddDays(1));
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.DecidedAt >= from && d.DecidedAt < to)
            .GroupBy(d => new { d.Kind, d.Outcome }).Select(g => new { g.Key.Kind, g.Key.Outcome, Count = g.LongCount() }).ToListAsync(cancellationToken);
        long Of(string kind, string? outcome = null) => decisions.Where(d => d.Kind == kind && (outcome is null || d.Outcome == outcome)).Sum(d => d.Count);
        var opened = await db.Cases.AsNoTracking().LongCountAsync(c => c.OpenedAt >= from && c.OpenedAt < to, cancellationToken);
        var signals = await db.Signals.AsNoTracking().LongCountAsync(s => s.DetectedAt >= from && s.DetectedAt < to, cancellationToken);
        var reports = await db.MisuseReports.AsNoTracking().LongCountAsync(m => m.OccurredAt >= from && m.OccurredAt < to, cancellationToken);
        var appeals = await db.Appeals.AsNoTracking().LongCountAsync(a => a.FiledAt >= from && a.FiledAt < to, cancellationToken);

        var suspensions = Of(DecisionKinds.Suspension);
        var terminations = Of(DecisionKinds.Termination);
        var reinstatements = Of(DecisionKinds.Reinstatement);
        var appealDecisions = Of(DecisionKinds.Appeal);
        return new ReportSection("governance", "暂停、终止与复议", "Suspensions, terminations and appeals", 80,
        [
            new("cases_opened", "立案（事先告知）", "Cases opened (notices)", opened),
            new("suspensions", "暂停决定", "Suspension decisions", suspensions),
            new("terminations", "终止决定", "Termination decisions", terminations),
            new("reinstatements", "恢复决定", "Reinstatements", reinstatements),
            new("appeals_filed", "复议申请", "Appeals filed", appeals),
            new("misuse_reports", "滥用举报", "Misuse reports", reports),
            new("signals", "异常扫码信号", "Misuse signals", signals),
        ],
        [
            new("decisions", "处理决定（按类型）", "Decisions by kind",
            [
                new("suspension", "暂停", "Suspension", suspensions),
                new("termination", "终止", "Termination", terminations),
                new("dismissal", "撤销立案", "Dismissed", Of(DecisionKinds.Dismissal)),
                new("reinstatement", "恢复", "Reinstatement", reinstatements),
                new("appeal_upheld", "复议成立", "Appeal upheld", Of(DecisionKinds.Appeal, AppealStatuses.Upheld)),
                new("appeal_rejected", "复议驳回", "Appeal rejected", appealDecisions - Of(DecisionKinds.Appeal, AppealStatuses.Upheld)),
            ]),
        ]);
    }

    private static DateTimeOffset Start(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, BusinessTime.Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
