using System.Text;
using TalentPass.Tlog;

namespace TalentPass.UnitTests.Tlog;

public sealed class TileAndCheckpointTests
{
    [Theory]
    [InlineData(0, 1234067, 256, "tile/0/x001/x234/067")] // C2SP tlog-tiles example
    [InlineData(1, 0, 256, "tile/1/000")]
    [InlineData(0, 1000, 17, "tile/0/x001/000.p/17")]
    [InlineData(-1, 5, 3, "tile/entries/005.p/3")]
    [InlineData(2, 999, 256, "tile/2/999")]
    public void Path_FormatsAndParsesBack(int level, long index, int width, string path)
    {
        var tile = new Tile(level, index, width);
        tile.Path.ShouldBe(path);
        Tile.TryParsePath(path, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(tile);
    }

    [Theory]
    [InlineData("tile/0/1234067")]
    [InlineData("tile/0/x001/x234/67")]
    [InlineData("tile/0/001/234/067")]
    [InlineData("tile/0/067.p/256")]
    [InlineData("tile/0/067.p/0")]
    [InlineData("tile/8/0/067")]
    [InlineData("tile/x/067")]
    [InlineData("tiles/0/067")]
    public void TryParsePath_NonCanonical_IsRefused(string path) => Tile.TryParsePath(path, out _).ShouldBeFalse();

    [Fact]
    public void TileData_HashFromTile_MatchesStoredHashes()
    {
        // As Go's TestTree: every stored hash can be recovered from its tile, at every tree size.
        var store = new MemoryHashStore(HashProfile.Sha256);
        for (var i = 0; i < 600; i++)
        {
            store.Append(Encoding.UTF8.GetBytes($"entry {i}"));
        }
        var count = MerkleTree.StoredHashCount(store.Size);
        for (long index = 0; index < count; index += 7)
        {
            var tile = Tile.ForStoredHashIndex(index);
            var data = tile.ReadData(store);
            tile.HashFromTile(HashProfile.Sha256, data, index).ShouldBe(store.ReadHashes([index])[0]);
        }
    }

    [Fact]
    public void TilesForSize_LevelOneTileCoversFullLevelZeroTiles()
    {
        var store = new MemoryHashStore(HashProfile.Sha256);
        for (var i = 0; i < 70_000; i++)
        {
            store.AppendLeafHash(HashProfile.Sha256.Digest(BitConverter.GetBytes(i)));
        }
        var tiles = Tile.TilesForSize(70_000);
        tiles.ShouldContain(new Tile(0, 273, 112));
        tiles.ShouldContain(new Tile(1, 1, 17));
        tiles.ShouldContain(new Tile(2, 0, 1));
        // The 6th hash of level-1 tile 0 is the root of the 256 leaf hashes in level-0 tile 5.
        var level0 = new Tile(0, 5, 256).ReadData(store);
        var level1 = new Tile(1, 0, 256).ReadData(store);
        new Hash(level1.AsSpan(5 * 32, 32)).ShouldBe(Fold(level0));
        new Tile(1, 0, 256).HashFromTile(HashProfile.Sha256, level1, MerkleTree.StoredHashIndex(8, 5)).ShouldBe(Fold(level0));
    }

    private static Hash Fold(ReadOnlySpan<byte> data) => data.Length == 32
        ? new Hash(data)
        : HashProfile.Sha256.NodeHash(Fold(data[..(data.Length / 2)]), Fold(data[(data.Length / 2)..]));

    [Fact]
    public void NewTiles_FromOneSizeToAnother_ListsGrownTiles()
    {
        var tiles = Tile.NewTiles(250, 260);
        tiles.ShouldContain(new Tile(0, 0, 256));
        tiles.ShouldContain(new Tile(0, 1, 4));
        tiles.ShouldContain(new Tile(1, 0, 1));
        tiles.ShouldNotContain(new Tile(0, 0, 250));
    }

    [Fact]
    public void EntryBundle_RoundTripsAndRefusesTruncation()
    {
        byte[][] entries = ["a"u8.ToArray(), [], new byte[300]];
        var bundle = EntryBundle.Format(entries.Select(e => (ReadOnlyMemory<byte>)e));
        bundle.Length.ShouldBe(2 + 1 + 2 + 2 + 300);
        bundle[..3].ShouldBe(new byte[] { 0, 1, (byte)'a' });
        EntryBundle.TryParse(bundle, out var parsed).ShouldBeTrue();
        parsed.Select(p => p.Length).ShouldBe([1, 0, 300]);
        EntryBundle.TryParse(bundle.AsSpan(0, bundle.Length - 1), out _).ShouldBeFalse();
    }

    [Fact]
    public void Checkpoint_FormatsAndParses()
    {
        var root = Hash.ParseBase64("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
        var checkpoint = new Checkpoint("example.com/behind-the-sofa", 20852163, root, ["ext line"]);
        var body = checkpoint.ToBody();
        body.ShouldBe("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\next line\n");
        Checkpoint.Parse(body).ShouldBe(checkpoint);
    }

    [Theory]
    [InlineData("example.com/log\n020\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("example.com/log\n-1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("example.com/log\n20\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n")]
    [InlineData("example.com/log\n20\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=")]
    [InlineData("\n20\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("example.com/log\n20\n")]
    public void Checkpoint_Malformed_IsRefused(string body) => Checkpoint.TryParse(body, out _, out _).ShouldBeFalse();
}
