namespace TalentPass.Tlog;

/// <summary>
/// What an offline verifier trusts: the log's origin, hash profile and key(s), the witnesses' cosigner keys and how
/// many of them must have cosigned (k of n).
/// </summary>
/// <param name="Origin">Expected checkpoint origin line.</param>
/// <param name="Profile">The log's hash profile.</param>
/// <param name="LogKeys">The log's verifier keys; a checkpoint must verify with at least one (Ed25519). Any SM2 key listed must also verify.</param>
/// <param name="Witnesses">Trusted witness cosigner keys (type 0x04).</param>
/// <param name="RequiredWitnesses">How many distinct trusted witnesses must have cosigned (0 = none needed).</param>
public sealed record LogPolicy(
    string Origin,
    HashProfile Profile,
    IReadOnlyList<NoteVerifier> LogKeys,
    IReadOnlyList<NoteVerifier> Witnesses,
    int RequiredWitnesses)
{
    /// <summary>Builds a policy from verifier key texts.</summary>
    public static LogPolicy Create(string origin, HashProfile profile, IEnumerable<string> logKeys, IEnumerable<string>? witnessKeys = null, int requiredWitnesses = 0) =>
        new(origin, profile, [.. logKeys.Select(NoteVerifier.Parse)], [.. (witnessKeys ?? []).Select(NoteVerifier.Parse)], requiredWitnesses);

    /// <summary>
    /// Verifies a signed checkpoint against this policy: origin, log signature(s), k-of-n witness cosignatures.
    /// </summary>
    public CheckpointVerification VerifyCheckpoint(SignedNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (!Checkpoint.TryParse(note.Text, out var checkpoint, out var error))
        {
            return CheckpointVerification.Fail(ProofFailure.MalformedCheckpoint, "the checkpoint is malformed: " + error);
        }
        if (checkpoint.Origin != Origin)
        {
            return CheckpointVerification.Fail(ProofFailure.WrongLog, $"the checkpoint is from log '{checkpoint.Origin}', not '{Origin}'");
        }
        var logResult = note.Open(LogKeys);
        if (!logResult.IsValid)
        {
            return CheckpointVerification.Fail(ProofFailure.BadLogSignature, "the log's signature on the checkpoint is missing or invalid (" + logResult.Error + ")");
        }
        var missing = LogKeys.Where(k => k is Sm2NoteVerifier && !logResult.Verified.Any(v => v.Verifier.KeyId == k.KeyId && v.Verifier.Name == k.Name)).ToList();
        if (missing.Count > 0)
        {
            return CheckpointVerification.Fail(ProofFailure.BadLogSignature, "the checkpoint lacks the log's SM2 signature");
        }
        var cosigners = new List<WitnessCosignature>();
        var text = note.TextBytes;
        foreach (var signature in note.Signatures)
        {
            var witness = Witnesses.FirstOrDefault(w => w.Name == signature.Name && w.KeyId == signature.KeyId);
            if (witness is null)
            {
                continue;
            }
            if (!witness.Verify(text, signature.Signature))
            {
                return CheckpointVerification.Fail(ProofFailure.BadWitnessSignature, $"the cosignature of witness {witness.Name} is invalid");
            }
            if (!cosigners.Any(c => c.Name == witness.Name))
            {
                cosigners.Add(new WitnessCosignature(witness.Name, CosignatureVerifier.Timestamp(signature)));
            }
        }
        if (cosigners.Count < RequiredWitnesses)
        {
            return CheckpointVerification.Fail(ProofFailure.NotEnoughWitnesses,
                $"the checkpoint is cosigned by {cosigners.Count} trusted witness(es), {RequiredWitnesses} required");
        }
        return new CheckpointVerification(true, ProofFailure.None, "", checkpoint, cosigners);
    }
}

/// <summary>Why a proof or checkpoint was refused.</summary>
public enum ProofFailure
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>The bundle text is not a tlog-proof.</summary>
    MalformedBundle,

    /// <summary>The checkpoint body is malformed.</summary>
    MalformedCheckpoint,

    /// <summary>The checkpoint is from another log.</summary>
    WrongLog,

    /// <summary>The log's signature is missing or invalid.</summary>
    BadLogSignature,

    /// <summary>A trusted witness's cosignature is invalid.</summary>
    BadWitnessSignature,

    /// <summary>Fewer trusted witnesses cosigned than required.</summary>
    NotEnoughWitnesses,

    /// <summary>The bundle carries no entry and none was given.</summary>
    MissingEntry,

    /// <summary>The inclusion proof does not lead to the checkpoint's root.</summary>
    NotIncluded,

    /// <summary>The entry is not a TalentPass evidence entry (for the document check).</summary>
    MalformedEntry,

    /// <summary>The document's digest differs from the digest recorded in the entry.</summary>
    DocumentMismatch,
}

/// <summary>A trusted witness that cosigned, and when.</summary>
public sealed record WitnessCosignature(string Name, DateTimeOffset? Time);

/// <summary>Outcome of <see cref="LogPolicy.VerifyCheckpoint"/>.</summary>
public sealed record CheckpointVerification(bool IsValid, ProofFailure Failure, string Reason, Checkpoint? Checkpoint, IReadOnlyList<WitnessCosignature> Witnesses)
{
    internal static CheckpointVerification Fail(ProofFailure failure, string reason) => new(false, failure, reason, null, []);
}
