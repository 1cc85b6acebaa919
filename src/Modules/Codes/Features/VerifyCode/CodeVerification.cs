using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalentPass.Modules.Codes.Contracts;
using TalentPass.Modules.Codes.Features.Keys;
using TalentPass.Modules.Codes.Persistence;
using TalentPass.Verifier;

namespace TalentPass.Modules.Codes.Features.VerifyCode;

/// <summary>
/// <see cref="ICodeVerification"/> for other modules (redemption at a service point): the same checks and scan log
/// as <c>POST /api/v1/codes/verify</c> through <see cref="VerifyCodeHandler"/>, then the talent behind the code from
/// the subjects table by the code's status-list entry (a subject's entry never changes, so the mapping is cached for
/// the life of the process). <see cref="CodeCheck.TalentId"/> is set whenever the signature verified — also for an
/// expired code, so that an offline redemption synchronised later can still name its talent; callers decide which
/// outcomes they accept.
/// </summary>
internal sealed class CodeVerification(VerifyCodeHandler handler, KeyRing keys, CodesDbContext db, IOptions<CodesOptions> options, TimeProvider clock) : ICodeVerification
{
    private static readonly ConcurrentDictionary<(int List, int Index), Guid> Subjects = new();

    public async Task<CodeCheck> VerifyAsync(string code, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        var answer = await handler.VerifyAsync(code, user, cancellationToken);
        Guid? talentId = null;
        if (answer.Level is not null)
        {
            // The signature verified (claims are only returned then): read the claims again for the status-list entry.
            var result = TalentCode.Verify(code, keys, clock.GetUtcNow(), options.Value.Period);
            if (result.Claims is { } claims)
            {
                talentId = await FindTalentAsync((int)claims.StatusListId, (int)claims.StatusListIndex, cancellationToken);
            }
        }

        return new CodeCheck(answer.Outcome, answer.Reason, talentId, answer.Level, answer.Category, answer.MaskedName, answer.Mode, answer.ScanId, answer.ScannedAt);
    }

    private async Task<Guid?> FindTalentAsync(int list, int index, CancellationToken ct)
    {
        if (Subjects.TryGetValue((list, index), out var cached))
        {
            return cached;
        }

        var talentId = await db.Subjects.AsNoTracking()
            .Where(s => s.StatusListId == list && s.StatusListIndex == index)
            .Select(s => (Guid?)s.TalentId)
            .FirstOrDefaultAsync(ct);
        if (talentId is { } id)
        {
            Subjects[(list, index)] = id;
        }

        return talentId;
    }
}
