using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Subsidies.Features.Batches;
using TalentPass.Modules.Subsidies.Features.Schedules;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Subsidies.Features;

internal sealed record CreateBatchRequest(string? Month);

internal sealed record ConfirmBatchRequest(string? BankReference);

/// <summary>The Subsidies API (<c>/api/v1/subsidies</c>).</summary>
internal static class SubsidiesEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/subsidies").WithTags("Subsidies");
        var readers = group.MapGroup(string.Empty).RequireAuthorization(p => p.RequireRole(BatchService.Readers));
        var office = group.MapGroup(string.Empty).RequireAuthorization(p => p.RequireRole(Roles.TalentOffice));

        readers.MapGet("/schedules", async Task<Results<Ok<Page<ScheduleView>>, ProblemHttpResult>> (
                string? status, Guid? talentId, string? matter, int? page, int? pageSize, ScheduleQueries queries, CancellationToken ct) =>
                Reply(await queries.ListAsync(status, talentId, matter, new PageRequest(page ?? 1, pageSize ?? PageRequest.DefaultSize), ct)))
            .WithName("ListSubsidySchedules")
            .WithSummary("Payment schedules, newest first, by status, talent and matter")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        readers.MapGet("/schedules/{id:guid}", async Task<Results<Ok<ScheduleDetail>, ProblemHttpResult>> (Guid id, ScheduleQueries queries, CancellationToken ct) =>
                Reply(await queries.GetAsync(id, ct)))
            .WithName("GetSubsidySchedule")
            .WithSummary("One schedule with its payments and its history (pauses, stops with reason and evidence)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        office.MapPost("/schedules/{id:guid}/stop", async Task<Results<Ok<ScheduleView>, ProblemHttpResult>> (Guid id, ScheduleDecisionRequest request, ScheduleQueries queries, CancellationToken ct) =>
                Reply(await queries.StopAsync(id, request.Reason, ct)))
            .WithName("StopSubsidySchedule")
            .WithSummary("Stop a schedule by decision of the talent office (reason required)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        office.MapPost("/schedules/{id:guid}/resume", async Task<Results<Ok<ScheduleView>, ProblemHttpResult>> (Guid id, ScheduleDecisionRequest request, ScheduleQueries queries, CancellationToken ct) =>
                Reply(await queries.ResumeAsync(id, request.Reason, ct)))
            .WithName("ResumeSubsidySchedule")
            .WithSummary("Resume a paused or stopped schedule of an active talent (reason required)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/me", async Task<Results<Ok<IReadOnlyList<ScheduleDetail>>, ProblemHttpResult>> (ScheduleQueries queries, CancellationToken ct) =>
                Reply(await queries.MineAsync(ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Talent))
            .WithName("ListMySubsidies")
            .WithSummary("My subsidy schedules: amount, payments paid, the next month, stops with their reason")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        readers.MapGet("/batches", async (int? page, int? pageSize, BatchService batches, CancellationToken ct) =>
                TypedResults.Ok(await batches.ListAsync(new PageRequest(page ?? 1, pageSize ?? PageRequest.DefaultSize), ct)))
            .WithName("ListSubsidyBatches")
            .WithSummary("Monthly payment batches, newest month first")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        office.MapPost("/batches", async Task<Results<Created<BatchView>, Ok<BatchView>, ProblemHttpResult>> (CreateBatchRequest request, BatchService batches, CancellationToken ct) =>
            {
                var result = await batches.CreateAsync(request.Month, ct);
                if (!result.IsSuccess)
                {
                    return result.Error.ToProblem();
                }

                return result.Value.Created
                    ? TypedResults.Created($"/api/v1/subsidies/batches/{result.Value.Batch.Id}", result.Value.Batch)
                    : TypedResults.Ok(result.Value.Batch);
            })
            .WithName("CreateSubsidyBatch")
            .WithSummary("Create the payment batch of a month (YYYY-MM): 201 when created, 200 with the existing batch when the month has one")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        readers.MapGet("/batches/{id:guid}", async Task<Results<Ok<BatchDetail>, ProblemHttpResult>> (Guid id, Guid? talentId, int? page, int? pageSize, BatchService batches, CancellationToken ct) =>
                Reply(await batches.GetAsync(id, new PageRequest(page ?? 1, pageSize ?? 100), ct, talentId)))
            .WithName("GetSubsidyBatch")
            .WithSummary("A batch with its payments (masked names) and the schedules held back with the reason; optionally of one talent")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        office.MapGet("/batches/{id:guid}/export.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, BatchService batches, HttpContext context, CancellationToken ct) =>
            {
                var result = await batches.ExportAsync(id, ct);
                if (!result.IsSuccess)
                {
                    return result.Error.ToProblem();
                }

                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.File(result.Value.Content, "text/csv; charset=utf-8", result.Value.FileName);
            })
            .WithName("ExportSubsidyBatch")
            .WithSummary("The batch's payment file for the paying bank (CSV, UTF-8 with BOM, TOTAL row; audited)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        office.MapPost("/batches/{id:guid}/confirm", async Task<Results<Ok<BatchView>, ProblemHttpResult>> (Guid id, ConfirmBatchRequest request, BatchService batches, CancellationToken ct) =>
                Reply(await batches.ConfirmAsync(id, request.BankReference, ct)))
            .WithName("ConfirmSubsidyBatch")
            .WithSummary("The bank paid the batch: its payments count as paid (idempotent)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Results<Ok<T>, ProblemHttpResult> Reply<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
}
