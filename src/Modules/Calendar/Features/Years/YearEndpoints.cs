using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TalentPass.Infrastructure.Http;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Calendar.Features.Years;

internal static class YearEndpoints
{
    public static void Map(RouteGroupBuilder calendar)
    {
        calendar.MapGet("/years", async Task<Results<Ok<IReadOnlyList<YearSummary>>, ProblemHttpResult>> (int? from, int? to, CalendarYears years, CancellationToken ct) =>
            {
                if (from is < CalendarYears.MinYear or > CalendarYears.MaxYear || to is < CalendarYears.MinYear or > CalendarYears.MaxYear)
                {
                    return CalendarErrors.YearInvalid.ToProblem();
                }

                var all = await years.ListAsync(ct);
                return TypedResults.Ok<IReadOnlyList<YearSummary>>(all.Where(y => y.Year >= (from ?? CalendarYears.MinYear) && y.Year <= (to ?? CalendarYears.MaxYear)).ToList());
            })
            .AllowAnonymous()
            .WithName("ListCalendarYears")
            .WithSummary("The loaded years of the official holiday schedule, optionally from/to a year (public; a few rows, not paged)")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        calendar.MapGet("/years/{year:int}", async Task<Results<Ok<YearView>, ProblemHttpResult>> (int year, CalendarYears years, CancellationToken ct) =>
            {
                var result = await years.GetAsync(year, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .AllowAnonymous()
            .WithName("GetCalendarYear")
            .WithSummary("One loaded year: its holidays and make-up working days (public)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        calendar.MapPost("/years/{year:int}", async Task<Results<Created<YearLoaded>, Ok<YearLoaded>, ProblemHttpResult>> (int year, LoadYearRequest request, CalendarYears years, CancellationToken ct) =>
            {
                var result = await years.LoadAsync(year, request, ct);
                if (!result.IsSuccess)
                {
                    return result.Error.ToProblem();
                }

                return result.Value.Replaced
                    ? TypedResults.Ok(result.Value)
                    : TypedResults.Created($"/api/v1/calendar/years/{year}", result.Value);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.TalentOffice))
            .WithName("LoadCalendarYear")
            .WithSummary("Load a year's official schedule (talent office); replacing a loaded year needs replace=true and a reason, and is audited")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
