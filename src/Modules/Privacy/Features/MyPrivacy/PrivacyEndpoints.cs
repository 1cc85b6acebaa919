using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TalentPass.Infrastructure.Http;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Privacy.Features.MyPrivacy;

/// <summary>The HTTP API under <c>/api/v1/privacy</c> (the talent themself only).</summary>
internal static class PrivacyEndpoints
{
    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/me/access-log", async Task<Results<Ok<Page<AccessView>>, ProblemHttpResult>> (int? page, int? size, PrivacyHandler handler, CancellationToken ct) =>
                Reply(await handler.AccessLogAsync(new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct)))
            .WithName("ListMyDataAccesses")
            .WithSummary("Who accessed my data: audit events with me as subject, newest first (staff shown as organisation and role)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        me.MapGet("/me/scans", async Task<Results<Ok<ScansView>, ProblemHttpResult>> (int? max, PrivacyHandler handler, CancellationToken ct) =>
                Reply(await handler.ScansAsync(max ?? 100, ct)))
            .WithName("ListMyCodeScans")
            .WithSummary("Who scanned my talent code (organisation, time, outcome), newest first")
            .ProducesProblem(StatusCodes.Status404NotFound);

        me.MapGet("/me/consents", async Task<Results<Ok<IReadOnlyList<ConsentView>>, ProblemHttpResult>> (PrivacyHandler handler, CancellationToken ct) =>
                Reply(await handler.ConsentsAsync(ct)))
            .WithName("ListMyConsents")
            .WithSummary("My partner cards, each resting on a consent that can be withdrawn on /me/cards")
            .ProducesProblem(StatusCodes.Status404NotFound);

        me.MapGet("/me/export", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (PrivacyHandler handler, TimeProvider clock, CancellationToken ct) =>
            {
                var result = await handler.ExportAsync(ct);
                if (!result.IsSuccess)
                {
                    return result.Error.ToProblem();
                }

                var bytes = Encoding.UTF8.GetBytes(result.Value.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                return TypedResults.File(bytes, "application/json; charset=utf-8", $"talentpass-my-data-{BusinessTime.Today(clock):yyyyMMdd}.json");
            })
            .WithName("DownloadMyData")
            .WithSummary("Downloads everything TalentPass keeps about me as one JSON document (audited)")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Results<Ok<T>, ProblemHttpResult> Reply<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
}
