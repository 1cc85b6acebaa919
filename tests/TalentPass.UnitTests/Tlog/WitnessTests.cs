using System.Net;
using System.Text;
using TalentPass.Tlog;

namespace TalentPass.UnitTests.Tlog;

public sealed class WitnessTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tp-witness-" + Guid.NewGuid().ToString("N"));
    private readonly LogFixture _log = new(entries: 20);
    private readonly FileWitnessStateStore _store;
    private readonly Witness _witness;
    private readonly CosignatureSigner _signer;

    public WitnessTests()
    {
        _store = new FileWitnessStateStore(_directory);
        _signer = NoteSigner.GenerateCosigner("witness.notary.example", _log.Clock);
        _witness = new Witness(_signer, [WitnessedLog.FromVerifierKey(_log.LogKey.VerifierKey)], _store);
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private WitnessResponse Add(long oldSize, long size, IReadOnlyList<Hash>? proof = null, SignedNote? note = null)
    {
        proof ??= oldSize == 0 || oldSize == size ? [] : MerkleTree.ProveTree(_log.Profile, size, oldSize, _log.Store);
        return _witness.AddCheckpoint(new AddCheckpointRequest(oldSize, proof, note ?? _log.SignedCheckpoint(size)).ToString());
    }

    [Fact]
    public void AddCheckpoint_FirstThenConsistent_CosignsEachWithValidCosignature()
    {
        var first = Add(0, 5);
        first.StatusCode.ShouldBe(200, first.Body);
        var second = Add(5, 20);
        second.StatusCode.ShouldBe(200, second.Body);

        NoteSignature.TryParse(second.Body, out var cosignature).ShouldBeTrue();
        var cosigned = _log.SignedCheckpoint(20).WithSignatures([cosignature]);
        _log.Policy([_signer], required: 1).VerifyCheckpoint(cosigned).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void AddCheckpoint_StaleOldSize_Is409WithLatestSize()
    {
        Add(0, 8).StatusCode.ShouldBe(200);
        var response = Add(5, 20);
        response.StatusCode.ShouldBe(409);
        response.ContentType.ShouldBe("text/x.tlog.size");
        response.Body.ShouldBe("8\n");
    }

    [Fact]
    public void AddCheckpoint_SameSizeDifferentRoot_Is409()
    {
        Add(0, 8).StatusCode.ShouldBe(200);
        var fork = new Checkpoint(LogFixture.Origin, 8, _log.Store.TreeHash(7)).Sign(_log.LogKey);
        Add(8, 8, [], fork).StatusCode.ShouldBe(409);
        Add(8, 8).StatusCode.ShouldBe(200);
    }

    [Fact]
    public void AddCheckpoint_BadConsistencyProof_Is422AndStateUnchanged()
    {
        Add(0, 8).StatusCode.ShouldBe(200);
        var proof = MerkleTree.ProveTree(_log.Profile, 20, 8, _log.Store);
        proof[0] = HashProfile.Sha256.Digest("forged"u8);
        Add(8, 20, proof).StatusCode.ShouldBe(422);
        Add(0, 20, [HashProfile.Sha256.Digest("x"u8)]).StatusCode.ShouldBe(409);
        _store.Read(LogFixture.Origin)!.Size.ShouldBe(8);
    }

    [Fact]
    public void AddCheckpoint_ForkedTreeWithProofFromIt_Is422()
    {
        Add(0, 8).StatusCode.ShouldBe(200);
        // Another tree with the same first 7 entries but a different 8th: its proof cannot link to the cosigned root.
        var fork = new LogFixture(entries: 0);
        for (var i = 0; i < 20; i++)
        {
            fork.Store.Append(i == 7 ? "rewritten"u8.ToArray() : _log.Entries[i]);
        }
        var note = new Checkpoint(LogFixture.Origin, 20, fork.Store.TreeHash()).Sign(_log.LogKey);
        Add(8, 20, MerkleTree.ProveTree(_log.Profile, 20, 8, fork.Store), note).StatusCode.ShouldBe(422);
    }

    [Fact]
    public void AddCheckpoint_UnknownKeyOrTamperedSignature_Is403_UnknownOrigin_Is404()
    {
        var stranger = NoteSigner.GenerateEd25519(LogFixture.Origin);
        Add(0, 5, note: _log.Checkpoint(5).Sign(stranger)).StatusCode.ShouldBe(403);

        var note = _log.SignedCheckpoint(5);
        var tampered = new SignedNote(new Checkpoint(LogFixture.Origin, 5, _log.Store.TreeHash(4)).ToBody(), note.Signatures);
        Add(0, 5, note: tampered).StatusCode.ShouldBe(403);

        var other = NoteSigner.GenerateEd25519("other.example/log");
        Add(0, 5, note: new Checkpoint("other.example/log", 5, _log.Store.TreeHash(5)).Sign(other)).StatusCode.ShouldBe(404);
        _store.Read(LogFixture.Origin).ShouldBeNull();
    }

    [Theory]
    [InlineData("old 1\n")]
    [InlineData("old x\n\nbody\n\n— a AAAAAAA=\n")]
    [InlineData("")]
    public void AddCheckpoint_MalformedBody_Is400(string body) => _witness.AddCheckpoint(body).StatusCode.ShouldBe(400);

    [Fact]
    public void AddCheckpoint_OldSizeAboveCheckpoint_Is400() => Add(10, 5, []).StatusCode.ShouldBe(400);

    [Fact]
    public void State_SurvivesRestart_AndSecondProcessIsLockedOut()
    {
        Add(0, 12).StatusCode.ShouldBe(200);
        Should.Throw<IOException>(() => new FileWitnessStateStore(_directory));
        _store.Dispose();
        using var reopened = new FileWitnessStateStore(_directory);
        var state = reopened.Read(LogFixture.Origin)!;
        state.Size.ShouldBe(12);
        state.RootHash.ShouldBe(_log.Store.TreeHash(12));
        Directory.GetFiles(_directory, "*.tmp").ShouldBeEmpty();
    }

    [Fact]
    public async Task Client_SubmitAsync_RecoversFrom409AndReturnsVerifiedCosignature()
    {
        Add(0, 6).StatusCode.ShouldBe(200);
        using var http = new HttpClient(new WitnessHandler(_witness));
        var client = new WitnessClient(http, new Uri("http://witness.test/prefix"), _signer.Verifier);

        var result = await client.SubmitAsync(
            _log.SignedCheckpoint(20),
            oldSizeGuess: 0,
            (oldSize, newSize, _) => ValueTask.FromResult<IReadOnlyList<Hash>>(MerkleTree.ProveTree(_log.Profile, newSize, oldSize, _log.Store)),
            TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(WitnessOutcome.Cosigned, result.Message);
        result.Cosignatures.Single().Name.ShouldBe("witness.notary.example");
        _store.Read(LogFixture.Origin)!.Size.ShouldBe(20);
    }

    [Fact]
    public async Task Client_AddCheckpointAsync_MapsRefusals()
    {
        Add(0, 6).StatusCode.ShouldBe(200);
        using var http = new HttpClient(new WitnessHandler(_witness));
        var client = new WitnessClient(http, new Uri("http://witness.test/"), _signer.Verifier);
        var ct = TestContext.Current.CancellationToken;

        (await client.AddCheckpointAsync(_log.SignedCheckpoint(20), 3, [], ct)).LatestSize.ShouldBe(6);
        (await client.AddCheckpointAsync(_log.SignedCheckpoint(20), 6, [HashProfile.Sha256.Digest("x"u8)], ct)).Outcome.ShouldBe(WitnessOutcome.BadProof);
        (await client.AddCheckpointAsync(_log.Checkpoint(20).Sign(NoteSigner.GenerateEd25519(LogFixture.Origin)), 6, [], ct)).Outcome.ShouldBe(WitnessOutcome.Forbidden);
    }

    private sealed class WitnessHandler(Witness witness) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri!.AbsolutePath.ShouldEndWith("/add-checkpoint");
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var answer = witness.AddCheckpoint(body);
            var content = new StringContent(answer.Body, Encoding.UTF8);
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(answer.ContentType);
            return new HttpResponseMessage((HttpStatusCode)answer.StatusCode) { Content = content };
        }
    }
}
