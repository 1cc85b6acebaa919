namespace TalentPass.Tlog;

/// <summary>
/// What an offline verifier trusts: the log's origin, hash profile and key(s), the witnesses' cosigner keys and how
/// many of them must have cosigned (k of n).
/// </summary>
/// <param name="Origin">Expected checkpoint origin line.</param>
/// <param name="Profile">The log's hash profile.</param>
/// <param name="LogKeys">The log's verifier keys; a checkpoint must carry a valid signature from at least one, and every
/// signature it carries from a listed key must be valid.</param>
/// <param name="Witnesses">Trusted witness cosigner keys (type 0x04).</param>
/// <param name="RequiredWitnesses">How many distinct trusted witnesses must have cosigned (0 = none needed).</param>
/// <param name="RequireAllLogKeys">Also demand a signature from every listed log key (e.g. the SM2 line for 密评);
/// otherwise one valid log signature suffices (checkpoints from before an SM2 key was added stay valid).</param>
public sealed record LogPolicy(
    string Origin,
    HashProfile Profile,
    IReadOnlyList<NoteVerifier> LogKeys,
    IReadOnlyList<NoteVerifier> Witnesses,
    int RequiredWitnesses,
    bool RequireAllLogKeys = false)
{
    /// <summary>Builds a policy from verifier key texts.</summary>
    public static LogPolicy Create(string origin, HashProfile profile, IEnumerable<string> logKeys, IEnumerable<string>? witnessKeys = null, int requiredWitnesses = 0) =>
        new(origin, profile, [.. logKeys.Select(NoteVerifier.Parse)], [.. (witnessKeys ?? []).Select(NoteVerifier.Parse)], requiredWitnesses);

    /// <summary>
    /// Reads the log's published key document (<c>GET /api/v1/ledger/verifier-key</c>):
    /// <c>{"origin":…,"hashProfile":"sha256","logKeys":["vkey",…],"witnesses":[{"name":…,"verifierKey":"vkey"},…],"witnessQuorum":k}</c>.
    /// <paramref name="requiredWitnesses"/> overrides the published quorum.
    /// </summary>
    public static LogPolicy FromKeyDocument(string json, int? requiredWitnesses = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            var root = document.RootElement;
            var origin = root.GetProperty("origin").GetString() ?? throw new FormatException("origin missing");
            var profile = HashProfile.Get(root.TryGetProperty("hashProfile", out var p) ? p.GetString() ?? "sha256" : "sha256");
            var logKeys = root.GetProperty("logKeys").EnumerateArray().Select(k => k.GetString() ?? "").ToList();
            var witnesses = root.TryGetProperty("witnesses", out var w) && w.ValueKind == System.Text.Json.JsonValueKind.Array
                ? w.EnumerateArray().Select(x => x.ValueKind == System.Text.Json.JsonValueKind.String ? x.GetString()! : x.GetProperty("verifierKey").GetString() ?? "").ToList()
                : [];
            var quorum = root.TryGetProperty("witnessQuorum", out var q) && q.TryGetInt32(out var k) ? k : 0;
            return Create(origin, profile, logKeys, witnesses, requiredWitnesses ?? quorum);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException("Not a ledger key document: " + e.Message, e);
        }
    }

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
        var missing = LogKeys.Where(k => !logResult.Verified.Any(v => v.Verifier.KeyId == k.KeyId && v.Verifier.Name == k.Name)).ToList();
        if (RequireAllLogKeys && missing.Count > 0)
        {
            return CheckpointVerification.Fail(ProofFailure.BadLogSignature,
                "the checkpoint lacks the log's signature by key " + string.Join(", ", missing.Select(k => $"{k.Name}+{k.KeyId:x8}")));
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
