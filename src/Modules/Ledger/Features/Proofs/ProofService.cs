using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Ledger.Features.Checkpoints;
using TalentPass.Modules.Ledger.Persistence;
using TalentPass.Modules.Ledger.Sequencing;
using TalentPass.SharedKernel;
using TalentPass.Tlog;

namespace TalentPass.Modules.Ledger.Features.Proofs;

/// <summary>An entry's inclusion proof to the latest published checkpoint.</summary>
internal sealed record InclusionProof(long Index, long TreeSize, string LeafHash, string Entry, IReadOnlyList<string> Proof, string Checkpoint)
{
    public int ProofBytes => Proof.Count * Hash.Size;
}

internal sealed record ConsistencyProof(long From, long To, IReadOnlyList<string> Proof, string Checkpoint);

/// <summary>Inclusion and consistency proofs over the stored tiles (<c>TalentPass.Tlog</c> proof math, Go-compatible).</summary>
internal sealed class ProofService(LedgerDbContext db, IDbConnectionFactory connections, LedgerSequencer sequencer, CheckpointPublisher publisher)
{
    public async Task<Result<(InclusionProof Proof, byte[] Entry, PublishedCheckpoint Checkpoint, Hash[] Hashes)>> InclusionAsync(long index, CancellationToken ct)
    {
        if (index < 0)
        {
            return LedgerErrors.IndexBeyondTree;
        }

        var size = await db.Tree.AsNoTracking().Select(t => t.Size).SingleAsync(ct);
        if (index >= size)
        {
            return LedgerErrors.IndexBeyondTree;
        }

        var checkpoint = await new CheckpointReader(db).LatestPublishedAsync(ct);
        if (checkpoint is null || index >= checkpoint.Size)
        {
            checkpoint = await publisher.PublishAsync(force: true, ct); // on demand
            if (checkpoint is null || index >= checkpoint.Size)
            {
                return LedgerErrors.NotYetCheckpointed;
            }
        }

        var entry = await db.Entries.AsNoTracking().Where(e => e.Index == index).Select(e => new { e.Entry, e.LeafHash }).SingleAsync(ct);
        var hashes = await ProveAsync((profile, reader) => MerkleTree.ProveRecordAsync(profile, checkpoint.Size, index, reader, ct), ct);
        var proof = new InclusionProof(index, checkpoint.Size, Convert.ToBase64String(entry.LeafHash), Convert.ToBase64String(entry.Entry),
            hashes.Select(h => h.ToBase64()).ToList(), checkpoint.Text);
        return (proof, entry.Entry, checkpoint, hashes);
    }

    public async Task<Result<ConsistencyProof>> ConsistencyAsync(long from, long to, CancellationToken ct)
    {
        var checkpoint = await new CheckpointReader(db).LatestPublishedAsync(ct);
        if (checkpoint is null)
        {
            return LedgerErrors.NoCheckpoint;
        }

        if (from < 1 || from > to || to > checkpoint.Size)
        {
            return LedgerErrors.TreeSizeInvalid;
        }

        var hashes = await ProveAsync((profile, reader) => MerkleTree.ProveTreeAsync(profile, to, from, reader, ct), ct);
        return new ConsistencyProof(from, to, hashes.Select(h => h.ToBase64()).ToList(), checkpoint.Text);
    }

    private async Task<Hash[]> ProveAsync(Func<HashProfile, IAsyncHashReader, ValueTask<Hash[]>> prove, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        var profile = sequencer.Hasher.Hashes;
        return await prove(profile, new TileHashReader(profile, connection));
    }
}
