using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Talents.Domain;
using TalentPass.Modules.Talents.Features.Access;
using TalentPass.Modules.Talents.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Features.ReviewChangeRequests;

/// <summary>A change request as listed; the proposed value of a personal field is masked unless shown to its own talent.</summary>
internal sealed record ChangeRequestView(
    Guid Id,
    Guid TalentId,
    string TalentName,
    string Field,
    string? ProposedValue,
    string Status,
    DateTimeOffset RequestedAt,
    Guid? ReviewerId,
    string? ReviewReason,
    DateTimeOffset? ReviewedAt)
{
    public static ChangeRequestView From(ChangeRequest c, string talentName, bool unmask, IFieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(protector);
        var value = c.ProposedValue;
        if (value is not null && ProfileFields.IsPersonal(c.Field))
        {
            var plain = protector.Unprotect(value);
            value = unmask ? plain : c.Field == ProfileFields.Phone ? Masking.Phone(plain) : Masking.Address(plain);
        }

        return new ChangeRequestView(c.Id, c.TalentId, talentName, c.Field, value, c.Status, c.RequestedAt, c.ReviewerId, c.ReviewReason, c.ReviewedAt);
    }
}

internal sealed record ReviewRequest
{
    [StringLength(500, ErrorMessage = "最多500个字符 / At most 500 characters.")]
    public string? Reason { get; init; }
}

internal sealed record RejectRequest
{
    [StringLength(500, ErrorMessage = "最多500个字符 / At most 500 characters.")]
    public string? Reason { get; init; }
}

/// <summary>
/// The talent office's queue of change requests. Approval applies the value and marks the field verified by the
/// reviewer (source <c>change_request</c>); rejection needs a reason. A decided request cannot be decided again.
/// </summary>
internal sealed class ReviewChangeRequestsHandler(TalentsDbContext db, TalentAccess access, IFieldProtector protector, TimeProvider clock)
{
    public async Task<Result<Page<ChangeRequestView>>> ListAsync(string? status, int page, int size, CancellationToken ct)
    {
        if (!access.IsTalentOffice)
        {
            return Error.Forbidden("auth.forbidden", "Not allowed.");
        }

        var normalised = string.IsNullOrWhiteSpace(status) ? ChangeRequestStatus.Pending : ChangeRequestStatus.Normalise(status);
        if (normalised is null)
        {
            return Error.Validation("request.invalid", "status: pending, approved, rejected",
                new Dictionary<string, string[]> { ["status"] = ["pending, approved, rejected"] });
        }

        var paging = new PageRequest(page, size);
        var query = db.ChangeRequests.AsNoTracking().Where(c => c.Status == normalised);
        var rows = await query
            .OrderBy(c => c.Id)
            .Skip(paging.Skip).Take(paging.SafeSize)
            .Join(db.Talents, c => c.TalentId, t => t.Id, (c, t) => new { Request = c, t.Name })
            .ToListAsync(ct);
        var counted = await query.Select(c => c.Id).Take((int)Page<ChangeRequestView>.TotalCap + 1).CountAsync(ct);
        var capped = counted > Page<ChangeRequestView>.TotalCap;
        return new Page<ChangeRequestView>(
            rows.Select(r => ChangeRequestView.From(r.Request, r.Name, unmask: false, protector)).ToList(),
            paging.SafePage,
            paging.SafeSize,
            capped ? Page<ChangeRequestView>.TotalCap : counted,
            capped);
    }

    public async Task<Result<ChangeRequestView>> ApproveAsync(Guid id, string? reason, CancellationToken ct) =>
        await DecideAsync(id, approve: true, reason, ct);

    public async Task<Result<ChangeRequestView>> RejectAsync(Guid id, string? reason, CancellationToken ct) =>
        await DecideAsync(id, approve: false, reason, ct);

    private async Task<Result<ChangeRequestView>> DecideAsync(Guid id, bool approve, string? reason, CancellationToken ct)
    {
        if (!access.IsTalentOffice)
        {
            return Error.Forbidden("auth.forbidden", "Not allowed.");
        }

        if (reason?.Length > 500)
        {
            return Error.Validation("request.invalid", "reason: 最多500个字符 / At most 500 characters.",
                new Dictionary<string, string[]> { ["reason"] = ["最多500个字符 / At most 500 characters."] });
        }

        var request = await db.ChangeRequests.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (request is null)
        {
            return TalentsErrors.ChangeRequestNotFound;
        }

        var talent = await db.Talents.FirstAsync(t => t.Id == request.TalentId, ct);
        var now = clock.GetUtcNow();
        var reviewer = access.User.AccountId;
        var decided = approve ? request.Approve(reviewer, reason, now) : request.Reject(reviewer, reason, now);
        if (!decided.IsSuccess)
        {
            return decided.Error;
        }

        if (approve)
        {
            var value = request.ProposedValue is not null && ProfileFields.IsPersonal(request.Field)
                ? protector.Unprotect(request.ProposedValue)
                : request.ProposedValue;
            talent.SetValue(request.Field, value, protector, now);
            var provenance = await db.Provenance.FirstOrDefaultAsync(p => p.TalentId == talent.Id && p.Field == request.Field, ct);
            if (provenance is null)
            {
                db.Provenance.Add(FieldProvenance.Verified(talent.Id, request.Field, reviewer, DataSources.ChangeRequest, now));
            }
            else
            {
                provenance.MarkVerified(reviewer, DataSources.ChangeRequest, now);
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TalentsErrors.VersionConflict;
        }

        return ChangeRequestView.From(request, talent.Name, unmask: false, protector);
    }

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", async Task<Results<Ok<Page<ChangeRequestView>>, ProblemHttpResult>> (string? status, int? page, int? size, ReviewChangeRequestsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ListAsync(status, page ?? 1, size ?? PageRequest.DefaultSize, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("ListChangeRequests")
            .WithSummary("Change requests by status, oldest first (talent office)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/{id:guid}/approve", async Task<Results<Ok<ChangeRequestView>, ProblemHttpResult>> (Guid id, ReviewRequest? request, ReviewChangeRequestsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ApproveAsync(id, request?.Reason, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("ApproveChangeRequest")
            .WithSummary("Approve a change request: the value is applied and becomes verified (talent office)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/reject", async Task<Results<Ok<ChangeRequestView>, ProblemHttpResult>> (Guid id, RejectRequest request, ReviewChangeRequestsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.RejectAsync(id, request.Reason, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("RejectChangeRequest")
            .WithSummary("Reject a change request with a reason (talent office)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
