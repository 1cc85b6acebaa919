namespace TalentPass.Tlog;

/// <summary>
/// Streaming root computation in O(log n) memory (a compact range over [0, n)): feed leaf hashes in order,
/// read <see cref="RootHash"/> at any size. Used to recompute a log from its entries (audits) without storing
/// every interior hash.
/// </summary>
public sealed class TreeBuilder(HashProfile profile)
{
    // _stack[i] holds the roots of the perfect subtrees on the right edge, largest first.
    private readonly List<Hash> _stack = [];

    /// <summary>The profile used for hashing.</summary>
    public HashProfile Profile { get; } = profile ?? throw new ArgumentNullException(nameof(profile));

    /// <summary>Number of leaves appended.</summary>
    public long Size { get; private set; }

    /// <summary>Appends a record, hashing it as a leaf.</summary>
    public void Append(ReadOnlySpan<byte> record) => AppendLeafHash(Profile.LeafHash(record));

    /// <summary>Appends a leaf hash.</summary>
    public void AppendLeafHash(Hash leafHash)
    {
        var h = leafHash;
        for (var n = Size; (n & 1) == 1; n >>= 1)
        {
            h = Profile.NodeHash(_stack[^1], h);
            _stack.RemoveAt(_stack.Count - 1);
        }
        _stack.Add(h);
        Size++;
    }

    /// <summary>RFC 6962 root hash of the leaves appended so far (H("") when empty).</summary>
    public Hash RootHash()
    {
        if (_stack.Count == 0)
        {
            return Profile.EmptyRoot;
        }
        var h = _stack[^1];
        for (var i = _stack.Count - 2; i >= 0; i--)
        {
            h = Profile.NodeHash(_stack[i], h);
        }
        return h;
    }
}
