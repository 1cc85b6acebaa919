using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Talents.Domain;
using TalentPass.Modules.Talents.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Features.Access;

/// <summary>
/// What every talent-office decision on one talent (level, status) checks first, in this order: the caller is the
/// talent office, the request is well formed, the talent exists, and it is still the version the decision was
/// based on. Returns the tracked talent ready to change.
/// </summary>
internal static class TalentDecision
{
    public static async Task<Result<Talent>> LoadAsync<TRequest>(
        TalentsDbContext db, TalentAccess access, Guid id, TRequest request, int? basedOnVersion, CancellationToken ct)
        where TRequest : class
    {
        if (!access.IsTalentOffice)
        {
            return Error.Forbidden("auth.forbidden", "Not allowed.");
        }

        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var talent = await db.Talents.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (talent is null)
        {
            return TalentsErrors.NotFound;
        }

        return basedOnVersion is { } version && version != talent.Version ? TalentsErrors.VersionConflict : talent;
    }
}
