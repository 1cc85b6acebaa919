namespace TalentPass.Tlog;

/// <summary>
/// Reads stored hashes by their stored-hash index (the linear layout of Go's <c>sumdb/tlog</c>:
/// see <see cref="MerkleTree.StoredHashIndex"/>). Must return exactly one hash per requested index, in order.
/// </summary>
public interface IHashReader
{
    /// <summary>The hashes at <paramref name="indexes"/>, in the same order.</summary>
    IReadOnlyList<Hash> ReadHashes(IReadOnlyList<long> indexes);
}

/// <summary>Asynchronous variant of <see cref="IHashReader"/> for database-backed storage.</summary>
public interface IAsyncHashReader
{
    /// <summary>The hashes at <paramref name="indexes"/>, in the same order.</summary>
    ValueTask<IReadOnlyList<Hash>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken);
}

/// <summary>Adapts a delegate to <see cref="IHashReader"/>.</summary>
public sealed class HashReaderFunc(Func<IReadOnlyList<long>, IReadOnlyList<Hash>> read) : IHashReader
{
    /// <inheritdoc />
    public IReadOnlyList<Hash> ReadHashes(IReadOnlyList<long> indexes) => read(indexes);
}
