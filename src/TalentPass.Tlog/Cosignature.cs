using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace TalentPass.Tlog;

/// <summary>
/// C2SP <c>tlog-cosignature</c> v1 witness cosigner (type 0x04): signs
/// <c>"cosignature/v1\ntime &lt;t&gt;\n" || checkpoint body</c>; the signature is the 8-byte big-endian POSIX timestamp
/// followed by the 64-byte Ed25519 signature.
/// </summary>
public sealed class CosignatureSigner : Ed25519NoteSigner
{
    private readonly TimeProvider _timeProvider;

    internal CosignatureSigner(string name, byte[] seed, TimeProvider timeProvider)
        : base(name, seed, SignatureTypes.Cosignature)
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <inheritdoc />
    public override byte[] Sign(ReadOnlySpan<byte> text) => Sign(text, _timeProvider.GetUtcNow().ToUnixTimeSeconds());

    /// <summary>Cosigns with an explicit timestamp (seconds since the epoch).</summary>
    public byte[] Sign(ReadOnlySpan<byte> text, long timestamp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        var signature = SignRaw(CosignatureVerifier.Message(text, timestamp));
        var result = new byte[8 + signature.Length];
        BinaryPrimitives.WriteUInt64BigEndian(result, (ulong)timestamp);
        signature.CopyTo(result, 8);
        return result;
    }
}

/// <summary>Verifier of C2SP tlog-cosignature v1 Ed25519 cosignatures (type 0x04).</summary>
public sealed class CosignatureVerifier : Ed25519NoteVerifier
{
    internal CosignatureVerifier(string name, byte[] publicKey)
        : base(name, publicKey, SignatureTypes.Cosignature)
    {
    }

    /// <inheritdoc />
    public override bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 72)
        {
            return false;
        }
        var timestamp = BinaryPrimitives.ReadUInt64BigEndian(signature);
        return timestamp <= long.MaxValue && VerifyRaw(Message(text, (long)timestamp), signature[8..]);
    }

    /// <summary>The cosignature time of a (verified) cosignature, or null if it is not a cosignature.</summary>
    public static DateTimeOffset? Timestamp(NoteSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Signature.Length != 72)
        {
            return null;
        }
        var seconds = BinaryPrimitives.ReadUInt64BigEndian(signature.Signature);
        return seconds > 253402300799UL ? null : DateTimeOffset.FromUnixTimeSeconds((long)seconds);
    }

    internal static byte[] Message(ReadOnlySpan<byte> text, long timestamp)
    {
        var header = Encoding.ASCII.GetBytes("cosignature/v1\ntime " + timestamp.ToString(CultureInfo.InvariantCulture) + "\n");
        var message = new byte[header.Length + text.Length];
        header.CopyTo(message, 0);
        text.CopyTo(message.AsSpan(header.Length));
        return message;
    }
}
