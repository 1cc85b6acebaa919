using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.Modules.Talents.Domain;
using TalentPass.Modules.Talents.Features.Access;
using TalentPass.Modules.Talents.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Features.ChangeStatus;

internal sealed record ChangeStatusRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(12, ErrorMessage = "最多12个字符 / At most 12 characters.")]
    public string? Status { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(500, ErrorMessage = "最多500个字符 / At most 500 characters.")]
    public string? Reason { get; init; }

    public int? Version { get; init; }
}

internal sealed record StatusChanged(Guid Id, string Status, DateTimeOffset ChangedAt, int Version);

/// <summary>Suspend, reactivate or terminate a talent (talent office); termination is final.</summary>
internal sealed class ChangeStatusHandler(TalentsDbContext db, TalentAccess access, TalentChangeWriter writer)
{
    public async Task<Result<StatusChanged>> HandleAsync(Guid id, ChangeStatusRequest request, CancellationToken ct)
    {
        var loaded = await TalentDecision.LoadAsync(db, access, id, request, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var talent = loaded.Value;

        var changed = await writer.ChangeStatusAsync(talent, request.Status!, request.Reason!, access.User.AccountId, null, ct);
        return changed.IsSuccess ? new StatusChanged(talent.Id, talent.Status, changed.Value, talent.Version) : changed.Error;
    }

    public static void Map(RouteGroupBuilder talents)
    {
        talents.MapPost("/{id:guid}/status", async Task<Results<Ok<StatusChanged>, ProblemHttpResult>> (Guid id, ChangeStatusRequest request, ChangeStatusHandler handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(id, request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("ChangeTalentStatus")
            .WithSummary("Suspend, reactivate or terminate a talent (talent office)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
