using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace TalentPass.Tlog;

/// <summary>One signature line of a signed note: <c>— &lt;name&gt; base64(key ID (4 bytes, big-endian) || signature)</c>.</summary>
public sealed record NoteSignature(string Name, uint KeyId, byte[] Signature)
{
    /// <summary>The signature line including the em dash and the final newline.</summary>
    public string Line
    {
        get
        {
            var bytes = new byte[4 + Signature.Length];
            BinaryPrimitives.WriteUInt32BigEndian(bytes, KeyId);
            Signature.CopyTo(bytes, 4);
            return $"{SignedNote.SignaturePrefix}{Name} {Convert.ToBase64String(bytes)}\n";
        }
    }

    /// <summary>Parses one signature line (with or without its final newline).</summary>
    public static bool TryParse(string line, out NoteSignature signature)
    {
        signature = null!;
        ArgumentNullException.ThrowIfNull(line);
        if (line.EndsWith('\n'))
        {
            line = line[..^1];
        }
        if (!line.StartsWith(SignedNote.SignaturePrefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = line[SignedNote.SignaturePrefix.Length..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return false;
        }
        var name = rest[..space];
        var encoded = rest[(space + 1)..];
        if (!SignedNote.IsValidKeyName(name) || encoded.Length == 0 || encoded.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            return false;
        }
        if (bytes.Length < 5 || Convert.ToBase64String(bytes) != encoded)
        {
            return false;
        }
        signature = new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(bytes), bytes[4..]);
        return true;
    }
}

/// <summary>
/// A C2SP <c>signed-note</c>: UTF-8 text ending in a newline, a blank line, then one or more signature lines.
/// Format and parse only; checking signatures is <see cref="Open"/>.
/// </summary>
public sealed class SignedNote
{
    /// <summary>Em dash (U+2014) and a space, which start every signature line.</summary>
    public const string SignaturePrefix = "\u2014 ";

    /// <summary>Most signatures accepted in one note (the spec demands at least 16).</summary>
    public const int MaxSignatures = 100;

    /// <summary>Largest note accepted, in bytes.</summary>
    public const int MaxSize = 1 << 20;

    /// <summary>Creates a note from its text and signatures.</summary>
    public SignedNote(string text, IReadOnlyList<NoteSignature> signatures)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signatures);
        if (!IsValidText(text))
        {
            throw new ArgumentException("Note text must be non-empty, end with a newline and contain no control characters other than newline.", nameof(text));
        }
        Text = text;
        Signatures = signatures;
    }

    /// <summary>The signed text, including its final newline.</summary>
    public string Text { get; }

    /// <summary>Signature lines in order.</summary>
    public IReadOnlyList<NoteSignature> Signatures { get; }

    /// <summary>The text as signed (UTF-8).</summary>
    public byte[] TextBytes => Encoding.UTF8.GetBytes(Text);

    /// <summary>The whole note: text, blank line, signature lines.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Text).Append('\n');
        foreach (var signature in Signatures)
        {
            builder.Append(signature.Line);
        }
        return builder.ToString();
    }

    /// <summary>The same text with more signatures appended (a signature with the same name and key ID is replaced).</summary>
    public SignedNote WithSignatures(IEnumerable<NoteSignature> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var list = Signatures.ToList();
        foreach (var signature in extra)
        {
            list.RemoveAll(s => s.Name == signature.Name && s.KeyId == signature.KeyId);
            list.Add(signature);
        }
        return new SignedNote(Text, list);
    }

    /// <summary>Signs <paramref name="text"/> with each signer.</summary>
    public static SignedNote Sign(string text, params IEnumerable<NoteSigner> signers)
    {
        ArgumentNullException.ThrowIfNull(signers);
        var bytes = Encoding.UTF8.GetBytes(text);
        var signatures = signers.Select(s => new NoteSignature(s.Name, s.KeyId, s.Sign(bytes))).ToList();
        if (signatures.Count == 0)
        {
            throw new ArgumentException("At least one signer is needed.", nameof(signers));
        }
        return new SignedNote(text, signatures);
    }

    /// <summary>Parses a note; <paramref name="error"/> says why not.</summary>
    public static bool TryParse(string message, out SignedNote note, out string error)
    {
        note = null!;
        ArgumentNullException.ThrowIfNull(message);
        if (Encoding.UTF8.GetByteCount(message) > MaxSize)
        {
            error = "note too large";
            return false;
        }
        if (message.Any(c => (c < 0x20 && c != '\n') || c == '\uFFFD'))
        {
            error = "note contains control characters or invalid UTF-8";
            return false;
        }
        var split = message.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !message.EndsWith('\n'))
        {
            error = "malformed note: no blank line before the signatures";
            return false;
        }
        var text = message[..(split + 1)];
        var lines = message[(split + 2)..].Split('\n');
        var signatures = new List<NoteSignature>();
        for (var i = 0; i < lines.Length - 1; i++)
        {
            if (!NoteSignature.TryParse(lines[i], out var signature))
            {
                error = $"malformed signature line {i + 1}";
                return false;
            }
            signatures.Add(signature);
            if (signatures.Count > MaxSignatures)
            {
                error = "too many signatures";
                return false;
            }
        }
        if (signatures.Count == 0)
        {
            error = "malformed note: no signatures";
            return false;
        }
        note = new SignedNote(text, signatures);
        error = "";
        return true;
    }

    /// <summary>Parses a note (UTF-8 bytes); <paramref name="error"/> says why not.</summary>
    public static bool TryParse(ReadOnlySpan<byte> message, out SignedNote note, out string error)
    {
        try
        {
            return TryParse(new UTF8Encoding(false, true).GetString(message), out note, out error);
        }
        catch (DecoderFallbackException)
        {
            note = null!;
            error = "note is not valid UTF-8";
            return false;
        }
    }

    /// <summary>
    /// Verifies the note against the trusted <paramref name="verifiers"/> as C2SP signed-note says: signatures from
    /// unknown keys (name and key ID not both matching) are ignored; a known key's signature that fails rejects the
    /// whole note; at least one known signature must verify.
    /// </summary>
    public NoteVerification Open(IEnumerable<NoteVerifier> verifiers)
    {
        ArgumentNullException.ThrowIfNull(verifiers);
        var known = verifiers.ToList();
        var text = TextBytes;
        var verified = new List<VerifiedSignature>();
        var unknown = new List<NoteSignature>();
        foreach (var signature in Signatures)
        {
            var matches = known.Where(v => v.Name == signature.Name && v.KeyId == signature.KeyId).ToList();
            if (matches.Count == 0)
            {
                unknown.Add(signature);
                continue;
            }
            if (matches.Count > 1 && matches.Select(m => m.VerifierKey).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                return NoteVerification.Fail($"ambiguous key {signature.Name}+{signature.KeyId:x8}", verified, unknown);
            }
            if (!matches[0].Verify(text, signature.Signature))
            {
                return NoteVerification.Fail($"invalid signature for key {signature.Name}+{signature.KeyId:x8}", verified, unknown);
            }
            if (!verified.Any(v => v.Signature.Name == signature.Name && v.Signature.KeyId == signature.KeyId))
            {
                verified.Add(new VerifiedSignature(signature, matches[0]));
            }
        }
        return verified.Count == 0
            ? NoteVerification.Fail("note has no verifiable signatures", verified, unknown)
            : new NoteVerification(true, "", verified, unknown);
    }

    /// <summary>Key names are non-empty and contain no Unicode spaces and no '+'.</summary>
    public static bool IsValidKeyName(string? name) =>
        !string.IsNullOrEmpty(name) && !name.Any(c => char.IsWhiteSpace(c) || c == '+' || char.IsControl(c));

    private static bool IsValidText(string text) =>
        text.Length > 0 && text.EndsWith('\n') && !text.Any(c => (c < 0x20 && c != '\n') || c == '\uFFFD');

    internal static string KeyIdHex(uint keyId) => keyId.ToString("x8", CultureInfo.InvariantCulture);
}

/// <summary>A signature that verified, and the verifier that verified it.</summary>
public sealed record VerifiedSignature(NoteSignature Signature, NoteVerifier Verifier);

/// <summary>Outcome of <see cref="SignedNote.Open"/>.</summary>
public sealed record NoteVerification(bool IsValid, string Error, IReadOnlyList<VerifiedSignature> Verified, IReadOnlyList<NoteSignature> Unknown)
{
    internal static NoteVerification Fail(string error, IReadOnlyList<VerifiedSignature> verified, IReadOnlyList<NoteSignature> unknown) =>
        new(false, error, verified, unknown);
}
