namespace TalentPass.Modules.Ledger.Domain;

/// <summary>A C2SP tlog-tiles hash tile: level, index and its first <see cref="Width"/> hashes (32 bytes each).</summary>
internal sealed record Tile(int Level, long Index, int Width, byte[] Hashes)
{
    public const int Height = 8;
    public const int FullWidth = 1 << Height;
}

/// <summary>
/// The right edge of the tree as the partial tile of each level, enough to append leaves, to know which tiles
/// changed and to compute the root (RFC 6962). Loaded from the stored tiles on start and after any failure.
/// </summary>
internal sealed class TreeEdge
{
    private readonly LogHasher hasher;
    private readonly List<List<byte[]>> levels = [];
    private readonly Dictionary<(int Level, long Index), Tile?> changed = [];

    private TreeEdge(LogHasher hasher, long size)
    {
        this.hasher = hasher;
        Size = size;
    }

    public long Size { get; private set; }

    /// <summary>Hashes at level <paramref name="level"/> (tile level) in total for a tree of <paramref name="size"/> leaves.</summary>
    public static long CountAt(long size, int level)
    {
        var count = size;
        for (var i = 0; i < level; i++)
        {
            count /= Tile.FullWidth;
        }

        return count;
    }

    /// <summary>The partial tiles (level, index, width) a tree of <paramref name="size"/> has, lowest level first.</summary>
    public static IEnumerable<(int Level, long Index, int Width)> EdgeTiles(long size)
    {
        for (var level = 0; CountAt(size, level) > 0; level++)
        {
            var count = CountAt(size, level);
            yield return (level, count / Tile.FullWidth, (int)(count % Tile.FullWidth));
        }
    }

    public static TreeEdge Load(LogHasher hasher, long size, Func<int, long, Tile?> readTile)
    {
        var edge = new TreeEdge(hasher, size);
        foreach (var (level, index, width) in EdgeTiles(size))
        {
            var hashes = new List<byte[]>(Tile.FullWidth);
            if (width > 0)
            {
                var tile = readTile(level, index) ?? throw new InvalidOperationException($"Tile {level}/{index} is missing for tree size {size}.");
                if (tile.Width < width)
                {
                    throw new InvalidOperationException($"Tile {level}/{index} has {tile.Width} hashes, tree size {size} needs {width}.");
                }

                for (var i = 0; i < width; i++)
                {
                    hashes.Add(tile.Hashes.AsSpan(i * LogHasher.HashSize, LogHasher.HashSize).ToArray());
                }
            }

            edge.levels.Add(hashes);
        }

        return edge;
    }

    public static TreeEdge Empty(LogHasher hasher) => new(hasher, 0);

    public void Append(byte[] leafHash)
    {
        var hash = leafHash;
        for (var level = 0; ; level++)
        {
            if (levels.Count == level)
            {
                levels.Add(new List<byte[]>(Tile.FullWidth));
            }

            var tile = levels[level];
            tile.Add(hash);
            var index = (CountAt(Size + 1, level) - 1) / Tile.FullWidth;
            if (tile.Count < Tile.FullWidth)
            {
                changed[(level, index)] = null; // snapshot taken by TakeChanged
                break;
            }

            var full = Snapshot(level, index, tile);
            changed[(level, index)] = full;
            hash = hasher.PerfectRoot(full.Hashes, 0, Tile.FullWidth);
            tile.Clear();
        }

        Size++;
    }

    /// <summary>Tiles changed since the last call (full ones and the current partial ones).</summary>
    public IReadOnlyList<Tile> TakeChanged()
    {
        var tiles = new List<Tile>(changed.Count);
        foreach (var ((level, index), full) in changed)
        {
            tiles.Add(full ?? Snapshot(level, index, levels[level]));
        }

        changed.Clear();
        return tiles;
    }

    public byte[] Root()
    {
        if (Size == 0)
        {
            return hasher.Empty();
        }

        var subtrees = new List<byte[]>();
        for (var level = levels.Count - 1; level >= 0; level--)
        {
            var tile = levels[level];
            var flat = tile.SelectMany(h => h).ToArray();
            var offset = 0;
            for (var bit = Tile.FullWidth / 2; bit > 0; bit /= 2)
            {
                if ((tile.Count & bit) != 0)
                {
                    subtrees.Add(hasher.PerfectRoot(flat, offset, bit));
                    offset += bit;
                }
            }
        }

        var root = subtrees[^1];
        for (var i = subtrees.Count - 2; i >= 0; i--)
        {
            root = hasher.Node(subtrees[i], root);
        }

        return root;
    }

    private static Tile Snapshot(int level, long index, List<byte[]> hashes)
    {
        var data = new byte[hashes.Count * LogHasher.HashSize];
        for (var i = 0; i < hashes.Count; i++)
        {
            hashes[i].CopyTo(data, i * LogHasher.HashSize);
        }

        return new Tile(level, index, hashes.Count, data);
    }
}
