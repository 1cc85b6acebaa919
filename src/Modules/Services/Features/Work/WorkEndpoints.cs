using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Services.Features.Views;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Services.Features.Work;

internal sealed record StepDecisionRequest
{
    [StringLength(1000, ErrorMessage = "最多1000个字符 / At most 1000 characters.")]
    public string? Reason { get; init; }
}

internal sealed record TextRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(1000, ErrorMessage = "最多1000个字符 / At most 1000 characters.")]
    public string? Text { get; init; }
}

internal sealed record SupplementAnswerRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(1000, ErrorMessage = "最多1000个字符 / At most 1000 characters.")]
    public string? Text { get; init; }

    public Dictionary<string, string>? Materials { get; init; }
}

internal sealed record DeliveryRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(40, ErrorMessage = "最多40个字符 / At most 40 characters.")]
    public string? TrackingNumber { get; init; }
}

/// <summary>HTTP endpoints for the queue, step decisions, 补正, notes, delivery and reading applications.</summary>
internal static class WorkEndpoints
{
    private static readonly string[] Staff = [Roles.Department, Roles.TalentOffice];

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/queue", async Task<Results<Ok<Page<QueueRow>>, ProblemHttpResult>> (QueueReader reader, string? status, string? matter, bool? overdue, string? q, int? page, int? size, CancellationToken ct) =>
            {
                var result = await reader.ListAsync(new QueueQuery(status, matter, overdue == true, q, page ?? 1, size ?? PageRequest.DefaultSize), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(Staff))
            .WithName("GetServiceQueue")
            .WithSummary("The signed-in department's queue of open steps (or steps awaiting a second approval), by due date")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        MapStepAction(group, "approve", "ApproveServiceStep", "Approve a step (first or second level; a second approval must come from another person)",
            (actions, id, r, ct) => actions.ApproveAsync(id, r.Reason, ct));
        MapStepAction(group, "refuse", "RefuseServiceStep", "Refuse a step with a reason (the matter is refused)",
            (actions, id, r, ct) => actions.RefuseAsync(id, r.Reason, ct));
        MapStepAction(group, "supplement", "RequestServiceSupplement", "Request supplementary material (补正): the deadline clock pauses until the talent answers",
            (actions, id, r, ct) => actions.RequestSupplementAsync(id, r.Reason, ct));

        group.MapPost("/applications/{id:guid}/notes", async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> (Guid id, TextRequest request, StaffActions actions, CancellationToken ct) =>
                await Respond(RequestValidation.Validate(request), () => actions.AddNoteAsync(id, request.Text, ct)))
            .RequireAuthorization(p => p.RequireRole(Staff))
            .WithName("AddServiceNote")
            .WithSummary("Add a note to an application's history (staff)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/items/{id:guid}/delivery", async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> (Guid id, DeliveryRequest request, StaffActions actions, CancellationToken ct) =>
                await Respond(RequestValidation.Validate(request), () => actions.DeliverAsync(id, request.TrackingNumber, ct)))
            .RequireAuthorization(p => p.RequireRole(Staff))
            .WithName("RecordServiceDelivery")
            .WithSummary("Record the mail tracking number of an approved result (staff)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/items/{id:guid}/supplement-answer", async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> (Guid id, SupplementAnswerRequest request, StaffActions actions, CancellationToken ct) =>
                await Respond(RequestValidation.Validate(request), () => actions.AnswerSupplementAsync(id, request.Text, request.Materials, ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Talent))
            .WithName("AnswerServiceSupplement")
            .WithSummary("Answer a 补正 request (talent): the clock restarts and the due date moves by the paused working days")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/applications/{id:guid}", async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> (Guid id, ApplicationViews views, CancellationToken ct) =>
            {
                var result = await views.GetVisibleAsync(id, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization()
            .WithName("GetServiceApplication")
            .WithSummary("An application with its matters, steps, countdowns, decision explanations and full history")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/my-applications", async Task<Results<Ok<Page<ApplicationListItem>>, ProblemHttpResult>> (ApplicationViews views, int? page, int? size, CancellationToken ct) =>
            {
                var result = await views.ListMineAsync(new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Talent))
            .WithName("ListMyServiceApplications")
            .WithSummary("The signed-in talent's applications with status and countdown")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapStepAction(RouteGroupBuilder group, string verb, string name, string summary, Func<StaffActions, Guid, StepDecisionRequest, CancellationToken, Task<Result<ApplicationView>>> action)
    {
        group.MapPost($"/steps/{{id:guid}}/{verb}", async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> (Guid id, StepDecisionRequest request, StaffActions actions, CancellationToken ct) =>
                await Respond(RequestValidation.Validate(request), () => action(actions, id, request, ct)))
            .RequireAuthorization(p => p.RequireRole(Staff))
            .WithName(name)
            .WithSummary(summary)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Respond(Error? invalid, Func<Task<Result<ApplicationView>>> run)
    {
        if (invalid is not null)
        {
            return invalid.ToProblem();
        }

        var result = await run();
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
