using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Reporting;
using TalentPass.Modules.Codes.Persistence;

namespace TalentPass.Modules.Codes.Features.Reporting;

/// <summary>
/// Talent codes for the joint-meeting dashboard: codes issued (talents enrolled for a code) by the period's end and
/// during it, and the period's online verifications (scans) by outcome.
/// </summary>
internal sealed class CodesReportSource(CodesDbContext db) : IReportSource
{
    private static readonly (string Key, string Zh, string En)[] Outcomes =
    [
        ("valid", "有效", "Valid"),
        ("expired", "已过期", "Expired"),
        ("suspended", "已暂停", "Suspended"),
        ("terminated", "已终止", "Terminated"),
        ("invalid_signature", "签名无效", "Invalid signature"),
        ("unknown_key", "未知密钥", "Unknown key"),
        ("malformed", "格式错误", "Malformed"),
        ("undetermined", "无法判定", "Undetermined"),
    ];

    public string Key => "codes";

    public async Task<ReportSection> BuildAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var start = period.StartUtc;
        var end = period.EndUtc;
        var issued = await db.Subjects.AsNoTracking().CountAsync(s => s.CreatedAt < end, cancellationToken);
        var issuedInPeriod = await db.Subjects.AsNoTracking().CountAsync(s => s.CreatedAt >= start && s.CreatedAt < end, cancellationToken);
        var scans = await db.Scans.AsNoTracking()
            .Where(s => s.ScannedAt >= start && s.ScannedAt < end)
            .GroupBy(s => s.Outcome)
            .Select(g => new { Outcome = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var byOutcome = scans.ToDictionary(s => s.Outcome, s => s.Count, StringComparer.Ordinal);
        var points = Outcomes.Select(o => new ReportPoint(o.Key, o.Zh, o.En, byOutcome.GetValueOrDefault(o.Key))).ToList();
        points.AddRange(byOutcome.Where(o => !Outcomes.Any(k => k.Key == o.Key)).Select(o => new ReportPoint(o.Key, o.Key, o.Key, o.Value)));
        return new ReportSection(
            Key,
            "人才码",
            "Talent codes",
            20,
            [
                new("codes_issued_total", "期末已发码人才", "Talents with a code by the end", issued),
                new("codes_issued_in_period", "本期新发码", "Codes issued in the period", issuedInPeriod),
                new("scans_in_period", "本期扫码核验", "Scans in the period", scans.Sum(s => s.Count)),
                new("scans_valid_in_period", "其中有效", "Of which valid", byOutcome.GetValueOrDefault("valid")),
            ],
            [new ReportSeries("scans_by_outcome", "扫码核验结果", "Scans by outcome", points)]);
    }
}
