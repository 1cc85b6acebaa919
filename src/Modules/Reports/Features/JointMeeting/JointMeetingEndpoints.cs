using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Reports.Domain;

namespace TalentPass.Modules.Reports.Features.JointMeeting;

/// <summary><c>GET /api/v1/reports/joint-meeting</c> (JSON) and <c>GET /api/v1/reports/joint-meeting.csv</c>.</summary>
internal static class JointMeetingEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/joint-meeting", async Task<Results<Ok<JointMeetingView>, ProblemHttpResult>> (
                    DateOnly? from, DateOnly? to, string? period, string? month, string? quarter, string? year, JointMeetingReport report, CancellationToken ct) =>
                {
                    var result = await report.BuildAsync(new PeriodQuery(period, month, quarter, year, from, to), ct);
                    return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
                })
            .WithName("GetJointMeetingReport")
            .WithSummary("The joint-meeting dashboard for a period: every module's headline figures and series (from/to, or period=month|quarter|year with month=2026-11, quarter=2026Q4, year=2026; default: this month)")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/joint-meeting.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                    DateOnly? from, DateOnly? to, string? period, string? month, string? quarter, string? year, JointMeetingReport report, CancellationToken ct) =>
                {
                    var result = await report.BuildAsync(new PeriodQuery(period, month, quarter, year, from, to), ct);
                    if (!result.IsSuccess)
                    {
                        return result.Error!.ToProblem();
                    }

                    var view = result.Value!;
                    var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(JointMeetingReport.Csv(view))).ToArray();
                    return TypedResults.File(bytes, "text/csv; charset=utf-8", $"joint-meeting-{view.From:yyyyMMdd}-{view.To:yyyyMMdd}.csv");
                })
            .WithName("ExportJointMeetingReport")
            .WithSummary("The joint-meeting dashboard as CSV: one row per figure and per series point, same values as the JSON")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
