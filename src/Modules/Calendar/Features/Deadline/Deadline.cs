using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Calendar.Contracts;
using TalentPass.Modules.Calendar.Domain;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Calendar.Features.Deadline;

internal sealed record DeadlineAnswer(string Due);

/// <summary>The public deadline calculation: <c>GET /api/v1/calendar/deadline?accepted=YYYY-MM-DD&amp;workingDays=N</c>.</summary>
internal static class DeadlineEndpoint
{
    public static void Map(RouteGroupBuilder calendar)
    {
        calendar.MapGet("/deadline", async Task<Results<Ok<DeadlineAnswer>, ProblemHttpResult>> (string? accepted, string? workingDays, IWorkingDayCalendar calendar, CancellationToken ct) =>
            {
                var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
                if (!ScheduleText.TryParseDate(accepted, out var day))
                {
                    fields["accepted"] = ["必填，格式 YYYY-MM-DD / Required, written YYYY-MM-DD."];
                }

                if (!int.TryParse(workingDays, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n is < 1 or > WorkingDayMath.MaxWorkingDays)
                {
                    fields["workingDays"] = [$"必填，1到{WorkingDayMath.MaxWorkingDays}之间的整数 / Required, a whole number from 1 to {WorkingDayMath.MaxWorkingDays}."];
                }

                if (fields.Count > 0)
                {
                    return Problems.Validation("calendar.deadline_invalid", fields);
                }

                var due = await calendar.AddWorkingDaysAsync(day, n, ct);
                return due.IsSuccess ? TypedResults.Ok(new DeadlineAnswer(ScheduleText.Iso(due.Value))) : due.Error.ToProblem();
            })
            .AllowAnonymous()
            .WithName("ComputeDeadline")
            .WithSummary("The due date N working days after acceptance on the official calendar (day of acceptance not counted; public)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
