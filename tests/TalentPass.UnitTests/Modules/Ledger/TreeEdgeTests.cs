using System.Text;
using TalentPass.Modules.Ledger.Domain;
using TalentPass.Modules.Ledger.Features.Tiles;
using TalentPass.Tlog;
using LedgerTile = TalentPass.Modules.Ledger.Domain.Tile;

namespace TalentPass.UnitTests.Modules.Ledger;

/// <summary>The sequencer's incremental tree edge against the library's reference tree builder and tile layout.</summary>
public sealed class TreeEdgeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(1000)]
    [InlineData(65_537)]
    public void Root_AfterAppends_EqualsTheLibrarysTreeHash(int size)
    {
        var hasher = LogHasher.For("sha256");
        var edge = TreeEdge.Empty(hasher);
        var builder = new TreeBuilder(HashProfile.Sha256);
        for (var i = 0; i < size; i++)
        {
            var leaf = hasher.Leaf(Encoding.ASCII.GetBytes("entry " + i));
            edge.Append(leaf);
            builder.AppendLeafHash(new Hash(leaf));
            if (i % 997 == 0)
            {
                edge.TakeChanged();
            }
        }

        new Hash(edge.Root()).ShouldBe(builder.RootHash());
    }

    [Fact]
    public void Load_FromItsOwnTiles_ContinuesWithTheSameRoots()
    {
        var hasher = LogHasher.For("sha256");
        var edge = TreeEdge.Empty(hasher);
        var stored = new Dictionary<(int, long), LedgerTile>();
        var builder = new TreeBuilder(HashProfile.Sha256);
        for (var i = 0; i < 70_000; i++)
        {
            var leaf = hasher.Leaf(Encoding.ASCII.GetBytes("e" + i));
            builder.AppendLeafHash(new Hash(leaf));
            edge.Append(leaf);
            if (i % 300 == 0 || i == 69_999)
            {
                foreach (var tile in edge.TakeChanged())
                {
                    stored[(tile.Level, tile.Index)] = tile;
                }
            }
        }

        var reloaded = TreeEdge.Load(hasher, edge.Size, (l, n) => stored.GetValueOrDefault((l, n)));
        new Hash(reloaded.Root()).ShouldBe(builder.RootHash());
        var next = hasher.Leaf("next"u8);
        reloaded.Append(next);
        builder.AppendLeafHash(new Hash(next));
        new Hash(reloaded.Root()).ShouldBe(builder.RootHash());
        stored[(1, 0)].Width.ShouldBe(256);
        stored[(2, 0)].Width.ShouldBe(1);
    }

    [Theory]
    [InlineData(0, 0L, null, "0/000")]
    [InlineData(1, 1234067L, null, "1/x001/x234/067")]
    [InlineData(0, 5L, 17, "0/005.p/17")]
    [InlineData(null, 1000L, 3, "entries/x001/000.p/3")]
    public void TilePath_FormatAndParse_AgreeWithTheC2spPaths(int? level, long index, int? width, string path)
    {
        TilePath.Format(level, index, width).ShouldBe(path);
        TilePath.TryParse(path, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(new TilePath(level, index, width));
        TalentPass.Tlog.Tile.TryParsePath("tile/" + path, out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("0/x000/005")]
    [InlineData("0/5")]
    [InlineData("0/005.p/256")]
    [InlineData("0/005.p/0")]
    [InlineData("x/005")]
    public void TilePath_NonCanonical_IsRefused(string path) => TilePath.TryParse(path, out _).ShouldBeFalse();
}
