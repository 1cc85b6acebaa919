using System.Globalization;
using System.Net;
using System.Text;
using TalentPass.Tlog;

namespace TalentPass.Modules.Ledger.Features.Checkpoints;

/// <summary>What a witness answered to <c>add-checkpoint</c>.</summary>
internal sealed record WitnessAnswer(NoteSignature? Cosignature, long? WitnessSize, string? Error);

/// <summary>
/// C2SP tlog-witness client: <c>POST &lt;url&gt;/add-checkpoint</c> with <c>old &lt;size&gt;</c>, the consistency proof
/// lines, a blank line and the signed checkpoint. 200 → cosignature line(s); 409 → the witness's size
/// (<c>text/x.tlog.size</c>); anything else is an error.
/// </summary>
internal sealed class WitnessClient(HttpClient http)
{
    public async Task<WitnessAnswer> AddCheckpointAsync(Uri witness, long oldSize, IReadOnlyList<Hash> proof, string signedCheckpoint, NoteVerifier verifier, CancellationToken ct)
    {
        var body = new StringBuilder().Append("old ").Append(oldSize.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in proof)
        {
            body.Append(hash.ToBase64()).Append('\n');
        }

        body.Append('\n').Append(signedCheckpoint);
        using var content = new StringContent(body.ToString(), Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        var url = new Uri(witness.ToString().TrimEnd('/') + "/add-checkpoint");
        using var response = await http.PostAsync(url, content, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode == HttpStatusCode.Conflict && long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            return new WitnessAnswer(null, size, null);
        }

        if (!response.IsSuccessStatusCode)
        {
            return new WitnessAnswer(null, null, $"HTTP {(int)response.StatusCode}: {Truncate(text)}");
        }

        var note = SignedNote.TryParse(signedCheckpoint, out var parsed, out _) ? parsed : null;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (NoteSignature.TryParse(line, out var signature) && signature.Name == verifier.Name && signature.KeyId == verifier.KeyId
                && note is not null && verifier.Verify(note.TextBytes, signature.Signature))
            {
                return new WitnessAnswer(signature, null, null);
            }
        }

        return new WitnessAnswer(null, null, "no valid cosignature from this witness's key in the answer");
    }

    private static string Truncate(string text) => text.Length <= 200 ? text.Trim() : text[..200];
}
