using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Recognition.Contracts;
using TalentPass.Modules.Recognition.Domain;
using TalentPass.Modules.Recognition.Persistence;

namespace TalentPass.Modules.Recognition.Features.Shared;

/// <summary>Recognitions in force (approved, not revoked) for reports and governance, newest first.</summary>
internal sealed class RecognitionDirectory(RecognitionDbContext db) : IRecognitionDirectory
{
    public async Task<IReadOnlyList<RecognitionSummary>> ListForTalentAsync(Guid talentId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.TalentId == talentId && a.Status == RecognitionStatus.Approved)
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(a => a.DecidedAt)
            .Select(a => new RecognitionSummary(a.Id, a.TalentId, a.Path, a.DecidedLevel!, a.EffectiveOn!.Value, a.DecidedAt!.Value))
            .ToList();
    }
}
