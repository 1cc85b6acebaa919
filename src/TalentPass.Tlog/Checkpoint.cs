using System.Globalization;
using System.Text;

namespace TalentPass.Tlog;

/// <summary>
/// A C2SP <c>tlog-checkpoint</c> body: origin line, tree size in decimal (no leading zeros), root hash in base64,
/// then zero or more extension lines; every line ends with a newline. It is the text of a signed note.
/// </summary>
public sealed record Checkpoint
{
    /// <summary>Creates a checkpoint body.</summary>
    public Checkpoint(string origin, long size, Hash rootHash, IReadOnlyList<string>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (origin.Length == 0 || origin.Any(c => c < 0x20) || origin.Contains('\uFFFD', StringComparison.Ordinal))
        {
            throw new ArgumentException("The origin line must be non-empty, one line, no control characters.", nameof(origin));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        extensions ??= [];
        if (extensions.Any(e => e.Length == 0 || e.Any(c => c < 0x20)))
        {
            throw new ArgumentException("Extension lines must be non-empty single lines.", nameof(extensions));
        }
        Origin = origin;
        Size = size;
        RootHash = rootHash;
        Extensions = extensions;
    }

    /// <summary>Log identity (origin line), e.g. <c>talentpass.example/zhongyuan/evidence</c>.</summary>
    public string Origin { get; }

    /// <summary>Number of entries in the tree.</summary>
    public long Size { get; }

    /// <summary>RFC 6962 root hash of the first <see cref="Size"/> entries.</summary>
    public Hash RootHash { get; }

    /// <summary>Optional extension lines (without newlines).</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>The note text: <c>origin\nsize\nbase64(root)\n[extension\n…]</c>.</summary>
    public string ToBody()
    {
        var builder = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(RootHash.ToBase64()).Append('\n');
        foreach (var extension in Extensions)
        {
            builder.Append(extension).Append('\n');
        }
        return builder.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToBody();

    /// <summary>Signs the body with the log key (and optionally extra keys, e.g. SM2).</summary>
    public SignedNote Sign(params IEnumerable<NoteSigner> signers) => SignedNote.Sign(ToBody(), signers);

    /// <summary>Parses a checkpoint body (the text of a signed note).</summary>
    public static bool TryParse(string text, out Checkpoint checkpoint, out string error)
    {
        checkpoint = null!;
        ArgumentNullException.ThrowIfNull(text);
        if (!text.EndsWith('\n'))
        {
            error = "checkpoint does not end with a newline";
            return false;
        }
        var lines = text[..^1].Split('\n');
        if (lines.Length < 3)
        {
            error = "checkpoint has fewer than three lines";
            return false;
        }
        if (lines[0].Length == 0)
        {
            error = "checkpoint origin line is empty";
            return false;
        }
        if (!TryParseDecimal(lines[1], out var size))
        {
            error = "checkpoint size is not a decimal without leading zeros";
            return false;
        }
        if (!Hash.TryParseBase64(lines[2], out var root))
        {
            error = "checkpoint root hash is not 32 bytes of base64";
            return false;
        }
        var extensions = lines[3..];
        if (extensions.Any(e => e.Length == 0))
        {
            error = "checkpoint has an empty extension line";
            return false;
        }
        checkpoint = new Checkpoint(lines[0], size, root, extensions);
        error = "";
        return true;
    }

    /// <summary>Parses a checkpoint body or throws <see cref="FormatException"/>.</summary>
    public static Checkpoint Parse(string text) =>
        TryParse(text, out var checkpoint, out var error) ? checkpoint : throw new FormatException(error);

    /// <summary>Parses an ASCII decimal with no sign and no leading zeros (unless it is "0").</summary>
    public static bool TryParseDecimal(string? text, out long value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 19 || (text.Length > 1 && text[0] == '0') || !text.All(char.IsAsciiDigit))
        {
            return false;
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <inheritdoc />
    public bool Equals(Checkpoint? other) => other is not null && ToBody() == other.ToBody();

    /// <inheritdoc />
    public override int GetHashCode() => ToBody().GetHashCode(StringComparison.Ordinal);
}
