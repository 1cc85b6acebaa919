using TalentPass.SharedKernel;

namespace TalentPass.Infrastructure.Reporting;

/// <summary>A reporting period in business days (Asia/Shanghai), both ends included.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The first instant of <see cref="From"/> in Asia/Shanghai, in UTC (compare instants with <c>&gt;= StartUtc</c>).</summary>
    public DateTimeOffset StartUtc => StartOfDayUtc(From);

    /// <summary>The first instant after <see cref="To"/> in Asia/Shanghai, in UTC (compare instants with <c>&lt; EndUtc</c>).</summary>
    public DateTimeOffset EndUtc => StartOfDayUtc(To.AddDays(1));

    private static DateTimeOffset StartOfDayUtc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, BusinessTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

/// <summary>One headline figure, e.g. "codes issued: 1,234". <paramref name="Unit"/> e.g. <c>count</c>, <c>fen</c>, <c>percent</c>.</summary>
public sealed record ReportFigure(string Key, string LabelZh, string LabelEn, long Value, string Unit = "count");

/// <summary>One labelled value of a series (a bar of a chart, a row of a table), e.g. level "c" → 12.</summary>
public sealed record ReportPoint(string Key, string LabelZh, string LabelEn, long Value);

/// <summary>A series drawn as a bar chart and exported as CSV rows (e.g. talents by level, redemptions by month).</summary>
public sealed record ReportSeries(string Key, string TitleZh, string TitleEn, IReadOnlyList<ReportPoint> Points, string Unit = "count");

/// <summary>What one module contributes to the joint-meeting dashboard for a period.</summary>
public sealed record ReportSection(
    string Key,
    string TitleZh,
    string TitleEn,
    int Order,
    IReadOnlyList<ReportFigure> Figures,
    IReadOnlyList<ReportSeries> Series);

/// <summary>
/// A module's contribution to the joint-meeting reports (issue 8, M-16). Each module that has something to report
/// registers one implementation (<c>services.AddScoped&lt;IReportSource, X&gt;()</c>) over its OWN tables; the Reports
/// module asks every source and draws the dashboard, the CSV export and the printable page. Aggregates only, never
/// personal data. Callers authorise (the dashboard is for the talent office, the joint meeting, auditors).
/// </summary>
public interface IReportSource
{
    /// <summary>Stable key, e.g. <c>talents</c>, <c>codes</c>, <c>redemptions</c>.</summary>
    string Key { get; }

    Task<ReportSection> BuildAsync(ReportPeriod period, CancellationToken cancellationToken);
}
