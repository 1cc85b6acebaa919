using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using TalentPass.Infrastructure.Reporting;
using TalentPass.Modules.Reports.Domain;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Reports.Features.JointMeeting;

/// <param name="Unavailable">Keys of the sources that failed for this period (their sections are missing; the rest is shown).</param>
internal sealed record JointMeetingView(string Kind, string Label, DateOnly From, DateOnly To, IReadOnlyList<ReportSection> Sections, IReadOnlyList<string> Unavailable);

/// <summary>
/// The joint-meeting dashboard (M-16): asks every registered <see cref="IReportSource"/> for the period and orders the
/// sections by <see cref="ReportSection.Order"/> (then key). A failing source is logged and listed as unavailable
/// rather than failing the whole report. The CSV has one row per figure and per series point, with the same values.
/// </summary>
internal sealed partial class JointMeetingReport(IEnumerable<IReportSource> sources, TimeProvider clock, ILogger<JointMeetingReport> logger)
{
    public static readonly string[] Readers = [Roles.TalentOffice, Roles.Auditor, Roles.BigDataBureau];

    public Result<PickedPeriod> Pick(PeriodQuery query) => PeriodPicker.Resolve(query, BusinessTime.Today(clock));

    public async Task<Result<JointMeetingView>> BuildAsync(PeriodQuery query, CancellationToken ct)
    {
        var picked = Pick(query);
        if (!picked.IsSuccess)
        {
            return picked.Error!;
        }

        var period = picked.Value!.Period;
        var sections = new List<ReportSection>();
        var unavailable = new List<string>();
        foreach (var source in sources)
        {
            try
            {
                sections.Add(await source.BuildAsync(period, ct));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // one module's failure must not hide the others' figures from the meeting
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSourceFailed(logger, source.Key, ex);
                unavailable.Add(source.Key);
            }
        }

        return new JointMeetingView(
            picked.Value.Kind,
            picked.Value.Label,
            period.From,
            period.To,
            sections.OrderBy(s => s.Order).ThenBy(s => s.Key, StringComparer.Ordinal).ToList(),
            unavailable);
    }

    /// <summary>
    /// CSV (UTF-8; the endpoint adds a BOM): <c>from,to,section,series,key,label_zh,label_en,value,unit</c>; figures have
    /// an empty <c>series</c>. Values are the raw integers of the sources (fen, percent, count) — the same as the JSON.
    /// </summary>
    public static string Csv(JointMeetingView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var from = view.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = view.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = new StringBuilder();
        csv.AppendLine("from,to,section,series,key,label_zh,label_en,value,unit");
        foreach (var section in view.Sections)
        {
            foreach (var f in section.Figures)
            {
                csv.AppendLine(string.Join(',', from, to, Cell(section.Key), "", Cell(f.Key), Cell(f.LabelZh), Cell(f.LabelEn), f.Value.ToString(CultureInfo.InvariantCulture), Cell(f.Unit)));
            }

            foreach (var series in section.Series)
            {
                foreach (var p in series.Points)
                {
                    csv.AppendLine(string.Join(',', from, to, Cell(section.Key), Cell(series.Key), Cell(p.Key), Cell(p.LabelZh), Cell(p.LabelEn), p.Value.ToString(CultureInfo.InvariantCulture), Cell(series.Unit)));
                }
            }
        }

        return csv.ToString();
    }

    /// <summary>Quotes cells with separators and neutralises spreadsheet formulas (=, +, -, @ at the start).</summary>
    internal static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    [LoggerMessage(EventId = 8701, Level = LogLevel.Warning, Message = "The report source {Source} failed; its section is left out")]
    private static partial void LogSourceFailed(ILogger logger, string source, Exception exception);
}
