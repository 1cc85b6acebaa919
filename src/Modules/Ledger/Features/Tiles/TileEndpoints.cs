using System.Buffers.Binary;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using TalentPass.Modules.Ledger.Domain;
using TalentPass.Modules.Ledger.Features.Checkpoints;
using TalentPass.Modules.Ledger.Persistence;

namespace TalentPass.Modules.Ledger.Features.Tiles;

/// <summary>
/// The C2SP tlog-tiles read API under <c>/ledger/</c>, anonymous: <c>checkpoint</c>, hash tiles and entry bundles.
/// Full tiles never change (cached for a year, immutable); partial tiles and the checkpoint briefly.
/// </summary>
internal static class TileEndpoints
{
    private const string FullTileCache = "public, max-age=31536000, immutable";
    private const string PartialCache = "public, max-age=5";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var ledger = endpoints.MapGroup("/ledger").WithTags("Ledger tiles").AllowAnonymous();
        ledger.MapGet("/checkpoint", async (CheckpointReader checkpoints, HttpContext context, CancellationToken ct) =>
            {
                var latest = await checkpoints.LatestPublishedAsync(ct);
                context.Response.Headers.CacheControl = "no-cache";
                return latest is null
                    ? Results.Text("no checkpoint published yet\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound)
                    : Results.Text(latest.Text, "text/plain; charset=utf-8");
            })
            .ExcludeFromDescription() // C2SP tlog-tiles protocol (docs/ledger-formats.md), not the JSON API
            .WithName("GetLedgerCheckpoint")
            .WithSummary("The latest published checkpoint (C2SP tlog-checkpoint, signed note with witness cosignatures)");

        ledger.MapGet("/tile/{**path}", async (string path, LedgerDbContext db, HttpContext context, CancellationToken ct) =>
            {
                if (!TilePath.TryParse(path, out var tile))
                {
                    return NotFound();
                }

                return tile.IsEntries ? await EntriesAsync(db, tile, context, ct) : await HashesAsync(db, tile, context, ct);
            })
            .ExcludeFromDescription()
            .WithName("GetLedgerTile")
            .WithSummary("A hash tile tile/<L>/<N>[.p/<W>] or an entry bundle tile/entries/<N>[.p/<W>] (C2SP tlog-tiles)");
    }

    private static async Task<IResult> HashesAsync(LedgerDbContext db, TilePath tile, HttpContext context, CancellationToken ct)
    {
        var row = await db.Tiles.AsNoTracking().SingleOrDefaultAsync(t => t.Level == tile.Level && t.TileIndex == tile.Index, ct);
        var width = tile.PartialWidth ?? Tile.FullWidth;
        if (row is null || row.Width < width)
        {
            return NotFound();
        }

        context.Response.Headers.CacheControl = tile.PartialWidth is null ? FullTileCache : PartialCache;
        return Results.Bytes(row.Hashes.AsMemory(0, width * LogHasher.HashSize), "application/octet-stream");
    }

    private static async Task<IResult> EntriesAsync(LedgerDbContext db, TilePath tile, HttpContext context, CancellationToken ct)
    {
        var width = tile.PartialWidth ?? Tile.FullWidth;
        var first = tile.Index * Tile.FullWidth;
        var entries = await db.Entries.AsNoTracking()
            .Where(e => e.Index >= first && e.Index < first + width)
            .OrderBy(e => e.Index)
            .Select(e => e.Entry)
            .ToListAsync(ct);
        if (entries.Count < width)
        {
            return NotFound();
        }

        var bundle = new byte[entries.Sum(e => 2 + e.Length)];
        var offset = 0;
        foreach (var entry in entries)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bundle.AsSpan(offset), checked((ushort)entry.Length));
            entry.CopyTo(bundle, offset + 2);
            offset += 2 + entry.Length;
        }

        context.Response.Headers.CacheControl = tile.PartialWidth is null ? FullTileCache : PartialCache;
        return Results.Bytes(bundle, "application/octet-stream");
    }

    private static IResult NotFound() => Results.Text("not found\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
}
