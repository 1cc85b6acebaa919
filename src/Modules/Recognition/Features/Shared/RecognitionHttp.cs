using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Recognition.Features.Shared;

/// <summary>Endpoint and persistence helpers shared by the Recognition features.</summary>
internal static class RecognitionHttp
{
    public static Results<Ok<T>, ProblemHttpResult> Reply<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();

    /// <summary>Maps <c>POST route</c> taking a JSON body and answering 200 with the result or a problem (400, 403, 404, 409).</summary>
    public static RouteHandlerBuilder MapCommand<TRequest, THandler, TResult>(
        this RouteGroupBuilder group, string route, string name, string summary, Func<THandler, Guid, TRequest, CancellationToken, Task<Result<TResult>>> action)
        where TRequest : class
        where THandler : notnull =>
        group.MapPost(route, async Task<Results<Ok<TResult>, ProblemHttpResult>> (Guid id, TRequest request, THandler handler, CancellationToken ct) =>
                Reply(await action(handler, id, request, ct)))
            .WithName(name)
            .WithSummary(summary)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Saves; false when an optimistic-concurrency check (<c>version</c>) failed.</summary>
    public static async Task<bool> TrySaveAsync(this DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
