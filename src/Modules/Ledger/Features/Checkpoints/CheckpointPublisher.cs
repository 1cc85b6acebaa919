using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Ledger.Persistence;
using TalentPass.Modules.Ledger.Sequencing;
using TalentPass.Tlog;

namespace TalentPass.Modules.Ledger.Features.Checkpoints;

/// <summary>
/// Publishes checkpoints: signs the current tree (only after checking its root against the stored tiles and its
/// consistency with the previous checkpoint, so two inconsistent checkpoints can never be signed), stores it
/// (one row per size, never rewritten), submits it to the witnesses and publishes it once the k-of-n policy
/// is met. Runs regularly from the sequencer loop and on demand.
/// </summary>
internal sealed partial class CheckpointPublisher(
    LedgerDbContext db,
    IDbConnectionFactory connections,
    LedgerKeyRing keys,
    LedgerSequencer sequencer,
    IHttpClientFactory httpClients,
    IOptions<LedgerOptions> options,
    TimeProvider clock,
    ILogger<CheckpointPublisher> logger)
{
    public const string WitnessHttpClient = "ledger-witness";
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Publishes a checkpoint of the current tree when due (or <paramref name="force"/>). Returns the latest published one.</summary>
    public async Task<PublishedCheckpoint?> PublishAsync(bool force, CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            var tree = await db.Tree.AsNoTracking().SingleAsync(ct);
            var latest = await db.Checkpoints.OrderByDescending(c => c.Size).FirstOrDefaultAsync(ct);
            if (latest is not null && latest.Size > tree.Size)
            {
                throw new InvalidOperationException($"The tree (size {tree.Size}) is behind the latest checkpoint (size {latest.Size}): refusing to sign.");
            }

            var now = clock.GetUtcNow();
            var due = force || latest is null || now - latest.CreatedAt >= options.Value.CheckpointInterval;
            var signed = false;
            if (tree.Size > 0 && (latest is null || latest.Size < tree.Size) && due)
            {
                var created = await SignAsync(tree, latest, now, ct);
                signed = created is not null;
                latest = created ?? latest;
            }

            if (latest is not null && latest.PublishedAt is null)
            {
                // A witness that refused or was unreachable is retried once per CheckpointInterval, not on every tick.
                await WitnessAsync(latest, retryAll: force || signed, now, ct);
            }

            return await new CheckpointReader(db).LatestPublishedAsync(ct);
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<CheckpointRow?> SignAsync(TreeRow tree, CheckpointRow? previous, DateTimeOffset now, CancellationToken ct)
    {
        var profile = sequencer.Hasher.Hashes;
        var root = new Hash(tree.RootHash);
        await using (var connection = await connections.OpenAsync(ct))
        {
            var reader = new TileHashReader(profile, connection);
            var fromTiles = await MerkleTree.TreeHashAsync(profile, tree.Size, reader, ct);
            if (fromTiles != root)
            {
                throw new InvalidOperationException($"The stored tiles do not give the tree root at size {tree.Size}: refusing to sign.");
            }

            if (previous is not null)
            {
                var proof = await MerkleTree.ProveTreeAsync(profile, tree.Size, previous.Size, reader, ct);
                if (!MerkleTree.CheckTree(profile, proof, tree.Size, root, previous.Size, new Hash(previous.RootHash)))
                {
                    throw new InvalidOperationException($"Size {tree.Size} is not consistent with checkpoint {previous.Size}: refusing to sign.");
                }
            }
        }

        var signers = await keys.SignersAsync(ct);
        var note = new Checkpoint(options.Value.Origin, tree.Size, root).Sign(signers).ToString();
        var row = new CheckpointRow { Size = tree.Size, RootHash = tree.RootHash, Note = note, Cosignatures = 0, CreatedAt = now };
        db.Checkpoints.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return null; // another node signed this size first
        }

        LogSigned(logger, tree.Size);
        return row;
    }

    private async Task WitnessAsync(CheckpointRow checkpoint, bool retryAll, DateTimeOffset now, CancellationToken ct)
    {
        var configured = options.Value.Witnesses;
        if (configured.Count > 0)
        {
            var states = await db.WitnessStates.ToDictionaryAsync(w => w.Name, StringComparer.Ordinal, ct);
            foreach (var witness in configured)
            {
                if (await db.Cosignatures.AnyAsync(c => c.CheckpointSize == checkpoint.Size && c.Witness == witness.Name, ct))
                {
                    continue;
                }

                if (!states.TryGetValue(witness.Name, out var state))
                {
                    state = new WitnessStateRow { Name = witness.Name, CosignedSize = 0, LastStatus = "new" };
                    db.WitnessStates.Add(state);
                    states[witness.Name] = state;
                }
                else if (!retryAll && now - state.UpdatedAt < options.Value.CheckpointInterval)
                {
                    continue;
                }

                await SubmitAsync(witness, state, checkpoint, ct);
            }

            await db.SaveChangesAsync(ct);
        }

        var cosignatures = await db.Cosignatures.Where(c => c.CheckpointSize == checkpoint.Size).OrderBy(c => c.Witness).ToListAsync(ct);
        if (cosignatures.Count < options.Value.WitnessQuorum)
        {
            return;
        }

        var note = SignedNote.TryParse(checkpoint.Note, out var parsed, out var error) ? parsed : throw new InvalidOperationException(error);
        var lines = cosignatures.Select(c => NoteSignature.TryParse(c.SignatureLine, out var s) ? s : null).OfType<NoteSignature>();
        checkpoint.CosignedNote = note.WithSignatures(lines).ToString();
        checkpoint.Cosignatures = cosignatures.Count;
        checkpoint.PublishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        LogPublished(logger, checkpoint.Size, cosignatures.Count);
    }

    private async Task SubmitAsync(WitnessOptions witness, WitnessStateRow state, CheckpointRow checkpoint, CancellationToken ct)
    {
        var client = new WitnessClient(httpClients.CreateClient(WitnessHttpClient), witness.Url!, NoteVerifier.Parse(witness.VerifierKey));
        var note = SignedNote.TryParse(checkpoint.Note, out var parsed, out var error) ? parsed : throw new InvalidOperationException(error);
        var result = await client.SubmitAsync(note, state.CosignedSize, async (from, to, token) => await ConsistencyAsync(from, to, token), ct);
        if (result.IsCosigned)
        {
            foreach (var cosignature in result.Cosignatures)
            {
                db.Cosignatures.Add(new CosignatureRow { CheckpointSize = checkpoint.Size, Witness = witness.Name, SignatureLine = cosignature.Line.TrimEnd('\n'), ReceivedAt = clock.GetUtcNow() });
            }

            Record(state, checkpoint.Size, "cosigned", null);
            return;
        }

        Record(state, result.LatestSize is { } size && size <= checkpoint.Size ? size : state.CosignedSize, result.Outcome.ToString().ToLowerInvariant(), result.Message);
        LogWitnessFailed(logger, witness.Name, result.Outcome.ToString(), result.Message);
    }

    private async Task<IReadOnlyList<Hash>> ConsistencyAsync(long from, long to, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await MerkleTree.ProveTreeAsync(sequencer.Hasher.Hashes, to, from, new TileHashReader(sequencer.Hasher.Hashes, connection), ct);
    }

    private void Record(WitnessStateRow state, long size, string status, string? error)
    {
        state.CosignedSize = size;
        state.LastStatus = status;
        state.LastError = error is null ? null : error.Length > 500 ? error[..500] : error;
        state.UpdatedAt = clock.GetUtcNow();
    }

    [LoggerMessage(EventId = 4020, Level = LogLevel.Information, Message = "Signed ledger checkpoint at size {Size}")]
    private static partial void LogSigned(ILogger logger, long size);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Information, Message = "Published ledger checkpoint at size {Size} with {Cosignatures} witness cosignature(s)")]
    private static partial void LogPublished(ILogger logger, long size, int cosignatures);

    [LoggerMessage(EventId = 4022, Level = LogLevel.Warning, Message = "Witness {Witness} did not cosign ({Outcome}): {Reason}")]
    private static partial void LogWitnessFailed(ILogger logger, string witness, string outcome, string reason);
}
