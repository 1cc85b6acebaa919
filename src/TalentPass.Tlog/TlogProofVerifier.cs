namespace TalentPass.Tlog;

/// <summary>
/// Offline verification of a <see cref="TlogProof"/> bundle: checkpoint signed by the log (and SM2 if the policy lists
/// it), cosigned by enough trusted witnesses, the entry included at the index under the checkpoint's root, and
/// optionally a document whose digest must equal the one recorded in the entry.
/// </summary>
public static class TlogProofVerifier
{
    /// <summary>Parses and verifies bundle text.</summary>
    public static ProofVerification Verify(string bundle, LogPolicy policy, Stream? document = null, byte[]? entry = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return TlogProof.TryParse(bundle, out var proof, out var error)
            ? Verify(proof, policy, document, entry)
            : ProofVerification.Fail(ProofFailure.MalformedBundle, "the bundle is not a valid c2sp.org/tlog-proof@v1 file: " + error);
    }

    /// <summary>
    /// Verifies a parsed bundle. The leaf is <paramref name="entry"/> if given, else the bundle's <c>extra</c> data.
    /// </summary>
    public static ProofVerification Verify(TlogProof proof, LogPolicy policy, Stream? document = null, byte[]? entry = null)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(policy);
        var checkpointResult = policy.VerifyCheckpoint(proof.Checkpoint);
        if (!checkpointResult.IsValid)
        {
            return ProofVerification.Fail(checkpointResult.Failure, checkpointResult.Reason);
        }
        var checkpoint = checkpointResult.Checkpoint!;
        var leaf = entry ?? proof.Extra;
        if (leaf is null)
        {
            return ProofVerification.Fail(ProofFailure.MissingEntry, "the bundle does not carry the entry (no extra line) and none was given");
        }
        if (proof.Index >= checkpoint.Size)
        {
            return ProofVerification.Fail(ProofFailure.NotIncluded, $"index {proof.Index} is beyond the checkpoint's tree size {checkpoint.Size}");
        }
        var leafHash = policy.Profile.LeafHash(leaf);
        if (!MerkleTree.CheckRecord(policy.Profile, proof.InclusionProof, checkpoint.Size, checkpoint.RootHash, proof.Index, leafHash))
        {
            return ProofVerification.Fail(ProofFailure.NotIncluded, $"the inclusion proof does not show this entry at index {proof.Index} under the checkpoint's root hash (the entry or the proof was altered)");
        }
        EvidenceEntry.TryParse(leaf, out var evidence);
        if (document is not null)
        {
            if (evidence is null)
            {
                return ProofVerification.Fail(ProofFailure.MalformedEntry, "the entry is not a TalentPass evidence entry, so the document cannot be compared");
            }
            if (!evidence.Matches(document))
            {
                return ProofVerification.Fail(ProofFailure.DocumentMismatch, $"the document's {evidence.DigestAlgorithm} digest differs from the digest recorded in the entry (the document is not the one recorded)");
            }
        }
        return new ProofVerification(true, ProofFailure.None, "", checkpoint, proof.Index, leaf, evidence, checkpointResult.Witnesses, document is not null);
    }
}

/// <summary>Outcome of <see cref="TlogProofVerifier"/>. <see cref="Reason"/> is an English sentence fragment when invalid.</summary>
public sealed record ProofVerification(
    bool IsValid,
    ProofFailure Failure,
    string Reason,
    Checkpoint? Checkpoint,
    long Index,
    byte[]? Entry,
    EvidenceEntry? Evidence,
    IReadOnlyList<WitnessCosignature> Witnesses,
    bool DocumentChecked)
{
    internal static ProofVerification Fail(ProofFailure failure, string reason) => new(false, failure, reason, null, -1, null, null, [], false);
}
