using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Talents.Features.Access;
using TalentPass.Modules.Talents.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Features.GetTalent;

/// <summary>
/// One talent for a registry reader, scoped by role and organisation (an enterprise contact asking for a talent
/// of another employer gets <c>talents.not_found</c>). <c>unmask</c> is allowed to the talent office and the
/// big-data bureau only and is audited.
/// </summary>
internal sealed class GetTalentHandler(TalentsDbContext db, TalentAccess access, TalentViewBuilder views, IAuditTrail audit)
{
    public static readonly Error UnmaskForbidden =
        Error.Forbidden("talents.unmask_forbidden", "您无权查看完整个人信息 / You may not see unmasked personal data.");

    public async Task<Result<TalentView>> HandleAsync(Guid id, bool unmask, CancellationToken ct)
    {
        if (!access.CanReadRegistry)
        {
            return Error.Forbidden("auth.forbidden", "Not allowed.");
        }

        var talent = await access.Scope(db.Talents.AsNoTracking()).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (talent is null)
        {
            return TalentsErrors.NotFound;
        }

        if (unmask && !access.CanUnmask)
        {
            await audit.RecordAsync(new AuditRecord(TalentViewBuilder.PersonalDataRead, "talent", id.ToString(), "refused: role may not unmask", Succeeded: false), ct);
            return UnmaskForbidden;
        }

        return await views.BuildAsync(talent, unmask, ct);
    }

    public static void Map(RouteGroupBuilder talents)
    {
        talents.MapGet("/{id:guid}", async Task<Results<Ok<TalentView>, ProblemHttpResult>> (Guid id, bool? unmask, GetTalentHandler handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(id, unmask == true, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("GetTalent")
            .WithSummary("One talent (masked; ?unmask=true for talent office / big-data bureau, audited)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
