using System.Globalization;
using System.Net;
using System.Text;

namespace TalentPass.Tlog;

/// <summary>Outcome kinds of an <c>add-checkpoint</c> call.</summary>
public enum WitnessOutcome
{
    /// <summary>200: cosigned; <see cref="WitnessResult.Cosignatures"/> holds the verified cosignature(s).</summary>
    Cosigned,

    /// <summary>409 with a size: the witness's latest size differs from the old size sent.</summary>
    Conflict,

    /// <summary>409 without a size: same size, different root — evidence of a fork.</summary>
    Fork,

    /// <summary>422: the consistency proof did not verify.</summary>
    BadProof,

    /// <summary>403: the witness does not accept the log's signature.</summary>
    Forbidden,

    /// <summary>404: the witness does not know the log.</summary>
    UnknownLog,

    /// <summary>Anything else: 400, 5xx, transport error, or a 200 whose cosignature does not verify.</summary>
    Failed,
}

/// <summary>Result of <see cref="WitnessClient.AddCheckpointAsync"/>.</summary>
public sealed record WitnessResult(WitnessOutcome Outcome, IReadOnlyList<NoteSignature> Cosignatures, long? LatestSize, string Message)
{
    /// <summary>True when cosigned.</summary>
    public bool IsCosigned => Outcome == WitnessOutcome.Cosigned;
}

/// <summary>
/// Client of one C2SP <c>tlog-witness</c> witness, used by the log to collect cosignatures. Thread-safe; reuse one
/// <see cref="HttpClient"/> (keep-alive). Cosignatures are verified against the witness's key before being returned.
/// </summary>
public sealed class WitnessClient
{
    private readonly HttpClient _http;
    private readonly Uri _addCheckpoint;

    /// <summary>Creates a client for the witness at <paramref name="submissionPrefix"/> with cosigner key <paramref name="witnessKey"/>.</summary>
    public WitnessClient(HttpClient http, Uri submissionPrefix, NoteVerifier witnessKey)
    {
        ArgumentNullException.ThrowIfNull(submissionPrefix);
        _http = http ?? throw new ArgumentNullException(nameof(http));
        WitnessKey = witnessKey ?? throw new ArgumentNullException(nameof(witnessKey));
        var prefix = submissionPrefix.ToString();
        _addCheckpoint = new Uri(prefix.EndsWith('/') ? prefix + AddCheckpointRequest.Path : prefix + "/" + AddCheckpointRequest.Path);
    }

    /// <summary>The witness's cosigner key.</summary>
    public NoteVerifier WitnessKey { get; }

    /// <summary>Sends one <c>add-checkpoint</c> request.</summary>
    public async Task<WitnessResult> AddCheckpointAsync(SignedNote checkpoint, long oldSize, IReadOnlyList<Hash> consistencyProof, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var body = new AddCheckpointRequest(oldSize, consistencyProof, checkpoint).ToString();
        HttpResponseMessage response;
        string text;
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "text/plain");
            response = await _http.PostAsync(_addCheckpoint, content, cancellationToken).ConfigureAwait(false);
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            return new WitnessResult(WitnessOutcome.Failed, [], null, "witness unreachable: " + e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WitnessResult(WitnessOutcome.Failed, [], null, "witness timed out");
        }
        using (response)
        {
            return Interpret(response, text, checkpoint);
        }
    }

    /// <summary>
    /// Submits <paramref name="checkpoint"/> starting from <paramref name="oldSizeGuess"/> (e.g. the size last cosigned by
    /// this witness, or 0); on 409 with a size, retries once from the witness's size with a fresh proof from
    /// <paramref name="proveConsistency"/>(oldSize, newSize) (not called when oldSize is 0 or equals the new size).
    /// </summary>
    public async Task<WitnessResult> SubmitAsync(
        SignedNote checkpoint,
        long oldSizeGuess,
        Func<long, long, CancellationToken, ValueTask<IReadOnlyList<Hash>>> proveConsistency,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(proveConsistency);
        var size = Checkpoint.Parse(checkpoint.Text).Size;
        var result = await SendFromAsync(oldSizeGuess).ConfigureAwait(false);
        if (result.Outcome == WitnessOutcome.Conflict && result.LatestSize is { } latest && latest <= size && latest != oldSizeGuess)
        {
            result = await SendFromAsync(latest).ConfigureAwait(false);
        }
        return result;

        async Task<WitnessResult> SendFromAsync(long oldSize)
        {
            if (oldSize > size)
            {
                return new WitnessResult(WitnessOutcome.Conflict, [], oldSize, "the witness has seen a larger tree than this checkpoint");
            }
            var proof = oldSize == 0 || oldSize == size ? [] : await proveConsistency(oldSize, size, cancellationToken).ConfigureAwait(false);
            return await AddCheckpointAsync(checkpoint, oldSize, proof, cancellationToken).ConfigureAwait(false);
        }
    }

    private WitnessResult Interpret(HttpResponseMessage response, string text, SignedNote checkpoint)
    {
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                var signatures = new List<NoteSignature>();
                foreach (var line in lines)
                {
                    if (!NoteSignature.TryParse(line, out var signature))
                    {
                        return new WitnessResult(WitnessOutcome.Failed, [], null, "malformed cosignature line from the witness");
                    }
                    if (signature.Name == WitnessKey.Name && signature.KeyId == WitnessKey.KeyId)
                    {
                        if (!WitnessKey.Verify(checkpoint.TextBytes, signature.Signature))
                        {
                            return new WitnessResult(WitnessOutcome.Failed, [], null, "the witness returned an invalid cosignature");
                        }
                        signatures.Add(signature);
                    }
                }
                return signatures.Count == 0
                    ? new WitnessResult(WitnessOutcome.Failed, [], null, "no cosignature from the expected witness key")
                    : new WitnessResult(WitnessOutcome.Cosigned, signatures, null, "cosigned");
            case HttpStatusCode.Conflict:
                var isSize = response.Content.Headers.ContentType?.MediaType == AddCheckpointRequest.SizeContentType;
                if (isSize && Checkpoint.TryParseDecimal(text.TrimEnd('\n'), out var latest))
                {
                    return new WitnessResult(WitnessOutcome.Conflict, [], latest, "the witness's latest size is " + latest.ToString(CultureInfo.InvariantCulture));
                }
                return new WitnessResult(WitnessOutcome.Fork, [], null, "the witness holds a different root for this size: " + text.Trim());
            case HttpStatusCode.UnprocessableEntity:
                return new WitnessResult(WitnessOutcome.BadProof, [], null, "the witness refused the consistency proof: " + text.Trim());
            case HttpStatusCode.Forbidden:
                return new WitnessResult(WitnessOutcome.Forbidden, [], null, "the witness refused the log signature: " + text.Trim());
            case HttpStatusCode.NotFound:
                return new WitnessResult(WitnessOutcome.UnknownLog, [], null, "the witness does not know this log: " + text.Trim());
            default:
                return new WitnessResult(WitnessOutcome.Failed, [], null, $"witness answered {(int)response.StatusCode}: {text.Trim()}");
        }
    }
}
