using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace TalentPass.Tlog;

/// <summary>
/// The hash function of a log and the RFC 6962 / RFC 9162 tree hashing built on it:
/// leaf hash = H(0x00 || data), node hash = H(0x01 || left || right), empty tree = H("").
/// <see cref="Sha256"/> is the interoperable default (Go <c>sumdb/tlog</c>, CT, Tessera, Sigsum);
/// <see cref="Sm3"/> (GB/T 32905) exists for 密评 deployments. Instances are immutable and thread-safe.
/// </summary>
public abstract class HashProfile
{
    /// <summary>SHA-256 (FIPS 180-4). Profile name <c>sha256</c>.</summary>
    public static HashProfile Sha256 { get; } = new Sha256Profile();

    /// <summary>SM3 (GB/T 32905-2016). Profile name <c>sm3</c>.</summary>
    public static HashProfile Sm3 { get; } = new Sm3Profile();

    private Hash? _emptyRoot;

    private protected HashProfile()
    {
    }

    /// <summary>Profile name as written in configuration and documents: <c>sha256</c> or <c>sm3</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Finds a profile by name (case-insensitive).</summary>
    public static bool TryGet(string? name, out HashProfile profile)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "sha256" or "sha-256":
                profile = Sha256;
                return true;
            case "sm3":
                profile = Sm3;
                return true;
            default:
                profile = Sha256;
                return false;
        }
    }

    /// <summary>Finds a profile by name or throws <see cref="ArgumentException"/>.</summary>
    public static HashProfile Get(string name) =>
        TryGet(name, out var profile) ? profile : throw new ArgumentException($"Unknown hash profile '{name}' (sha256 | sm3).", nameof(name));

    /// <summary>Plain digest of <paramref name="data"/> into 32 bytes of <paramref name="destination"/>.</summary>
    public abstract void Digest(ReadOnlySpan<byte> data, Span<byte> destination);

    /// <summary>Plain digest of <paramref name="data"/> (e.g. a document digest).</summary>
    public Hash Digest(ReadOnlySpan<byte> data)
    {
        Span<byte> output = stackalloc byte[Hash.Size];
        Digest(data, output);
        return new Hash(output);
    }

    /// <summary>Plain digest of a whole stream (documents of any size).</summary>
    public abstract Hash Digest(Stream stream);

    /// <summary>RFC 6962 leaf hash H(0x00 || data) (Go: <c>RecordHash</c>).</summary>
    public Hash LeafHash(ReadOnlySpan<byte> data)
    {
        var length = data.Length + 1;
        var rented = length <= 1024 ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        Span<byte> buffer = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
        buffer[0] = 0x00;
        data.CopyTo(buffer[1..]);
        var hash = Digest(buffer);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
        return hash;
    }

    /// <summary>RFC 6962 interior node hash H(0x01 || left || right).</summary>
    public Hash NodeHash(Hash left, Hash right)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * Hash.Size)];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Hash.Size)..]);
        return Digest(buffer);
    }

    /// <summary>Root hash of the empty tree, H("") (RFC 6962 §2.1).</summary>
    public Hash EmptyRoot => _emptyRoot ??= Digest(ReadOnlySpan<byte>.Empty);

    /// <inheritdoc />
    public override string ToString() => Name;

    private sealed class Sha256Profile : HashProfile
    {
        public override string Name => "sha256";

        public override void Digest(ReadOnlySpan<byte> data, Span<byte> destination) =>
            SHA256.HashData(data, destination);

        public override Hash Digest(Stream stream) => new(SHA256.HashData(stream));
    }

    private sealed class Sm3Profile : HashProfile
    {
        [ThreadStatic]
        private static SM3Digest? _digest;

        public override string Name => "sm3";

        public override void Digest(ReadOnlySpan<byte> data, Span<byte> destination)
        {
            var digest = _digest ??= new SM3Digest();
            digest.Reset();
            var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(data.Length, Hash.Size));
            try
            {
                data.CopyTo(rented);
                digest.BlockUpdate(rented, 0, data.Length);
                digest.DoFinal(rented, 0);
                rented.AsSpan(0, Hash.Size).CopyTo(destination);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }

        public override Hash Digest(Stream stream)
        {
            var digest = new SM3Digest();
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                digest.BlockUpdate(buffer, 0, read);
            }
            var output = new byte[Hash.Size];
            digest.DoFinal(output, 0);
            return new Hash(output);
        }
    }
}
