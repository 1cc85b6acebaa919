using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Consultations.Features.Faq;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Consultations.Features.Questions;

/// <summary>HTTP endpoints under <c>/api/v1/consultations</c>.</summary>
internal static class ConsultationEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/", async Task<Results<Created<ConsultationView>, ProblemHttpResult>> (AskRequest request, ConsultationService service, CancellationToken ct) =>
            {
                var result = await service.AskAsync(request, ct);
                return result.IsSuccess ? TypedResults.Created($"/api/v1/consultations/{result.Value.Id}", result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Talent))
            .WithName("AskConsultation")
            .WithSummary("Ask about a right (routed to its provider) or a named matter (routed to the talent office); the answer is due in working days")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/mine", async Task<Results<Ok<Page<ConsultationView>>, ProblemHttpResult>> (ConsultationService service, int? page, int? size, CancellationToken ct) =>
            {
                var result = await service.ListMineAsync(new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Talent))
            .WithName("ListMyConsultations")
            .WithSummary("The signed-in talent's questions with status, countdown and answers")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/", async Task<Results<Ok<Page<ConsultationView>>, ProblemHttpResult>> (ConsultationService service, string? status, bool? overdue, string? q, int? page, int? size, CancellationToken ct) =>
            {
                var result = await service.ListForStaffAsync(new ConsultationQuery(status, overdue == true, q, page ?? 1, size ?? PageRequest.DefaultSize), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(ConsultationService.StaffRoles))
            .WithName("ListConsultations")
            .WithSummary("Questions routed to the signed-in staff's organisation (talent office: all), open ones by due date; filters status, overdue, q")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id:guid}", async Task<Results<Ok<ConsultationView>, ProblemHttpResult>> (Guid id, ConsultationService service, CancellationToken ct) =>
            {
                var result = await service.GetAsync(id, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization()
            .WithName("GetConsultation")
            .WithSummary("A question as its asker or the recipient organisation sees it")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/answer", async Task<Results<Ok<ConsultationView>, ProblemHttpResult>> (Guid id, AnswerRequest request, ConsultationService service, CancellationToken ct) =>
            {
                var result = await service.AnswerAsync(id, request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(ConsultationService.StaffRoles))
            .WithName("AnswerConsultation")
            .WithSummary("Answer a question routed to the staff's organisation; the talent is notified")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/faq", async Task<Results<Ok<ConsultationView>, ProblemHttpResult>> (Guid id, PublishFaqRequest request, ConsultationService service, CancellationToken ct) =>
            {
                var result = await service.PublishFaqAsync(id, request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(ConsultationService.StaffRoles))
            .WithName("PublishConsultationFaq")
            .WithSummary("Publish an answered question as an anonymised FAQ entry (texts default to the anonymised question and answer; ID and phone numbers refused)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete("/{id:guid}/faq", async Task<Results<Ok<ConsultationView>, ProblemHttpResult>> (Guid id, ConsultationService service, CancellationToken ct) =>
            {
                var result = await service.UnpublishFaqAsync(id, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(ConsultationService.StaffRoles))
            .WithName("UnpublishConsultationFaq")
            .WithSummary("Withdraw an FAQ entry")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/faq", async (FaqReader reader, string? q, Guid? rightId, int? page, int? size, CancellationToken ct) =>
                TypedResults.Ok(await reader.SearchAsync(q, rightId, new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct)))
            .AllowAnonymous()
            .WithName("SearchConsultationFaq")
            .WithSummary("Published, anonymised FAQ entries; search words in topic, question and answer; filter by right")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
