using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Ledger.Persistence;

namespace TalentPass.Modules.Ledger.Features.Checkpoints;

/// <summary>A published checkpoint: its size, root and the full note text (log signatures and witness cosignatures).</summary>
internal sealed record PublishedCheckpoint(long Size, byte[] RootHash, string Text, int Cosignatures, DateTimeOffset PublishedAt);

internal sealed class CheckpointReader(LedgerDbContext db)
{
    public async Task<PublishedCheckpoint?> LatestPublishedAsync(CancellationToken ct)
    {
        var row = await db.Checkpoints.AsNoTracking()
            .Where(c => c.PublishedAt != null)
            .OrderByDescending(c => c.Size)
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new PublishedCheckpoint(row.Size, row.RootHash, row.CosignedNote ?? row.Note, row.Cosignatures, row.PublishedAt!.Value);
    }
}

internal sealed class LedgerCheckpoints(CheckpointPublisher publisher) : Contracts.ILedgerCheckpoints
{
    public async Task<string?> PublishAsync(CancellationToken cancellationToken = default) =>
        (await publisher.PublishAsync(force: true, cancellationToken))?.Text;
}
