using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TalentPass.Infrastructure.Http;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Policies.Features.Manage;

/// <summary>The policies API (<c>/api/v1/policies</c>): read for staff who oversee policy, write for the talent office.</summary>
internal static class PolicyEndpoints
{
    public static void Map(RouteGroupBuilder readers, RouteGroupBuilder writers)
    {
        readers.MapGet("/", async (string? kind, string? status, string? q, int? page, int? size, PolicyWorkflow workflow, CancellationToken ct) =>
                TypedResults.Ok(await workflow.ListAsync(kind, status, q, new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct)))
            .WithName("ListPolicies")
            .WithSummary("Policy versions with their approval state and effective status (filter by kind, status or effective status, search label and titles)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        readers.MapGet("/expiring", async (PolicyWorkflow workflow, CancellationToken ct) => TypedResults.Ok(await workflow.ExpiringAsync(ct)))
            .WithName("ListExpiringPolicies")
            .WithSummary("Versions in force (or scheduled) without an approved successor whose validity ends within 60 days")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        readers.MapGet("/{id:guid}", async Task<Results<Ok<PolicyView>, ProblemHttpResult>> (Guid id, PolicyWorkflow workflow, CancellationToken ct) =>
                Reply(await workflow.GetAsync(id, ct)))
            .WithName("GetPolicy")
            .WithSummary("One policy version with its approval trail (who, when, minutes digest), predecessor and successors")
            .ProducesProblem(StatusCodes.Status404NotFound);

        writers.MapPost("/", async Task<Results<Ok<PolicyView>, ProblemHttpResult>> (CreatePolicyRequest request, PolicyWorkflow workflow, CancellationToken ct) =>
                Reply(await workflow.CreateAsync(request, ct)))
            .WithName("DraftPolicy")
            .WithSummary("Drafts a new policy version (validity two years by default); to change an approved version, draft one that supersedes it")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        writers.MapPut("/{id:guid}", async Task<Results<Ok<PolicyView>, ProblemHttpResult>> (Guid id, UpdatePolicyRequest request, PolicyWorkflow workflow, CancellationToken ct) =>
                Reply(await workflow.UpdateAsync(id, request, ct)))
            .WithName("EditPolicyDraft")
            .WithSummary("Edits a draft; an approved version is immutable (policies.approved_immutable)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        writers.MapPost("/{id:guid}/propose", async Task<Results<Ok<PolicyView>, ProblemHttpResult>> (Guid id, PolicyStepRequest request, PolicyWorkflow workflow, CancellationToken ct) =>
                Reply(await workflow.ProposeAsync(id, request, ct)))
            .WithName("ProposePolicy")
            .WithSummary("Proposes a draft to the joint meeting")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        writers.MapPost("/{id:guid}/review", async Task<Results<Ok<PolicyView>, ProblemHttpResult>> (Guid id, PolicyStepRequest request, PolicyWorkflow workflow, CancellationToken ct) =>
                Reply(await workflow.ReviewAsync(id, request, ct)))
            .WithName("RecordPolicyReview")
            .WithSummary("Records the joint meeting's review of a proposed version (minutes text or digest required)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        writers.MapPost("/{id:guid}/approve", async Task<Results<Ok<PolicyView>, ProblemHttpResult>> (Guid id, PolicyStepRequest request, PolicyWorkflow workflow, CancellationToken ct) =>
                Reply(await workflow.ApproveAsync(id, request, ct)))
            .WithName("RecordPolicyApproval")
            .WithSummary("Records the leading group's approval (decision text or digest required; not by the proposer); recorded as policy_approval evidence")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Results<Ok<PolicyView>, ProblemHttpResult> Reply(Result<PolicyView> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
}
