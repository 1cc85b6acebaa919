using System.Security.Cryptography;

namespace TalentPass.Modules.Ledger.Domain;

/// <summary>RFC 6962 leaf and node hashing under the log's hash profile (<c>sha256</c> or <c>sm3</c>).</summary>
internal sealed class LogHasher
{
    private readonly Func<byte[], byte[]> hash;

    private LogHasher(string profile, Func<byte[], byte[]> hash)
    {
        Profile = profile;
        this.hash = hash;
    }

    public const int HashSize = 32;

    public static LogHasher Sha256 { get; } = new("sha256", SHA256.HashData);

    public string Profile { get; }

    public static LogHasher For(string profile) => profile switch
    {
        "sha256" => Sha256,
        _ => throw new InvalidOperationException($"Hash profile '{profile}' is not supported."),
    };

    public byte[] Empty() => hash([]);

    public byte[] Leaf(ReadOnlySpan<byte> data)
    {
        var buffer = new byte[data.Length + 1];
        data.CopyTo(buffer.AsSpan(1));
        return hash(buffer);
    }

    public byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var buffer = new byte[1 + HashSize + HashSize];
        buffer[0] = 1;
        left.CopyTo(buffer.AsSpan(1));
        right.CopyTo(buffer.AsSpan(1 + HashSize));
        return hash(buffer);
    }

    /// <summary>Root of a perfect subtree over <paramref name="count"/> (a power of two) consecutive hashes in <paramref name="hashes"/>.</summary>
    public byte[] PerfectRoot(ReadOnlySpan<byte> hashes, int offset, int count)
    {
        if (count == 1)
        {
            return hashes.Slice(offset * HashSize, HashSize).ToArray();
        }

        var level = new byte[count / 2][];
        for (var i = 0; i < level.Length; i++)
        {
            level[i] = Node(hashes.Slice((offset + (2 * i)) * HashSize, HashSize), hashes.Slice((offset + (2 * i) + 1) * HashSize, HashSize));
        }

        for (var n = level.Length; n > 1; n /= 2)
        {
            for (var i = 0; i < n / 2; i++)
            {
                level[i] = Node(level[2 * i], level[(2 * i) + 1]);
            }
        }

        return level[0];
    }
}
