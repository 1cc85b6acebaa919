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

namespace TalentPass.Modules.Talents.Features.ChangeLevel;

internal sealed record ChangeLevelRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(10, ErrorMessage = "最多10个字符 / At most 10 characters.")]
    public string? Level { get; init; }

    [StringLength(20, ErrorMessage = "最多20个字符 / At most 20 characters.")]
    public string? Category { get; init; }

    /// <summary>Defaults to today (Asia/Shanghai).</summary>
    public DateOnly? EffectiveOn { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(500, ErrorMessage = "最多500个字符 / At most 500 characters.")]
    public string? Reason { get; init; }

    /// <summary>The version the decision was based on; a newer record → 409 <c>talents.version_conflict</c>.</summary>
    public int? Version { get; init; }
}

internal sealed record LevelChanged(Guid Id, string Level, string Category, DateOnly EffectiveOn, int Version);

/// <summary>Level/category decisions by the talent office only; writes <c>talents_level_history</c> and raises <see cref="TalentLevelChanged"/>.</summary>
internal sealed class ChangeLevelHandler(TalentsDbContext db, TalentAccess access, TalentChangeWriter writer, TimeProvider clock)
{
    public async Task<Result<LevelChanged>> HandleAsync(Guid id, ChangeLevelRequest request, CancellationToken ct)
    {
        var loaded = await TalentDecision.LoadAsync(db, access, id, request, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var talent = loaded.Value;

        var level = TalentLevel.Normalise(request.Level);
        if (level is null)
        {
            return TalentsErrors.LevelUnknown;
        }

        string? category = null;
        if (!string.IsNullOrWhiteSpace(request.Category) && (category = TalentCategory.Normalise(request.Category)) is null)
        {
            return TalentsErrors.CategoryUnknown;
        }

        var entry = await writer.ChangeLevelAsync(talent, level, category, request.EffectiveOn ?? BusinessTime.Today(clock), request.Reason!, access.User.AccountId, null, ct);
        if (!entry.IsSuccess)
        {
            return entry.Error;
        }

        var e = entry.Value;
        return new LevelChanged(talent.Id, talent.Level, talent.Category, e.EffectiveOn, talent.Version);
    }

    public static void Map(RouteGroupBuilder talents)
    {
        talents.MapPost("/{id:guid}/level", async Task<Results<Ok<LevelChanged>, ProblemHttpResult>> (Guid id, ChangeLevelRequest request, ChangeLevelHandler handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(id, request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("ChangeTalentLevel")
            .WithSummary("Change a talent's level and/or category (talent office)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
