using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Reporting;
using TalentPass.Modules.Talents.Domain;
using TalentPass.Modules.Talents.Persistence;

namespace TalentPass.Modules.Talents.Features.Reporting;

/// <summary>
/// The registry for the joint-meeting dashboard: talents registered by the period's end and during it, by level and
/// by category (their current level and category), and how many are active, suspended or terminated now. Raw SQL:
/// on SQLite this module keeps instants as ISO text, which EF cannot compare but which orders correctly as text.
/// </summary>
internal sealed class TalentsReportSource(TalentsDbContext db) : IReportSource
{
    public string Key => "talents";

    internal sealed class GroupCount
    {
        public string Level { get; set; } = "";

        public string Category { get; set; } = "";

        public string Status { get; set; } = "";

        public long Registered { get; set; }

        public long New { get; set; }
    }

    public async Task<ReportSection> BuildAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var start = period.StartUtc;
        var end = period.EndUtc;
        var groups = await db.Database.SqlQuery<GroupCount>(
                $"""
                SELECT level AS "Level", category AS "Category", status AS "Status", COUNT(*) AS "Registered",
                       SUM(CASE WHEN created_at >= {start} THEN 1 ELSE 0 END) AS "New"
                FROM talents_talents WHERE created_at < {end}
                GROUP BY level, category, status
                """)
            .ToListAsync(cancellationToken);

        long Sum(Func<GroupCount, bool> where, Func<GroupCount, long> value) => groups.Where(where).Sum(value);

        return new ReportSection(
            Key,
            "人才库",
            "Talent registry",
            10,
            [
                new("registered_total", "期末在库人才", "Talents registered by the end", Sum(_ => true, g => g.Registered)),
                new("registered_in_period", "本期新增人才", "Registered in the period", Sum(_ => true, g => g.New)),
                new("active_now", "其中当前正常", "Of which active now", Sum(g => g.Status == TalentStatus.Active, g => g.Registered)),
                new("suspended_now", "其中当前暂停", "Of which suspended now", Sum(g => g.Status == TalentStatus.Suspended, g => g.Registered)),
                new("terminated_now", "其中当前终止", "Of which terminated now", Sum(g => g.Status == TalentStatus.Terminated, g => g.Registered)),
            ],
            [
                new ReportSeries(
                    "by_level",
                    "人才层次分布（期末在库）",
                    "Talents by level (registered by the end)",
                    TalentLevel.All.Select(l => new ReportPoint(l, TalentLevel.Label(l, false), TalentLevel.Label(l, true), Sum(g => g.Level == l, g => g.Registered))).ToList()),
                new ReportSeries(
                    "by_category",
                    "人才类别分布（期末在库）",
                    "Talents by category (registered by the end)",
                    TalentCategory.All.Select(c => new ReportPoint(c, TalentCategory.Label(c, false), TalentCategory.Label(c, true), Sum(g => g.Category == c, g => g.Registered))).ToList()),
                new ReportSeries(
                    "new_by_level",
                    "本期新增人才层次分布",
                    "Registered in the period, by level",
                    TalentLevel.All.Select(l => new ReportPoint(l, TalentLevel.Label(l, false), TalentLevel.Label(l, true), Sum(g => g.Level == l, g => g.New))).ToList()),
            ]);
    }
}
