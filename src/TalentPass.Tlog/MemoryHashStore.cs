namespace TalentPass.Tlog;

/// <summary>
/// An in-memory stored-hash log (the <see cref="MerkleTree"/> layout): append leaves, read hashes, get roots and proofs.
/// For tests, tools and small logs; not thread-safe.
/// </summary>
public sealed class MemoryHashStore(HashProfile profile) : IHashReader
{
    private readonly List<Hash> _hashes = [];

    /// <summary>The profile used for hashing.</summary>
    public HashProfile Profile { get; } = profile ?? throw new ArgumentNullException(nameof(profile));

    /// <summary>Number of leaves (tree size).</summary>
    public long Size { get; private set; }

    /// <summary>Appends a record (hashed as a leaf) and returns its index.</summary>
    public long Append(ReadOnlySpan<byte> record) => AppendLeafHash(Profile.LeafHash(record));

    /// <summary>Appends an already computed leaf hash and returns its index.</summary>
    public long AppendLeafHash(Hash leafHash)
    {
        var n = Size;
        _hashes.AddRange(MerkleTree.StoredHashes(Profile, n, leafHash, this));
        Size = n + 1;
        return n;
    }

    /// <summary>Root hash of the tree of the given size (default: the whole log).</summary>
    public Hash TreeHash(long? size = null) => MerkleTree.TreeHash(Profile, size ?? Size, this);

    /// <summary>Leaf hash of leaf <paramref name="index"/>.</summary>
    public Hash LeafHash(long index) => _hashes[checked((int)MerkleTree.StoredHashIndex(0, index))];

    /// <inheritdoc />
    public IReadOnlyList<Hash> ReadHashes(IReadOnlyList<long> indexes)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        var result = new Hash[indexes.Count];
        for (var i = 0; i < indexes.Count; i++)
        {
            if (indexes[i] < 0 || indexes[i] >= _hashes.Count)
            {
                throw new TlogException($"Stored hash {indexes[i]} is not in the log.");
            }
            result[i] = _hashes[(int)indexes[i]];
        }
        return result;
    }
}
