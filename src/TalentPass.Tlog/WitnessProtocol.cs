using System.Globalization;
using System.Text;

namespace TalentPass.Tlog;

/// <summary>
/// C2SP <c>tlog-witness</c> <c>add-checkpoint</c> request body:
/// <code>
/// old &lt;size&gt;
/// &lt;base64 consistency proof hash&gt;   (0..63 lines; none when old is 0)
///
/// &lt;checkpoint note with the log's signature(s)&gt;
/// </code>
/// </summary>
public sealed record AddCheckpointRequest(long OldSize, IReadOnlyList<Hash> ConsistencyProof, SignedNote Checkpoint)
{
    /// <summary>Path of the call under the witness's submission prefix.</summary>
    public const string Path = "add-checkpoint";

    /// <summary>Most consistency proof lines a client may send.</summary>
    public const int MaxProofLines = 63;

    /// <summary>Content type of a 409 response body (the witness's latest size and a newline).</summary>
    public const string SizeContentType = "text/x.tlog.size";

    /// <summary>The request body.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder("old ").Append(OldSize.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in ConsistencyProof)
        {
            builder.Append(hash.ToBase64()).Append('\n');
        }
        return builder.Append('\n').Append(Checkpoint.ToString()).ToString();
    }

    /// <summary>Parses a request body; <paramref name="error"/> says why not.</summary>
    public static bool TryParse(string body, out AddCheckpointRequest request, out string error)
    {
        request = null!;
        ArgumentNullException.ThrowIfNull(body);
        var blank = body.IndexOf("\n\n", StringComparison.Ordinal);
        if (blank < 0)
        {
            error = "no empty line before the checkpoint";
            return false;
        }
        var lines = body[..blank].Split('\n');
        if (!lines[0].StartsWith("old ", StringComparison.Ordinal) || !global::TalentPass.Tlog.Checkpoint.TryParseDecimal(lines[0][4..], out var oldSize))
        {
            error = "malformed old size line";
            return false;
        }
        if (lines.Length - 1 > MaxProofLines)
        {
            error = "too many consistency proof lines";
            return false;
        }
        var proof = new List<Hash>();
        foreach (var line in lines.Skip(1))
        {
            if (!Hash.TryParseBase64(line, out var hash))
            {
                error = "malformed consistency proof line";
                return false;
            }
            proof.Add(hash);
        }
        if (!SignedNote.TryParse(body[(blank + 2)..], out var note, out var noteError))
        {
            error = "malformed checkpoint: " + noteError;
            return false;
        }
        request = new AddCheckpointRequest(oldSize, proof, note);
        error = "";
        return true;
    }
}

/// <summary>An HTTP answer of the witness: status code, content type, body.</summary>
public sealed record WitnessResponse(int StatusCode, string ContentType, string Body)
{
    internal static WitnessResponse Text(int status, string message) => new(status, "text/plain; charset=utf-8", message + "\n");
}

/// <summary>A log the witness follows: origin, hash profile and the log's verifier key(s).</summary>
public sealed record WitnessedLog(string Origin, HashProfile Profile, IReadOnlyList<NoteVerifier> Keys)
{
    /// <summary>A log identified by one verifier key whose name is the origin (the usual C2SP convention).</summary>
    public static WitnessedLog FromVerifierKey(string verifierKey, HashProfile? profile = null)
    {
        var key = NoteVerifier.Parse(verifierKey);
        if (key.SignatureType == SignatureTypes.Cosignature)
        {
            throw new FormatException("A witness cosigner key (type 0x04) cannot sign a log's checkpoints; give the log's own key.");
        }
        return new WitnessedLog(key.Name, profile ?? HashProfile.Sha256, [key]);
    }
}

/// <summary>The latest checkpoint a witness cosigned for a log.</summary>
public sealed record WitnessState(long Size, Hash RootHash, string CheckpointNote);

/// <summary>
/// Where a witness keeps its latest cosigned checkpoint per origin. <see cref="Write"/> must be durable when it returns
/// (the witness answers only after it); <see cref="Witness"/> serialises read-check-write per process.
/// </summary>
public interface IWitnessStateStore
{
    /// <summary>The latest state for <paramref name="origin"/>, or null if never cosigned.</summary>
    WitnessState? Read(string origin);

    /// <summary>Durably replaces the state for <paramref name="origin"/>.</summary>
    void Write(string origin, WitnessState state);
}

/// <summary>
/// Witness server logic of C2SP <c>tlog-witness</c>, independent of any HTTP framework: give it the request body of
/// <c>POST …/add-checkpoint</c>, send back the <see cref="WitnessResponse"/>.
/// 400 malformed request or old size above the checkpoint size; 404 unknown origin; 403 no valid signature from a
/// trusted log key; 409 old size differs from the latest cosigned size (body: that size, <c>text/x.tlog.size</c>) or
/// same size with a different root; 422 consistency proof does not verify; 200 cosignature line(s).
/// The check of the old size and the update of the state happen under one lock, and the state is durable before the
/// cosignature is returned.
/// </summary>
public sealed class Witness
{
    private readonly CosignatureSigner _signer;
    private readonly Dictionary<string, WitnessedLog> _logs;
    private readonly IWitnessStateStore _store;
    private readonly Lock _gate = new();

    /// <summary>Creates a witness that cosigns with <paramref name="signer"/> for the given logs.</summary>
    public Witness(CosignatureSigner signer, IEnumerable<WitnessedLog> logs, IWitnessStateStore store)
    {
        ArgumentNullException.ThrowIfNull(logs);
        _signer = signer ?? throw new ArgumentNullException(nameof(signer));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _logs = logs.ToDictionary(l => l.Origin, StringComparer.Ordinal);
    }

    /// <summary>The witness's cosigner verifier key (type 0x04), to give to logs and relying parties.</summary>
    public string VerifierKey => _signer.VerifierKey;

    /// <summary>The logs followed.</summary>
    public IReadOnlyCollection<WitnessedLog> Logs => _logs.Values;

    /// <summary>Handles an <c>add-checkpoint</c> request body.</summary>
    public WitnessResponse AddCheckpoint(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!AddCheckpointRequest.TryParse(body, out var request, out var error))
        {
            return WitnessResponse.Text(400, "bad request: " + error);
        }
        if (!Checkpoint.TryParse(request.Checkpoint.Text, out var checkpoint, out error))
        {
            return WitnessResponse.Text(400, "bad checkpoint: " + error);
        }
        if (!_logs.TryGetValue(checkpoint.Origin, out var log))
        {
            return WitnessResponse.Text(404, "unknown log origin");
        }
        var opened = request.Checkpoint.Open(log.Keys);
        if (!opened.IsValid)
        {
            return WitnessResponse.Text(403, "checkpoint not signed by a trusted key of the log: " + opened.Error);
        }
        if (request.OldSize > checkpoint.Size)
        {
            return WitnessResponse.Text(400, "old size is larger than the checkpoint size");
        }
        lock (_gate)
        {
            var state = _store.Read(checkpoint.Origin);
            var latestSize = state?.Size ?? 0;
            if (request.OldSize != latestSize)
            {
                return new WitnessResponse(409, AddCheckpointRequest.SizeContentType, latestSize.ToString(CultureInfo.InvariantCulture) + "\n");
            }
            if (request.OldSize == checkpoint.Size && state is not null && state.RootHash != checkpoint.RootHash)
            {
                return WitnessResponse.Text(409, "same size as the latest cosigned checkpoint but a different root hash");
            }
            if (request.OldSize == 0 && request.ConsistencyProof.Count != 0)
            {
                return WitnessResponse.Text(422, "the consistency proof must be empty when the old size is 0");
            }
            if (request.OldSize > 0 && request.OldSize < checkpoint.Size &&
                !MerkleTree.CheckTree(log.Profile, request.ConsistencyProof, checkpoint.Size, checkpoint.RootHash, request.OldSize, state!.RootHash))
            {
                return WitnessResponse.Text(422, "the consistency proof does not verify");
            }
            if (request.OldSize == checkpoint.Size && request.ConsistencyProof.Count != 0)
            {
                return WitnessResponse.Text(422, "the consistency proof must be empty when the sizes are equal");
            }
            _store.Write(checkpoint.Origin, new WitnessState(checkpoint.Size, checkpoint.RootHash, request.Checkpoint.ToString()));
        }
        var cosignature = new NoteSignature(_signer.Name, _signer.KeyId, _signer.Sign(request.Checkpoint.TextBytes));
        return new WitnessResponse(200, "text/plain; charset=utf-8", cosignature.Line);
    }
}
