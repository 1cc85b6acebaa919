using System.Data.Common;
using TalentPass.Tlog;

namespace TalentPass.Modules.Ledger.Persistence;

/// <summary>
/// Reads stored hashes (Go <c>sumdb/tlog</c> layout) from the stored tiles, as Go's <c>TileHashReader</c> does:
/// each hash comes from the one tile that holds it; tiles are read once per reader.
/// </summary>
internal sealed class TileHashReader(HashProfile profile, DbConnection connection) : IAsyncHashReader
{
    private readonly Dictionary<(int, long), Domain.Tile?> tiles = [];

    public async ValueTask<IReadOnlyList<Hash>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken)
    {
        var hashes = new Hash[indexes.Count];
        for (var i = 0; i < indexes.Count; i++)
        {
            var tile = Tlog.Tile.ForStoredHashIndex(indexes[i]);
            if (!tiles.TryGetValue((tile.Level, tile.Index), out var stored))
            {
                stored = await LedgerSql.ReadTileAsync(connection, null, tile.Level, tile.Index, cancellationToken);
                tiles[(tile.Level, tile.Index)] = stored;
            }

            if (stored is null || stored.Width < tile.Width)
            {
                throw new TlogException($"Tile {tile.Path} is not stored (needed for stored hash {indexes[i]}).");
            }

            hashes[i] = tile.HashFromTile(profile, stored.Hashes, indexes[i]);
        }

        return hashes;
    }
}
