using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Reporting;
using TalentPass.Modules.Cards.Contracts;
using TalentPass.Modules.Cards.Domain;
using TalentPass.Modules.Cards.Persistence;
using TalentPass.Modules.Partners.Contracts;

namespace TalentPass.Modules.Cards.Features.Reporting;

/// <summary>
/// Talent cards for the joint-meeting dashboard: cards issued in the period by partner, the card applications
/// received, and the current status of every card issued by the period's end.
/// </summary>
internal sealed class CardsReportSource(CardsDbContext db, IPartnerDirectory partners) : IReportSource
{
    private static readonly (string Key, string Zh, string En)[] Statuses =
    [
        (CardStatuses.Issued, "已发卡", "Issued"),
        (CardStatuses.Active, "已激活", "Active"),
        (CardStatuses.Lost, "挂失", "Lost"),
        (CardStatuses.Replaced, "已换卡", "Replaced"),
        (CardStatuses.Cancelled, "已注销", "Cancelled"),
    ];

    public string Key => "cards";

    public async Task<ReportSection> BuildAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var start = period.StartUtc;
        var end = period.EndUtc;
        var byPartner = await db.Cards.AsNoTracking()
            .Where(c => c.IssuedAt >= start && c.IssuedAt < end)
            .GroupBy(c => c.PartnerId)
            .Select(g => new { Partner = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var byStatus = await db.Cards.AsNoTracking()
            .Where(c => c.IssuedAt < end)
            .GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var applications = await db.Applications.AsNoTracking().LongCountAsync(a => a.CreatedAt >= start && a.CreatedAt < end, cancellationToken);

        var partnerPoints = new List<ReportPoint>();
        foreach (var p in byPartner.OrderByDescending(p => p.Count))
        {
            var info = await partners.GetAsync(p.Partner, cancellationToken);
            partnerPoints.Add(new ReportPoint(info?.Code ?? p.Partner.ToString("N"), info?.Name ?? p.Partner.ToString("N"), info?.Name ?? p.Partner.ToString("N"), p.Count));
        }

        var statuses = byStatus.ToDictionary(s => s.Status, s => s.Count, StringComparer.Ordinal);
        return new ReportSection(
            Key,
            "人才卡",
            "Talent cards",
            30,
            [
                new("cards_issued_in_period", "本期发卡", "Cards issued in the period", byPartner.Sum(p => p.Count)),
                new("applications_in_period", "本期办卡申请", "Card applications in the period", applications),
                new("cards_live", "期末已发卡中当前有效", "Issued by the end and live now", Card.LiveStatuses.Sum(s => statuses.GetValueOrDefault(s))),
            ],
            [
                new ReportSeries("issued_by_partner", "本期发卡（按合作银行/机构）", "Cards issued in the period, by partner", partnerPoints),
                new ReportSeries("by_status", "期末已发卡的当前状态", "Cards issued by the end, by current status",
                    Statuses.Select(s => new ReportPoint(s.Key, s.Zh, s.En, statuses.GetValueOrDefault(s.Key))).ToList()),
            ]);
    }
}
