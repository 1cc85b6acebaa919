using System.Globalization;
using System.Text;

namespace TalentPass.Tlog;

/// <summary>
/// A C2SP <c>tlog-proof</c> bundle (file extension <c>.tlog-proof</c>): the offline evidence that an entry is in the log.
/// <code>
/// c2sp.org/tlog-proof@v1
/// extra &lt;base64 of the entry's canonical bytes&gt;      (TalentPass always includes it)
/// index &lt;decimal&gt;
/// &lt;base64 hash&gt;                                    (inclusion proof, leaf sibling first, one per line)
///
/// &lt;checkpoint note, verbatim, with log signature(s) and witness cosignatures&gt;
/// </code>
/// TalentPass puts the leaf (the canonical entry bytes) in <c>extra</c> so the bundle alone rebuilds the leaf hash.
/// </summary>
public sealed record TlogProof(long Index, IReadOnlyList<Hash> InclusionProof, SignedNote Checkpoint, byte[]? Extra = null)
{
    /// <summary>First line of every bundle.</summary>
    public const string Header = "c2sp.org/tlog-proof@v1";

    /// <summary>Inclusion proofs longer than this are refused (a tree of 2^63 leaves needs 63).</summary>
    public const int MaxProofLength = 63;

    /// <summary>The bundle text.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Header).Append('\n');
        if (Extra is not null)
        {
            builder.Append("extra ").Append(Convert.ToBase64String(Extra)).Append('\n');
        }
        builder.Append("index ").Append(Index.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in InclusionProof)
        {
            builder.Append(hash.ToBase64()).Append('\n');
        }
        return builder.Append('\n').Append(Checkpoint.ToString()).ToString();
    }

    /// <summary>Parses a bundle; <paramref name="error"/> says why not.</summary>
    public static bool TryParse(string text, out TlogProof proof, out string error)
    {
        proof = null!;
        ArgumentNullException.ThrowIfNull(text);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var blank = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (blank < 0)
        {
            error = "no blank line between the proof and the checkpoint";
            return false;
        }
        var lines = text[..blank].Split('\n');
        var noteText = text[(blank + 2)..];
        if (lines[0] != Header)
        {
            error = $"the first line is not {Header}";
            return false;
        }
        var i = 1;
        byte[]? extra = null;
        if (i < lines.Length && lines[i].StartsWith("extra ", StringComparison.Ordinal))
        {
            try
            {
                extra = Convert.FromBase64String(lines[i]["extra ".Length..]);
            }
            catch (FormatException)
            {
                error = "the extra line is not base64";
                return false;
            }
            i++;
        }
        if (i >= lines.Length || !lines[i].StartsWith("index ", StringComparison.Ordinal) ||
            !global::TalentPass.Tlog.Checkpoint.TryParseDecimal(lines[i]["index ".Length..], out var index))
        {
            error = "missing or malformed index line";
            return false;
        }
        i++;
        var hashes = new List<Hash>();
        for (; i < lines.Length; i++)
        {
            if (!Hash.TryParseBase64(lines[i], out var hash))
            {
                error = $"proof line {hashes.Count + 1} is not a base64 hash";
                return false;
            }
            hashes.Add(hash);
            if (hashes.Count > MaxProofLength)
            {
                error = "inclusion proof too long";
                return false;
            }
        }
        if (!SignedNote.TryParse(noteText, out var note, out var noteError))
        {
            error = "checkpoint: " + noteError;
            return false;
        }
        proof = new TlogProof(index, hashes, note, extra);
        error = "";
        return true;
    }

    /// <summary>Parses a bundle or throws <see cref="FormatException"/>.</summary>
    public static TlogProof Parse(string text) =>
        TryParse(text, out var proof, out var error) ? proof : throw new FormatException(error);
}
