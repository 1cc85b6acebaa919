using TalentPass.Tlog;

namespace TalentPass.Modules.Ledger.Domain;

/// <summary>RFC 6962 leaf and node hashing under the log's hash profile (<c>sha256</c> or <c>sm3</c>).</summary>
internal sealed class LogHasher
{
    private LogHasher(HashProfile profile) => Hashes = profile;

    public const int HashSize = Hash.Size;

    /// <summary>The library profile (<c>TalentPass.Tlog</c>) that proofs and verifiers use.</summary>
    public HashProfile Hashes { get; }

    public string Profile => Hashes.Name;

    public static LogHasher For(string profile) => new(HashProfile.Get(profile));

    public byte[] Empty() => Hashes.EmptyRoot.ToArray();

    public byte[] Leaf(ReadOnlySpan<byte> data) => Hashes.LeafHash(data).ToArray();

    public byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) => Hashes.NodeHash(new Hash(left), new Hash(right)).ToArray();

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
