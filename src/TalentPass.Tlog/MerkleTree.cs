using System.Numerics;

namespace TalentPass.Tlog;

/// <summary>
/// RFC 6962 / RFC 9162 Merkle tree math over the stored-hash layout of Go's <c>golang.org/x/mod/sumdb/tlog</c>
/// (same function names and semantics, so proofs and stored hashes are interchangeable with Go):
/// every complete subtree's hash is stored once, at <see cref="StoredHashIndex"/>(level, n) where n is the
/// subtree's index within its level. Appending leaf n adds the hashes returned by <see cref="StoredHashes"/>.
/// Proof functions ask the reader once for all hashes they need; the <c>…Indexes</c>/<c>Build…</c> pairs let a
/// caller fetch those hashes in its own way (e.g. one SQL query).
/// </summary>
public static class MerkleTree
{
    /// <summary>
    /// Index in the stored-hash sequence of the hash of the subtree at <paramref name="level"/> number
    /// <paramref name="n"/> (level 0 = leaf hashes, level L covers leaves [n·2^L, (n+1)·2^L)).
    /// </summary>
    public static long StoredHashIndex(int level, long n)
    {
        // Hashes for leaf n come after all hashes of leaves before n, i.e. after StoredHashCount(n << level).
        for (var l = level; l > 0; l--)
        {
            n = (2 * n) + 1;
        }
        long i = 0;
        for (; n > 0; n >>= 1)
        {
            i += n;
        }
        return i + level;
    }

    /// <summary>Inverse of <see cref="StoredHashIndex"/>.</summary>
    public static (int Level, long N) SplitStoredHashIndex(long index)
    {
        var n = index / 2;
        var indexN = StoredHashIndex(0, n);
        while (true)
        {
            var x = indexN + 1 + BitOperations.TrailingZeroCount((ulong)(n + 1));
            if (x > index)
            {
                break;
            }
            n++;
            indexN = x;
        }
        var level = (int)(index - indexN);
        return (level, n >> level);
    }

    /// <summary>Number of stored hashes for a tree of <paramref name="n"/> leaves.</summary>
    public static long StoredHashCount(long n)
    {
        if (n == 0)
        {
            return 0;
        }
        var count = StoredHashIndex(0, n - 1) + 1;
        for (var i = (ulong)(n - 1); (i & 1) != 0; i >>= 1)
        {
            count++;
        }
        return count;
    }

    /// <summary>Stored indexes of the existing hashes needed by <see cref="StoredHashes"/> to append leaf <paramref name="n"/>.</summary>
    public static long[] StoredHashesIndexes(long n)
    {
        var m = BitOperations.TrailingZeroCount((ulong)(n + 1));
        var indexes = new long[m];
        for (var i = 0; i < m; i++)
        {
            indexes[m - 1 - i] = StoredHashIndex(i, (n >> i) - 1);
        }
        return indexes;
    }

    /// <summary>
    /// The hashes to store (at indexes StoredHashCount(n) onwards, in order) when appending leaf <paramref name="n"/>
    /// whose leaf hash is <paramref name="leafHash"/>, given the existing hashes at <see cref="StoredHashesIndexes"/>.
    /// </summary>
    public static Hash[] StoredHashes(HashProfile profile, long n, Hash leafHash, IReadOnlyList<Hash> existing)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(existing);
        var m = BitOperations.TrailingZeroCount((ulong)(n + 1));
        if (existing.Count != m)
        {
            throw new TlogException($"StoredHashes({n}) needs {m} existing hashes, got {existing.Count}.");
        }
        var hashes = new Hash[m + 1];
        hashes[0] = leafHash;
        var h = leafHash;
        for (var i = 0; i < m; i++)
        {
            h = profile.NodeHash(existing[m - 1 - i], h);
            hashes[i + 1] = h;
        }
        return hashes;
    }

    /// <summary>Same as the list overload, reading the existing hashes from <paramref name="reader"/>.</summary>
    public static Hash[] StoredHashes(HashProfile profile, long n, Hash leafHash, IHashReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var indexes = StoredHashesIndexes(n);
        return StoredHashes(profile, n, leafHash, Read(reader, indexes));
    }

    /// <summary>Stored indexes needed by <see cref="TreeHash(HashProfile, long, IReadOnlyList{Hash})"/>.</summary>
    public static long[] TreeHashIndexes(long n)
    {
        var need = new List<long>();
        SubTreeIndex(0, n, need);
        return [.. need];
    }

    /// <summary>Root hash of the tree of size <paramref name="n"/> from the hashes at <see cref="TreeHashIndexes"/>. Empty tree: H("").</summary>
    public static Hash TreeHash(HashProfile profile, long n, IReadOnlyList<Hash> hashes)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(hashes);
        if (n == 0)
        {
            return profile.EmptyRoot;
        }
        var pos = 0;
        var h = SubTreeHash(profile, 0, n, hashes, ref pos);
        if (pos != hashes.Count)
        {
            throw new TlogException("Wrong number of hashes for TreeHash.");
        }
        return h;
    }

    /// <summary>Root hash of the tree of size <paramref name="n"/>.</summary>
    public static Hash TreeHash(HashProfile profile, long n, IHashReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return n == 0 ? profile.EmptyRoot : TreeHash(profile, n, Read(reader, TreeHashIndexes(n)));
    }

    /// <summary>Root hash of the tree of size <paramref name="n"/>, reading asynchronously.</summary>
    public static async ValueTask<Hash> TreeHashAsync(HashProfile profile, long n, IAsyncHashReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(reader);
        return n == 0 ? profile.EmptyRoot : TreeHash(profile, n, await ReadAsync(reader, TreeHashIndexes(n), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Stored indexes needed to prove that leaf <paramref name="n"/> is in the tree of size <paramref name="t"/>.</summary>
    public static long[] RecordProofIndexes(long t, long n)
    {
        if (t < 0 || n < 0 || n >= t)
        {
            throw new ArgumentOutOfRangeException(nameof(n), $"Invalid inclusion proof request: index {n} in tree of size {t}.");
        }
        var need = new List<long>();
        LeafProofIndex(0, t, n, need);
        return [.. need];
    }

    /// <summary>RFC 6962 §2.1.1 inclusion proof (audit path, leaf-to-root order) from the hashes at <see cref="RecordProofIndexes"/>.</summary>
    public static Hash[] BuildRecordProof(HashProfile profile, long t, long n, IReadOnlyList<Hash> hashes)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Collect(hashes, "inclusion", (ref pos, proof) => LeafProof(profile, 0, t, n, hashes, ref pos, proof));
    }

    /// <summary>Inclusion proof of leaf <paramref name="n"/> in the tree of size <paramref name="t"/> (Go: <c>ProveRecord</c>).</summary>
    public static Hash[] ProveRecord(HashProfile profile, long t, long n, IHashReader reader) =>
        BuildRecordProof(profile, t, n, Read(reader, RecordProofIndexes(t, n)));

    /// <summary>Asynchronous <see cref="ProveRecord"/>.</summary>
    public static async ValueTask<Hash[]> ProveRecordAsync(HashProfile profile, long t, long n, IAsyncHashReader reader, CancellationToken cancellationToken) =>
        BuildRecordProof(profile, t, n, await ReadAsync(reader, RecordProofIndexes(t, n), cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Checks that <paramref name="proof"/> proves leaf hash <paramref name="leafHash"/> at index <paramref name="n"/>
    /// in the tree of size <paramref name="t"/> with root <paramref name="treeHash"/> (Go: <c>CheckRecord</c>).
    /// </summary>
    public static bool CheckRecord(HashProfile profile, IReadOnlyList<Hash> proof, long t, Hash treeHash, long n, Hash leafHash)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(proof);
        if (t < 0 || n < 0 || n >= t)
        {
            return false;
        }
        return RunRecordProof(profile, proof, proof.Count, 0, t, n, leafHash, out var root) && root == treeHash;
    }

    /// <summary>Stored indexes needed to prove that the tree of size <paramref name="n"/> is a prefix of the tree of size <paramref name="t"/>.</summary>
    public static long[] TreeProofIndexes(long t, long n)
    {
        if (t < 1 || n < 1 || n > t)
        {
            throw new ArgumentOutOfRangeException(nameof(n), $"Invalid consistency proof request: {n} to {t}.");
        }
        var need = new List<long>();
        TreeProofIndex(0, t, n, need);
        return [.. need];
    }

    /// <summary>RFC 6962 §2.1.2 consistency proof from the hashes at <see cref="TreeProofIndexes"/>.</summary>
    public static Hash[] BuildTreeProof(HashProfile profile, long t, long n, IReadOnlyList<Hash> hashes)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Collect(hashes, "consistency", (ref pos, proof) => TreeProof(profile, 0, t, n, hashes, ref pos, proof));
    }

    /// <summary>Consistency proof from size <paramref name="n"/> to size <paramref name="t"/> (Go: <c>ProveTree</c>; 1 ≤ n ≤ t).</summary>
    public static Hash[] ProveTree(HashProfile profile, long t, long n, IHashReader reader) =>
        BuildTreeProof(profile, t, n, Read(reader, TreeProofIndexes(t, n)));

    /// <summary>Asynchronous <see cref="ProveTree"/>.</summary>
    public static async ValueTask<Hash[]> ProveTreeAsync(HashProfile profile, long t, long n, IAsyncHashReader reader, CancellationToken cancellationToken) =>
        BuildTreeProof(profile, t, n, await ReadAsync(reader, TreeProofIndexes(t, n), cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Checks that <paramref name="proof"/> proves the tree of size <paramref name="n"/> with root <paramref name="oldHash"/>
    /// is a prefix of the tree of size <paramref name="t"/> with root <paramref name="treeHash"/> (Go: <c>CheckTree</c>).
    /// Extended for the witness protocol: n = 0 (any tree extends the empty one) and n = t (equal roots) need an empty proof.
    /// </summary>
    public static bool CheckTree(HashProfile profile, IReadOnlyList<Hash> proof, long t, Hash treeHash, long n, Hash oldHash)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(proof);
        if (n == 0 && t >= 0)
        {
            return proof.Count == 0;
        }
        if (t < 1 || n < 1 || n > t)
        {
            return false;
        }
        return RunTreeProof(profile, proof, proof.Count, 0, t, n, oldHash, out var oh, out var th) && th == treeHash && oh == oldHash;
    }

    private delegate void ProofWalk(ref int pos, List<Hash> proof);

    /// <summary>Runs a proof walk over <paramref name="hashes"/>, which it must consume exactly.</summary>
    private static Hash[] Collect(IReadOnlyList<Hash> hashes, string kind, ProofWalk walk)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        var proof = new List<Hash>();
        var pos = 0;
        walk(ref pos, proof);
        if (pos != hashes.Count)
        {
            throw new TlogException($"Wrong number of hashes for the {kind} proof.");
        }
        return [.. proof];
    }

    private static IReadOnlyList<Hash> Read(IHashReader reader, long[] indexes)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (indexes.Length == 0)
        {
            return [];
        }
        var hashes = reader.ReadHashes(indexes);
        if (hashes.Count != indexes.Length)
        {
            throw new TlogException($"ReadHashes({indexes.Length} indexes) returned {hashes.Count} hashes.");
        }
        return hashes;
    }

    private static async ValueTask<IReadOnlyList<Hash>> ReadAsync(IAsyncHashReader reader, long[] indexes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (indexes.Length == 0)
        {
            return [];
        }
        var hashes = await reader.ReadHashesAsync(indexes, cancellationToken).ConfigureAwait(false);
        if (hashes.Count != indexes.Length)
        {
            throw new TlogException($"ReadHashesAsync({indexes.Length} indexes) returned {hashes.Count} hashes.");
        }
        return hashes;
    }

    /// <summary>Largest power of two strictly less than n (n ≥ 2), and its log2.</summary>
    private static (long K, int Level) MaxPow2(long n)
    {
        var l = 0;
        while (1L << (l + 1) < n)
        {
            l++;
        }
        return (1L << l, l);
    }

    private static void SubTreeIndex(long lo, long hi, List<long> need)
    {
        while (lo < hi)
        {
            var (k, level) = MaxPow2(hi - lo + 1);
            if ((lo & (k - 1)) != 0)
            {
                throw new TlogException("Bad math in SubTreeIndex.");
            }
            need.Add(StoredHashIndex(level, lo >> level));
            lo += k;
        }
    }

    private static Hash SubTreeHash(HashProfile profile, long lo, long hi, IReadOnlyList<Hash> hashes, ref int pos)
    {
        var numTree = 0;
        for (var x = lo; x < hi; numTree++)
        {
            var (k, _) = MaxPow2(hi - x + 1);
            x += k;
        }
        if (hashes.Count - pos < numTree)
        {
            throw new TlogException("Too few hashes for SubTreeHash.");
        }
        var h = hashes[pos + numTree - 1];
        for (var i = numTree - 2; i >= 0; i--)
        {
            h = profile.NodeHash(hashes[pos + i], h);
        }
        pos += numTree;
        return h;
    }

    private static void LeafProofIndex(long lo, long hi, long n, List<long> need)
    {
        if (lo + 1 == hi)
        {
            return;
        }
        var (k, _) = MaxPow2(hi - lo);
        if (n < lo + k)
        {
            LeafProofIndex(lo, lo + k, n, need);
            SubTreeIndex(lo + k, hi, need);
        }
        else
        {
            SubTreeIndex(lo, lo + k, need);
            LeafProofIndex(lo + k, hi, n, need);
        }
    }

    private static void LeafProof(HashProfile profile, long lo, long hi, long n, IReadOnlyList<Hash> hashes, ref int pos, List<Hash> proof)
    {
        if (lo + 1 == hi)
        {
            return;
        }
        var (k, _) = MaxPow2(hi - lo);
        Hash th;
        if (n < lo + k)
        {
            LeafProof(profile, lo, lo + k, n, hashes, ref pos, proof);
            th = SubTreeHash(profile, lo + k, hi, hashes, ref pos);
        }
        else
        {
            th = SubTreeHash(profile, lo, lo + k, hashes, ref pos);
            LeafProof(profile, lo + k, hi, n, hashes, ref pos, proof);
        }
        proof.Add(th);
    }

    private static bool RunRecordProof(HashProfile profile, IReadOnlyList<Hash> p, int count, long lo, long hi, long n, Hash leafHash, out Hash result)
    {
        result = default;
        if (lo + 1 == hi)
        {
            if (count != 0)
            {
                return false;
            }
            result = leafHash;
            return true;
        }
        if (count == 0)
        {
            return false;
        }
        var (k, _) = MaxPow2(hi - lo);
        if (n < lo + k)
        {
            if (!RunRecordProof(profile, p, count - 1, lo, lo + k, n, leafHash, out var th))
            {
                return false;
            }
            result = profile.NodeHash(th, p[count - 1]);
        }
        else
        {
            if (!RunRecordProof(profile, p, count - 1, lo + k, hi, n, leafHash, out var th))
            {
                return false;
            }
            result = profile.NodeHash(p[count - 1], th);
        }
        return true;
    }

    private static void TreeProofIndex(long lo, long hi, long n, List<long> need)
    {
        if (n == hi)
        {
            if (lo != 0)
            {
                SubTreeIndex(lo, hi, need);
            }
            return;
        }
        var (k, _) = MaxPow2(hi - lo);
        if (n <= lo + k)
        {
            TreeProofIndex(lo, lo + k, n, need);
            SubTreeIndex(lo + k, hi, need);
        }
        else
        {
            SubTreeIndex(lo, lo + k, need);
            TreeProofIndex(lo + k, hi, n, need);
        }
    }

    private static void TreeProof(HashProfile profile, long lo, long hi, long n, IReadOnlyList<Hash> hashes, ref int pos, List<Hash> proof)
    {
        if (n == hi)
        {
            if (lo != 0)
            {
                proof.Add(SubTreeHash(profile, lo, hi, hashes, ref pos));
            }
            return;
        }
        var (k, _) = MaxPow2(hi - lo);
        Hash th;
        if (n <= lo + k)
        {
            TreeProof(profile, lo, lo + k, n, hashes, ref pos, proof);
            th = SubTreeHash(profile, lo + k, hi, hashes, ref pos);
        }
        else
        {
            th = SubTreeHash(profile, lo, lo + k, hashes, ref pos);
            TreeProof(profile, lo + k, hi, n, hashes, ref pos, proof);
        }
        proof.Add(th);
    }

    private static bool RunTreeProof(HashProfile profile, IReadOnlyList<Hash> p, int count, long lo, long hi, long n, Hash old, out Hash oldResult, out Hash treeResult)
    {
        oldResult = default;
        treeResult = default;
        if (n == hi)
        {
            if (lo == 0)
            {
                if (count != 0)
                {
                    return false;
                }
                oldResult = old;
                treeResult = old;
                return true;
            }
            if (count != 1)
            {
                return false;
            }
            oldResult = p[0];
            treeResult = p[0];
            return true;
        }
        if (count == 0)
        {
            return false;
        }
        var (k, _) = MaxPow2(hi - lo);
        var last = p[count - 1];
        if (n <= lo + k)
        {
            if (!RunTreeProof(profile, p, count - 1, lo, lo + k, n, old, out var oh, out var th))
            {
                return false;
            }
            oldResult = oh;
            treeResult = profile.NodeHash(th, last);
        }
        else
        {
            if (!RunTreeProof(profile, p, count - 1, lo + k, hi, n, old, out var oh, out var th))
            {
                return false;
            }
            oldResult = profile.NodeHash(last, oh);
            treeResult = profile.NodeHash(last, th);
        }
        return true;
    }
}
