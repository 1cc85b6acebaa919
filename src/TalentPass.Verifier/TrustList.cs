using System.IO.Compression;
using TalentPass.Verifier.Wire;

namespace TalentPass.Verifier;

/// <summary>One issuer public key as published in the trust list.</summary>
public sealed record TrustedKey(
    ReadOnlyMemory<byte> KeyId,
    string Profile,
    ReadOnlyMemory<byte> SubjectPublicKeyInfo,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter);

/// <summary>
/// The signed list of issuer public keys (COSE_Sign1 by the root key, payload CBOR; format in
/// docs/talent-code-format.md). Served at GET /api/v1/codes/trust-list.
/// </summary>
public sealed record TrustList(
    string Issuer,
    long Sequence,
    DateTimeOffset IssuedAt,
    DateTimeOffset ValidUntil,
    IReadOnlyList<TrustedKey> Keys)
{
    /// <summary>Most keys a trust list may carry.</summary>
    public const int MaxKeys = 256;

    private const int MaxSpkiLength = 512;

    /// <summary>Signs the list; throws <see cref="ArgumentException"/> when a key's id does not match its public key.</summary>
    public byte[] Sign(ICodeSigner rootSigner)
    {
        ArgumentNullException.ThrowIfNull(rootSigner);
        ArgumentOutOfRangeException.ThrowIfNegative(Sequence);
        if (Keys.Count > MaxKeys)
        {
            throw new ArgumentException($"A trust list carries at most {MaxKeys} keys.", nameof(Keys));
        }

        var writer = new CborWriter(256 + Keys.Count * 128);
        writer.WriteMapHeader(5);
        writer.WriteUInt(1);
        writer.WriteText(Issuer);
        writer.WriteUInt(2);
        writer.WriteUInt((ulong)Sequence);
        writer.WriteUInt(3);
        writer.WriteUInt(Seconds(IssuedAt));
        writer.WriteUInt(4);
        writer.WriteUInt(Seconds(ValidUntil));
        writer.WriteUInt(5);
        writer.WriteArrayHeader(Keys.Count);
        foreach (var key in Keys)
        {
            if (!CodeProfiles.IsKnown(key.Profile) || !CodeKeys.ComputeKeyId(key.SubjectPublicKeyInfo.Span).AsSpan().SequenceEqual(key.KeyId.Span))
            {
                throw new ArgumentException("Every trusted key needs a known profile and the key id of its public key.", nameof(Keys));
            }

            writer.WriteArrayHeader(5);
            writer.WriteBytes(key.KeyId.Span);
            writer.WriteText(key.Profile);
            writer.WriteBytes(key.SubjectPublicKeyInfo.Span);
            writer.WriteUInt(Seconds(key.NotBefore));
            writer.WriteUInt(Seconds(key.NotAfter));
        }

        return SignedDocument.Sign(rootSigner, writer);
    }

    /// <summary>Checks the root signature and parses; null with a reason when it is not a valid trust list.</summary>
    public static TrustList? Open(ReadOnlySpan<byte> signed, ICodeVerificationKey root, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!SignedDocument.TryOpen(signed, new CodeKeyRing([root]), out var payload, out _, out reason))
        {
            reason = "trust list: " + reason;
            return null;
        }

        try
        {
            return Read(payload);
        }
        catch (CborException e)
        {
            reason = "trust list: malformed: " + e.Message;
            return null;
        }
    }

    internal static ulong Seconds(DateTimeOffset instant)
    {
        var seconds = instant.ToUnixTimeSeconds();
        return seconds >= 0 ? (ulong)seconds : throw new ArgumentOutOfRangeException(nameof(instant), "Instants before 1970 are not representable.");
    }

    internal static DateTimeOffset Instant(ref CborReader reader)
    {
        var value = reader.ReadUInt();
        return value <= 253_402_300_799 ? DateTimeOffset.FromUnixTimeSeconds((long)value) : throw new CborException("time out of range");
    }

    private static TrustList Read(ReadOnlySpan<byte> payload)
    {
        var reader = new CborReader(payload);
        if (reader.ReadMapHeader() != 5 || reader.ReadIntKey(null) != 1)
        {
            throw new CborException("expected {1: issuer, 2: sequence, 3: issuedAt, 4: validUntil, 5: keys}");
        }

        var issuer = reader.ReadText();
        reader.ExpectIntKey(2, 1);
        var sequence = reader.ReadUInt();
        reader.ExpectIntKey(3, 2);
        var issuedAt = Instant(ref reader);
        reader.ExpectIntKey(4, 3);
        var validUntil = Instant(ref reader);
        reader.ExpectIntKey(5, 4);
        var count = reader.ReadArrayHeader();
        if (count > MaxKeys || sequence > long.MaxValue)
        {
            throw new CborException("too many keys or sequence out of range");
        }

        var keys = new List<TrustedKey>(count);
        for (var i = 0; i < count; i++)
        {
            if (reader.ReadArrayHeader() != 5)
            {
                throw new CborException("a key is [kid, profile, spki, notBefore, notAfter]");
            }

            var keyId = reader.ReadBytes();
            var profile = reader.ReadText();
            var spki = reader.ReadBytes();
            var notBefore = Instant(ref reader);
            var notAfter = Instant(ref reader);
            if (!CodeProfiles.IsKnown(profile) || spki.Length > MaxSpkiLength || !CodeKeys.ComputeKeyId(spki).AsSpan().SequenceEqual(keyId))
            {
                throw new CborException("a key has an unknown profile or a key id that does not match its public key");
            }

            keys.Add(new TrustedKey(keyId.ToArray(), profile, spki.ToArray(), notBefore, notAfter));
        }

        reader.ExpectEnd();
        return new TrustList(issuer, (long)sequence, issuedAt, validUntil, keys);
    }

}

/// <summary>
/// A 2-bit-per-entry status list (≥ 131,072 entries), signed by an issuer key, bits gzip-compressed (format in
/// docs/talent-code-format.md). Served at GET /api/v1/codes/status-lists/{id}. Entry i is bits 2i and 2i+1 counted
/// from the most significant bit of byte 0 (as in the W3C Bitstring Status List). <see cref="Get"/> and
/// <see cref="Set"/> are thread-safe.
/// </summary>
public sealed class StatusList
{
    public const int MinimumSize = 131_072;

    /// <summary>Largest list accepted (4 MiB of bits).</summary>
    public const int MaximumSize = 1 << 24;

    public const int BitsPerEntry = 2;

    private readonly byte[] _bits;

    public StatusList(uint id, int size, DateTimeOffset issuedAt, DateTimeOffset validUntil, byte[]? bits = null)
    {
        if (size is < MinimumSize or > MaximumSize || size % 4 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"A status list has {MinimumSize:N0} to {MaximumSize:N0} entries, a multiple of 4.");
        }

        if (bits is not null && bits.Length != size / 4)
        {
            throw new ArgumentException($"A list of {size} entries has {size / 4} bytes of bits.", nameof(bits));
        }

        if (bits is not null && HasReservedValue(bits))
        {
            throw new ArgumentException("The value 3 is reserved in a status list.", nameof(bits));
        }

        Id = id;
        Size = size;
        IssuedAt = issuedAt;
        ValidUntil = validUntil;
        _bits = bits ?? new byte[size / 4];
    }

    public uint Id { get; }

    public int Size { get; }

    public DateTimeOffset IssuedAt { get; }

    public DateTimeOffset ValidUntil { get; }

    public EntryStatus Get(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        return (EntryStatus)((Volatile.Read(ref _bits[index >> 2]) >> Shift(index)) & 0b11);
    }

    public void Set(int index, EntryStatus status)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status));
        }

        lock (_bits)
        {
            var shift = Shift(index);
            ref var cell = ref _bits[index >> 2];
            Volatile.Write(ref cell, (byte)((cell & ~(0b11 << shift)) | ((int)status << shift)));
        }
    }

    /// <summary>A copy of the raw bitstring (size / 4 bytes, uncompressed).</summary>
    public byte[] CopyBits()
    {
        lock (_bits)
        {
            return (byte[])_bits.Clone();
        }
    }

    public byte[] Sign(ICodeSigner issuerSigner) => Sign(issuerSigner, IssuedAt, ValidUntil);

    /// <summary>Signs the current bits with new times (re-publishing the same list without copying it).</summary>
    public byte[] Sign(ICodeSigner issuerSigner, DateTimeOffset issuedAt, DateTimeOffset validUntil)
    {
        ArgumentNullException.ThrowIfNull(issuerSigner);
        byte[] compressed;
        using (var output = new MemoryStream())
        {
            using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            {
                lock (_bits)
                {
                    gzip.Write(_bits);
                }
            }

            compressed = output.ToArray();
        }

        var writer = new CborWriter(compressed.Length + 64);
        writer.WriteMapHeader(6);
        writer.WriteUInt(1);
        writer.WriteUInt(Id);
        writer.WriteUInt(2);
        writer.WriteUInt(TrustList.Seconds(issuedAt));
        writer.WriteUInt(3);
        writer.WriteUInt(TrustList.Seconds(validUntil));
        writer.WriteUInt(4);
        writer.WriteUInt(BitsPerEntry);
        writer.WriteUInt(5);
        writer.WriteUInt((ulong)Size);
        writer.WriteUInt(6);
        writer.WriteBytes(compressed);
        return SignedDocument.Sign(issuerSigner, writer);
    }

    /// <summary>Checks the signature with a key from the resolver and parses; null with a reason otherwise.</summary>
    public static StatusList? Open(ReadOnlySpan<byte> signed, IKeyResolver keys, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (!SignedDocument.TryOpen(signed, keys, out var payload, out var key, out reason))
        {
            reason = "status list: " + reason;
            return null;
        }

        try
        {
            var list = Read(payload);
            if (list.IssuedAt < key!.NotBefore || list.IssuedAt > key.NotAfter)
            {
                reason = "status list: signed outside its key's validity";
                return null;
            }

            return list;
        }
        catch (Exception e) when (e is CborException or InvalidDataException or EndOfStreamException)
        {
            reason = "status list: malformed: " + e.Message;
            return null;
        }
    }

    private static StatusList Read(ReadOnlySpan<byte> payload)
    {
        var reader = new CborReader(payload);
        if (reader.ReadMapHeader() != 6 || reader.ReadIntKey(null) != 1)
        {
            throw new CborException("expected {1: id, 2: issuedAt, 3: validUntil, 4: bits, 5: size, 6: gzip(bits)}");
        }

        var id = reader.ReadUInt32();
        reader.ExpectIntKey(2, 1);
        var issuedAt = TrustList.Instant(ref reader);
        reader.ExpectIntKey(3, 2);
        var validUntil = TrustList.Instant(ref reader);
        reader.ExpectIntKey(4, 3);
        if (reader.ReadUInt() != BitsPerEntry)
        {
            throw new CborException("only 2 bits per entry are defined");
        }

        reader.ExpectIntKey(5, 4);
        var size = reader.ReadUInt();
        if (size is < MinimumSize or > MaximumSize || size % 4 != 0)
        {
            throw new CborException("size out of range");
        }

        reader.ExpectIntKey(6, 5);
        var compressed = reader.ReadBytes();
        reader.ExpectEnd();

        // The size is bounded above, so this allocation is too; inflation stops at exactly size / 4 bytes.
        var bits = new byte[(int)size / 4];
        using (var input = new MemoryStream(compressed.ToArray(), writable: false))
        using (var gzip = new GZipStream(input, CompressionMode.Decompress))
        {
            gzip.ReadExactly(bits);
            if (gzip.ReadByte() != -1)
            {
                throw new CborException("the bitstring is longer than its size");
            }
        }

        if (HasReservedValue(bits))
        {
            throw new CborException("reserved status value 3");
        }

        return new StatusList(id, (int)size, issuedAt, validUntil, bits);
    }

    private static bool HasReservedValue(ReadOnlySpan<byte> bits)
    {
        foreach (var b in bits)
        {
            if ((b & (b >> 1) & 0x55) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int Shift(int index) => 6 - 2 * (index & 3);

}
