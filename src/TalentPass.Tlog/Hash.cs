using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TalentPass.Tlog;

/// <summary>A 32-byte tree hash (SHA-256 or SM3 output), a value type with value equality.</summary>
public readonly struct Hash : IEquatable<Hash>
{
    /// <summary>Size of every hash in bytes (both profiles produce 256-bit digests).</summary>
    public const int Size = 32;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    /// <summary>Creates a hash from exactly 32 bytes.</summary>
    public Hash(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"A hash is {Size} bytes, got {bytes.Length}.", nameof(bytes));
        }
        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    /// <summary>Writes the 32 bytes into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException("Destination too short.", nameof(destination));
        }
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _d);
    }

    /// <summary>The 32 bytes as a new array.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>Standard base64 (RFC 4648 §4), as in checkpoints and proofs.</summary>
    public string ToBase64() => Convert.ToBase64String(ToArray());

    /// <summary>Lower-case hex.</summary>
    public string ToHex() => Convert.ToHexStringLower(ToArray());

    /// <inheritdoc />
    public override string ToString() => ToBase64();

    /// <summary>Parses standard base64 of exactly 32 bytes.</summary>
    public static bool TryParseBase64(string? text, out Hash hash)
    {
        hash = default;
        if (text is null || text.Length != 44)
        {
            return false;
        }
        Span<byte> buffer = stackalloc byte[33];
        if (!Convert.TryFromBase64String(text, buffer, out var written) || written != Size)
        {
            return false;
        }
        hash = new Hash(buffer[..Size]);
        return true;
    }

    /// <summary>Parses standard base64 of exactly 32 bytes or throws <see cref="FormatException"/>.</summary>
    public static Hash ParseBase64(string text) =>
        TryParseBase64(text, out var hash) ? hash : throw new FormatException("Malformed base64 hash.");

    /// <summary>Parses 64 hex digits (either case).</summary>
    public static bool TryParseHex(string? text, out Hash hash)
    {
        hash = default;
        if (text is null || text.Length != 2 * Size)
        {
            return false;
        }
        Span<byte> buffer = stackalloc byte[Size];
        if (Convert.FromHexString(text, buffer, out _, out var written) != OperationStatus.Done || written != Size)
        {
            return false;
        }
        hash = new Hash(buffer);
        return true;
    }

    /// <summary>Parses 64 hex digits or throws <see cref="FormatException"/>.</summary>
    public static Hash ParseHex(string text) =>
        TryParseHex(text, out var hash) ? hash : throw new FormatException("Malformed hex hash.");

    /// <summary>Constant-time comparison of the 32 bytes.</summary>
    public bool FixedTimeEquals(Hash other)
    {
        Span<byte> x = stackalloc byte[Size];
        Span<byte> y = stackalloc byte[Size];
        CopyTo(x);
        other.CopyTo(y);
        return CryptographicOperations.FixedTimeEquals(x, y);
    }

    /// <inheritdoc />
    public bool Equals(Hash other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Hash other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c, _d);

    /// <summary>Value equality.</summary>
    public static bool operator ==(Hash left, Hash right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Hash left, Hash right) => !left.Equals(right);
}
