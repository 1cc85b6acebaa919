using System.Buffers.Binary;
using System.Globalization;

namespace TalentPass.Tlog;

/// <summary>
/// A C2SP <c>tlog-tiles</c> tile: height 8 (256 hashes or entries per full tile), level <see cref="Level"/>
/// (-1 = entry bundle <c>tile/entries/…</c>), index <see cref="Index"/> within the level, width
/// <see cref="Width"/> (1..256; 256 = full tile, otherwise a partial tile <c>.p/W</c>).
/// A level-L hash tile holds the hashes of the complete subtrees of height 8·L covering leaves
/// [(N·256+i)·256^L, (N·256+i+1)·256^L), i &lt; W, concatenated.
/// </summary>
public readonly record struct Tile(int Level, long Index, int Width)
{
    /// <summary>Tile height of C2SP tlog-tiles (fixed).</summary>
    public const int Height = 8;

    /// <summary>Width of a full tile (2^Height).</summary>
    public const int FullWidth = 1 << Height;

    /// <summary>Level value denoting the entry-bundle ("data") tiles.</summary>
    public const int EntriesLevel = -1;

    /// <summary>Whether this tile has all 256 hashes or entries.</summary>
    public bool IsFull => Width == FullWidth;

    /// <summary>Whether this is an entry bundle tile (<c>tile/entries/…</c>).</summary>
    public bool IsEntries => Level == EntriesLevel;

    /// <summary>
    /// Path relative to the log prefix: <c>tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c> or <c>tile/entries/&lt;N&gt;[.p/&lt;W&gt;]</c>,
    /// N as 3-digit groups, all but the last prefixed by <c>x</c> (e.g. 1234067 → <c>x001/x234/067</c>).
    /// </summary>
    public string Path
    {
        get
        {
            var n = Index;
            var digits = (n % 1000).ToString("000", CultureInfo.InvariantCulture);
            while (n >= 1000)
            {
                n /= 1000;
                digits = "x" + (n % 1000).ToString("000", CultureInfo.InvariantCulture) + "/" + digits;
            }
            var level = IsEntries ? "entries" : Level.ToString(CultureInfo.InvariantCulture);
            var partial = IsFull ? "" : ".p/" + Width.ToString(CultureInfo.InvariantCulture);
            return $"tile/{level}/{digits}{partial}";
        }
    }

    /// <inheritdoc />
    public override string ToString() => Path;

    /// <summary>Parses a tile path (without leading slash or prefix); accepts only the canonical form.</summary>
    public static bool TryParsePath(string? path, out Tile tile)
    {
        tile = default;
        if (path is null)
        {
            return false;
        }
        var parts = path.Split('/');
        if (parts.Length < 3 || parts[0] != "tile")
        {
            return false;
        }
        int level;
        if (parts[1] == "entries")
        {
            level = EntriesLevel;
        }
        else if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out level) || level > 63)
        {
            return false;
        }
        var width = FullWidth;
        var count = parts.Length;
        if (parts[count - 2].EndsWith(".p", StringComparison.Ordinal))
        {
            if (!int.TryParse(parts[count - 1], NumberStyles.None, CultureInfo.InvariantCulture, out width) || width < 1 || width >= FullWidth)
            {
                return false;
            }
            parts[count - 2] = parts[count - 2][..^2];
            count--;
        }
        long n = 0;
        for (var i = 2; i < count; i++)
        {
            var s = parts[i].StartsWith('x') ? parts[i][1..] : parts[i];
            if (s.Length != 3 || !int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var group))
            {
                return false;
            }
            if (n > (long.MaxValue / 1000) - 1)
            {
                return false;
            }
            n = (n * 1000) + group;
        }
        var parsed = new Tile(level, n, width);
        if (parsed.Path != path)
        {
            return false;
        }
        tile = parsed;
        return true;
    }

    /// <summary>The smallest tile containing the stored hash at <paramref name="storedIndex"/> (Go: <c>TileForIndex</c>).</summary>
    public static Tile ForStoredHashIndex(long storedIndex) => ForIndex(storedIndex, out _, out _);

    /// <summary>The entry bundle (full or partial) holding leaf <paramref name="leafIndex"/> in a tree of <paramref name="treeSize"/> leaves.</summary>
    public static Tile ForEntry(long leafIndex, long treeSize)
    {
        if (leafIndex < 0 || leafIndex >= treeSize)
        {
            throw new ArgumentOutOfRangeException(nameof(leafIndex));
        }
        var n = leafIndex / FullWidth;
        return new Tile(EntriesLevel, n, (int)Math.Min(FullWidth, treeSize - (n * FullWidth)));
    }

    /// <summary>
    /// The tiles that exist for a tree of <paramref name="newSize"/> leaves but not (with that width) for one of
    /// <paramref name="oldSize"/> leaves (Go: <c>NewTiles</c>), hash tiles only. A log publishing all partial
    /// widths serves each of these; a log may serve only the largest width of each partial tile.
    /// </summary>
    public static IReadOnlyList<Tile> NewTiles(long oldSize, long newSize)
    {
        var tiles = new List<Tile>();
        for (var level = 0; newSize >> (Height * level) > 0; level++)
        {
            var oldN = oldSize >> (Height * level);
            var newN = newSize >> (Height * level);
            for (var n = oldN >> Height; n < newN >> Height; n++)
            {
                tiles.Add(new Tile(level, n, FullWidth));
            }
            var last = newN >> Height;
            var maxW = (int)(newN - (last << Height));
            var minW = oldN > last << Height ? (int)(oldN - (last << Height)) : 1;
            for (var w = minW; w <= maxW; w++)
            {
                tiles.Add(new Tile(level, last, w));
            }
        }
        return tiles;
    }

    /// <summary>The hash tiles a tree of <paramref name="treeSize"/> leaves has at this moment, each at its current width.</summary>
    public static IReadOnlyList<Tile> TilesForSize(long treeSize)
    {
        var tiles = new List<Tile>();
        for (var level = 0; treeSize >> (Height * level) > 0; level++)
        {
            var count = treeSize >> (Height * level);
            for (long n = 0; n < count >> Height; n++)
            {
                tiles.Add(new Tile(level, n, FullWidth));
            }
            var rest = (int)(count & (FullWidth - 1));
            if (rest > 0)
            {
                tiles.Add(new Tile(level, count >> Height, rest));
            }
        }
        return tiles;
    }

    /// <summary>The stored-hash indexes whose hashes, concatenated, form this hash tile's data.</summary>
    public long[] StoredHashIndexes()
    {
        if (IsEntries)
        {
            throw new InvalidOperationException("Entry bundles hold entries, not hashes.");
        }
        var indexes = new long[Width];
        var start = Index << Height;
        for (var i = 0; i < Width; i++)
        {
            indexes[i] = MerkleTree.StoredHashIndex(Height * Level, start + i);
        }
        return indexes;
    }

    /// <summary>This hash tile's bytes (W × 32) from stored hashes (Go: <c>ReadTileData</c>).</summary>
    public byte[] ReadData(IHashReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var indexes = StoredHashIndexes();
        var hashes = reader.ReadHashes(indexes);
        if (hashes.Count != indexes.Length)
        {
            throw new TlogException($"ReadHashes({indexes.Length} indexes) returned {hashes.Count} hashes.");
        }
        return Concatenate(hashes);
    }

    /// <summary>Concatenates hashes into tile data.</summary>
    public static byte[] Concatenate(IReadOnlyList<Hash> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        var data = new byte[hashes.Count * Hash.Size];
        for (var i = 0; i < hashes.Count; i++)
        {
            hashes[i].CopyTo(data.AsSpan(i * Hash.Size));
        }
        return data;
    }

    /// <summary>
    /// The stored hash at <paramref name="storedIndex"/> computed from this tile's <paramref name="data"/>
    /// (Go: <c>HashFromTile</c>): higher levels inside the tile are hashed from the tile's level-0 hashes.
    /// </summary>
    public Hash HashFromTile(HashProfile profile, ReadOnlySpan<byte> data, long storedIndex)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (IsEntries || Width < 1 || Width > FullWidth)
        {
            throw new TlogException($"Invalid tile {Path}.");
        }
        if (data.Length < Width * Hash.Size)
        {
            throw new TlogException($"Data length {data.Length} too short for tile {Path}.");
        }
        var t1 = ForIndex(storedIndex, out var start, out var end);
        if (t1.Level != Level || t1.Index != Index || Width < t1.Width)
        {
            throw new TlogException($"Stored hash {storedIndex} is in {t1.Path}, not {Path}.");
        }
        return SubtreeHash(profile, data[start..end]);
    }

    private static Hash SubtreeHash(HashProfile profile, ReadOnlySpan<byte> data)
    {
        if (data.Length == Hash.Size)
        {
            return new Hash(data);
        }
        var half = data.Length / 2;
        return profile.NodeHash(SubtreeHash(profile, data[..half]), SubtreeHash(profile, data[half..]));
    }

    private static Tile ForIndex(long storedIndex, out int start, out int end)
    {
        var (level, n) = MerkleTree.SplitStoredHashIndex(storedIndex);
        var tileLevel = level / Height;
        level -= tileLevel * Height;
        var tileN = n << level >> Height;
        n -= tileN << Height >> level;
        var width = (int)((n + 1) << level);
        start = (int)(n << level) * Hash.Size;
        end = (int)((n + 1) << level) * Hash.Size;
        return new Tile(tileLevel, tileN, width);
    }
}

/// <summary>C2SP tlog-tiles entry bundles: each entry as a big-endian uint16 length followed by its bytes.</summary>
public static class EntryBundle
{
    /// <summary>Largest entry an entry bundle can hold.</summary>
    public const int MaxEntrySize = ushort.MaxValue;

    /// <summary>Encodes entries into an entry bundle.</summary>
    public static byte[] Format(IEnumerable<ReadOnlyMemory<byte>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var stream = new MemoryStream();
        Span<byte> prefix = stackalloc byte[2];
        foreach (var entry in entries)
        {
            if (entry.Length > MaxEntrySize)
            {
                throw new ArgumentException($"Entry of {entry.Length} bytes exceeds {MaxEntrySize}.", nameof(entries));
            }
            BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)entry.Length);
            stream.Write(prefix);
            stream.Write(entry.Span);
        }
        return stream.ToArray();
    }

    /// <summary>Decodes an entry bundle; false if it is truncated or has trailing bytes.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out IReadOnlyList<byte[]> entries)
    {
        var list = new List<byte[]>();
        entries = list;
        while (data.Length > 0)
        {
            if (data.Length < 2)
            {
                return false;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data);
            if (data.Length < 2 + length)
            {
                return false;
            }
            list.Add(data.Slice(2, length).ToArray());
            data = data[(2 + length)..];
        }
        return true;
    }
}
