using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Reporting;
using TalentPass.Modules.Contribution.Features.Rankings;
using TalentPass.Modules.Contribution.Persistence;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Contribution.Features.Reports;

/// <summary>
/// The rights reports (<c>/rights/reports</c>, the CSV export and the joint-meeting section <c>rights</c>) over the
/// projected redemptions: by right, provider, level and month; quota use; top contributors. Aggregates only.
/// Reversed redemptions are not counted.
/// </summary>
internal sealed class RightsReport(ContributionDbContext db, ContributionReader contribution, IOrganisationDirectory organisations, IServiceProvider services) : IReportSource
{
    public string Key => "rights";

    public async Task<Result<ReportSection>> BuildAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var period = ResolvePeriod(from, to);
        return period.IsSuccess ? await BuildAsync(period.Value, ct) : period.Error;
    }

    /// <summary>The period asked for; defaults from 1 January to today (Asia/Shanghai).</summary>
    public Result<ReportPeriod> ResolvePeriod(DateOnly? from, DateOnly? to)
    {
        var period = Period.Parse(from, to, contribution.Today);
        return period.IsSuccess ? new ReportPeriod(period.Value.From, period.Value.To) : period.Error;
    }

    public async Task<ReportSection> BuildAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var ct = cancellationToken;
        var rows = db.Redemptions.AsNoTracking().Where(r => r.BusinessDay >= period.From && r.BusinessDay <= period.To);
        var live = rows.Where(r => !r.Reversed);

        var byRight = await live.GroupBy(r => new { r.RightId, r.RightCode }).Select(g => new { g.Key.RightId, g.Key.RightCode, Count = g.LongCount() }).ToListAsync(ct);
        var byProvider = await live.GroupBy(r => r.ProviderOrganisationId).Select(g => new { Id = g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var byLevel = await live.GroupBy(r => r.Level).Select(g => new { Level = g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var byMonth = await live.GroupBy(r => r.Month).Select(g => new { Month = g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var count = await live.LongCountAsync(ct);
        var discount = await live.SumAsync(r => r.DiscountFen, ct);
        var thirdParty = await live.LongCountAsync(r => r.ThirdParty, ct);
        var offline = await live.LongCountAsync(r => r.Offline, ct);
        var family = await live.LongCountAsync(r => r.Beneficiary != Beneficiaries.Self, ct);
        var reversed = await rows.LongCountAsync(r => r.Reversed, ct);

        var catalogue = services.GetService<IRightsCatalogue>();
        var rights = catalogue is null ? [] : (await catalogue.GetSnapshotAsync(ct)).Rights;
        var rightNames = rights.ToDictionary(r => r.Id);

        var rightPoints = new List<ReportPoint>();
        foreach (var r in byRight.OrderByDescending(r => r.Count).ThenBy(r => r.RightCode, StringComparer.Ordinal))
        {
            var def = rightNames.GetValueOrDefault(r.RightId) ?? (catalogue is null ? null : await catalogue.GetAsync(r.RightId, ct));
            rightPoints.Add(new ReportPoint(r.RightCode, def?.NameZh ?? r.RightCode, def?.NameEn ?? r.RightCode, r.Count));
        }

        var providerPoints = new List<ReportPoint>();
        foreach (var p in byProvider.OrderByDescending(p => p.Count).ThenBy(p => p.Id))
        {
            var org = await organisations.GetAsync(p.Id, ct);
            providerPoints.Add(new ReportPoint(org?.Code ?? p.Id.ToString(), org?.Name ?? p.Id.ToString(), org?.Name ?? p.Id.ToString(), p.Count));
        }

        var levelPoints = byLevel.OrderBy(l => l.Level, StringComparer.Ordinal)
            .Select(l => new ReportPoint(l.Level, LevelZh(l.Level), LevelEn(l.Level), l.Count)).ToList();
        var monthPoints = byMonth.OrderBy(m => m.Month, StringComparer.Ordinal)
            .Select(m => new ReportPoint(m.Month, m.Month, m.Month, m.Count)).ToList();

        var ranking = await contribution.TotalsAsync(new Period(period.From, period.To), null, ct);
        var topPoints = new List<ReportPoint>();
        foreach (var t in ranking.Take(10))
        {
            var org = await organisations.GetAsync(t.OrganisationId, ct);
            topPoints.Add(new ReportPoint(org?.Code ?? t.OrganisationId.ToString(), org?.Name ?? "—", org?.Name ?? "—", t.PointsMilli / 1000));
        }

        var quotaPoints = await QuotaUseAsync(rights, period.To, ct);

        return new ReportSection(
            Key,
            "权益核销",
            "Rights redeemed",
            60,
            [
                new ReportFigure("redemptions", "核销次数", "Redemptions", count),
                new ReportFigure("reversed", "撤销次数", "Reversals", reversed),
                new ReportFigure("discount", "让利金额", "Discount given", discount, "fen"),
                new ReportFigure("third_party", "第三方机构核销", "At third-party institutions", thirdParty),
                new ReportFigure("family", "家属享受", "For family members", family),
                new ReportFigure("offline", "离线核销", "Offline", offline),
                new ReportFigure("institutions", "贡献机构数", "Contributing institutions", ranking.Count),
            ],
            [
                new ReportSeries("by_right", "按权益", "By right", rightPoints),
                new ReportSeries("by_provider", "按提供机构", "By provider", providerPoints),
                new ReportSeries("by_level", "按人才层级", "By level", levelPoints),
                new ReportSeries("by_month", "按月份", "By month", monthPoints),
                new ReportSeries("quota_use", "额度使用率（截至期末）", "Quota use (at the end of the period)", quotaPoints, "percent"),
                new ReportSeries("top_contributors", "服务贡献值前十", "Top contributors (points)", topPoints, "points"),
            ]);
    }

    /// <summary>The section as CSV (UTF-8 with BOM for spreadsheet programs): figures, then every series' points.</summary>
    public static byte[] ToCsv(ReportSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var csv = new StringBuilder();
        csv.Append("series,key,label_zh,label_en,value,unit\r\n");
        foreach (var f in section.Figures)
        {
            Line(csv, "figures", f.Key, f.LabelZh, f.LabelEn, f.Value, f.Unit);
        }

        foreach (var s in section.Series)
        {
            foreach (var p in s.Points)
            {
                Line(csv, s.Key, p.Key, p.LabelZh, p.LabelEn, p.Value, s.Unit);
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static string LevelZh(string level) => level.Length == 1 ? level.ToUpperInvariant() + "类" : level switch
    {
        "youth" => "青年人才",
        "social" => "社会人才",
        "reserve" => "储备人才",
        _ => level,
    };

    public static string LevelEn(string level) => level.Length == 1 ? "Level " + level.ToUpperInvariant() : level switch
    {
        "youth" => "Youth",
        "social" => "Social",
        "reserve" => "Reserve",
        _ => level,
    };

    private static void Line(StringBuilder csv, string series, string key, string zh, string en, long value, string unit) =>
        csv.Append(Escape(series)).Append(',').Append(Escape(key)).Append(',').Append(Escape(zh)).Append(',').Append(Escape(en)).Append(',')
            .Append(value.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Escape(unit)).Append("\r\n");

    private static string Escape(string value)
    {
        // Quote always; neutralise spreadsheet formulas (CSV injection).
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// Use of each overall quota in its period containing <paramref name="on"/> and of each inventory pool (all time),
    /// in percent of the limit. Counted from the projection, so it may lag the live counters by the feed's delay.
    /// </summary>
    private async Task<List<ReportPoint>> QuotaUseAsync(IReadOnlyList<RightDefinition> rights, DateOnly on, CancellationToken ct)
    {
        var points = new List<ReportPoint>();
        foreach (var right in rights.OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            foreach (var quota in right.Quotas.Where(q => q.Scope == QuotaScopes.Overall && q.Limit > 0))
            {
                var start = quota.Period switch
                {
                    QuotaPeriods.Day => on,
                    QuotaPeriods.Month => new DateOnly(on.Year, on.Month, 1),
                    QuotaPeriods.Year => new DateOnly(on.Year, 1, 1),
                    _ => DateOnly.MinValue,
                };
                var used = await db.Redemptions.AsNoTracking().LongCountAsync(r => r.RightId == right.Id && !r.Reversed && r.BusinessDay >= start && r.BusinessDay <= on, ct);
                points.Add(new ReportPoint(right.Code, right.NameZh + "（总额度）", right.NameEn + " (overall)", used * 100 / quota.Limit));
            }

            foreach (var pool in right.Pools.Where(p => p.Capacity > 0))
            {
                var code = pool.Code;
                var used = await db.Redemptions.AsNoTracking().LongCountAsync(r => r.RightId == right.Id && !r.Reversed && r.PoolCode == code && r.BusinessDay <= on, ct);
                points.Add(new ReportPoint(right.Code + ":" + pool.Code, right.NameZh + " · " + pool.NameZh, right.NameEn + " · " + pool.NameEn, used * 100 / pool.Capacity));
            }
        }

        return points;
    }
}
