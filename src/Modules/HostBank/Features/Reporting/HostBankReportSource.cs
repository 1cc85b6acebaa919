using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Reporting;
using TalentPass.Modules.HostBank.Domain;
using TalentPass.Modules.HostBank.Persistence;
using TalentPass.Modules.Partners.Contracts;

namespace TalentPass.Modules.HostBank.Features.Reporting;

/// <summary>
/// Host banks (M-19) for the joint-meeting dashboard: the decided assessments of the quarters that overlap the period
/// (compliant, non-compliant, not applicable — enterprises still awaiting figures are on <c>/host-bank</c>), and the
/// talents' host-bank choices in effect at the period's end, by bank.
/// </summary>
internal sealed class HostBankReportSource(HostBankDbContext db, IPartnerDirectory partners) : IReportSource
{
    private static readonly (string Key, string Zh, string En)[] Final =
    [
        (Outcomes.Compliant, "达标", "Compliant"),
        (Outcomes.NonCompliant, "未达标", "Non-compliant"),
        (Outcomes.NotApplicable, "不适用", "Not applicable"),
    ];

    public string Key => "hostbank";

    public async Task<ReportSection> BuildAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var quarters = new List<string>();
        for (var q = Quarter.Of(period.From); q.Start <= period.To; q = Quarter.Of(q.End.AddDays(1)))
        {
            quarters.Add(q.ToString());
        }

        var outcomes = await db.Assessments.AsNoTracking()
            .Where(a => quarters.Contains(a.Quarter))
            .GroupBy(a => a.Outcome)
            .Select(g => new { Outcome = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var end = period.EndUtc;
        var choices = await db.Choices.AsNoTracking()
            .Where(c => c.ChosenAt < end && (c.EndedAt == null || c.EndedAt >= end))
            .GroupBy(c => c.PartnerOrganisationId)
            .Select(g => new { Bank = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);

        var banks = new List<ReportPoint>();
        foreach (var c in choices.OrderByDescending(c => c.Count))
        {
            var info = await partners.GetAsync(c.Bank, cancellationToken);
            banks.Add(new ReportPoint(info?.Code ?? c.Bank.ToString("N"), info?.Name ?? c.Bank.ToString("N"), info?.Name ?? c.Bank.ToString("N"), c.Count));
        }

        var byOutcome = outcomes.ToDictionary(o => o.Outcome, o => o.Count, StringComparer.Ordinal);
        var decided = Final.Sum(f => byOutcome.GetValueOrDefault(f.Key));
        var applicable = byOutcome.GetValueOrDefault(Outcomes.Compliant) + byOutcome.GetValueOrDefault(Outcomes.NonCompliant);
        return new ReportSection(
            Key,
            "主办银行达标",
            "Host-bank compliance",
            80,
            [
                new("assessed", "已评估的企业季度", "Enterprise quarters assessed", decided),
                new("compliant", "达标", "Compliant", byOutcome.GetValueOrDefault(Outcomes.Compliant)),
                new("non_compliant", "未达标", "Non-compliant", byOutcome.GetValueOrDefault(Outcomes.NonCompliant)),
                new("compliance_rate", "达标率（适用企业）", "Compliance rate (applicable)", applicable == 0 ? 0 : (long)Math.Round(byOutcome.GetValueOrDefault(Outcomes.Compliant) * 100m / applicable, MidpointRounding.AwayFromZero), "percent"),
                new("host_bank_choices", "期末主办银行关系", "Host-bank choices at the end", choices.Sum(c => c.Count)),
            ],
            [
                new ReportSeries("assessments_by_outcome", "季度评估结果", "Quarterly assessments by outcome",
                    Final.Select(f => new ReportPoint(f.Key, f.Zh, f.En, byOutcome.GetValueOrDefault(f.Key))).ToList()),
                new ReportSeries("choices_by_bank", "主办银行关系（按银行）", "Host-bank choices by bank", banks),
            ]);
    }
}
