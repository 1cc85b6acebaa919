using System.Buffers.Binary;
using System.Net;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Tlog;

namespace TalentPass.IntegrationTests.Ledger;

/// <summary>The C2SP tlog-tiles read API: a client rebuilds the checkpoint's root from tiles alone.</summary>
public sealed class LedgerTilesApiTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tiles_OfThePublishedCheckpoint_RebuildItsRootAndFullTilesAreImmutable()
    {
        await Task.WhenAll(Enumerable.Range(0, 260).Select(_ => LedgerApi.AppendAsync(factory, LedgerApi.Draft())));
        var operatorClient = await factory.CreateClientAsAsync("demo-operator");
        (await operatorClient.PostAsync(new Uri("/api/v1/ledger/checkpoints", UriKind.Relative), null, Ct)).EnsureSuccessStatusCode();
        var client = factory.CreateAnonymousClient();

        var text = await client.GetStringAsync(new Uri("/ledger/checkpoint", UriKind.Relative), Ct);
        SignedNote.TryParse(text, out var note, out _).ShouldBeTrue();
        var checkpoint = Checkpoint.Parse(note.Text);
        var reader = new HttpTileReader(client);
        var profile = HashProfile.Sha256;
        var hashes = new List<Hash>();
        foreach (var tile in Tile.TilesForSize(checkpoint.Size).Where(t => t.Level == 0))
        {
            var data = await reader.GetAsync(tile.Path);
            data.Length.ShouldBe(tile.Width * Hash.Size);
            for (var i = 0; i < tile.Width; i++)
            {
                hashes.Add(new Hash(data.AsSpan(i * Hash.Size, Hash.Size)));
            }
        }

        var builder = new TreeBuilder(profile);
        hashes.ForEach(builder.AppendLeafHash);
        builder.RootHash().ShouldBe(checkpoint.RootHash);

        var full = await client.GetAsync(new Uri("/ledger/tile/0/000", UriKind.Relative), Ct);
        full.StatusCode.ShouldBe(HttpStatusCode.OK);
        full.Headers.CacheControl!.ToString().ShouldContain("immutable");
        var entries = await (await client.GetAsync(new Uri("/ledger/tile/entries/000", UriKind.Relative), Ct)).Content.ReadAsByteArrayAsync(Ct);
        var first = entries.AsSpan(2, BinaryPrimitives.ReadUInt16BigEndian(entries)).ToArray();
        profile.LeafHash(first).ShouldBe(hashes[0]);
    }

    [Theory]
    [InlineData("/ledger/tile/0/x000/001")]
    [InlineData("/ledger/tile/0/1")]
    [InlineData("/ledger/tile/0/999.p/0")]
    [InlineData("/ledger/tile/9/x999/x999/999")]
    public async Task Tile_MalformedOrMissing_IsNotFound(string path)
    {
        var response = await factory.CreateAnonymousClient().GetAsync(new Uri(path, UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private sealed class HttpTileReader(HttpClient client)
    {
        public async Task<byte[]> GetAsync(string path) =>
            await client.GetByteArrayAsync(new Uri("/ledger/" + path, UriKind.Relative), TestContext.Current.CancellationToken);
    }
}
