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
        calendar.MapGet("/years", async Task<Ok<IReadOnlyList<YearSummary>>> (CalendarYears years, CancellationToken ct) =>
                TypedResults.Ok(await years.ListAsync(ct)))
            .AllowAnonymous()
            .WithName("ListCalendarYears")
            .WithSummary("The loaded years of the official holiday schedule (public; a few rows, not paged)");

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
