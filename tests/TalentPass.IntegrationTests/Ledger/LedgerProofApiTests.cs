using System.Net;
using System.Text.Json;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Tlog;

namespace TalentPass.IntegrationTests.Ledger;

/// <summary>Checkpoints, inclusion and consistency proofs, checked with the offline library as a partner would.</summary>
public sealed class LedgerProofApiTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InclusionProof_NewEntry_VerifiesAgainstTheSignedCheckpoint()
    {
        var appended = await LedgerApi.AppendAsync(factory, LedgerApi.Draft());
        var client = factory.CreateAnonymousClient();

        var proof = await (await client.GetAsync(new Uri($"/api/v1/ledger/entries/{appended.Index}/proof", UriKind.Relative), Ct)).ReadJsonAsync();
        var keys = await (await client.GetAsync(new Uri("/api/v1/ledger/verifier-key", UriKind.Relative), Ct)).ReadJsonAsync();

        var checkpoint = VerifiedCheckpoint(proof.GetProperty("checkpoint").GetString()!, keys);
        var profile = HashProfile.Get(keys.GetProperty("hashProfile").GetString()!);
        var entry = Convert.FromBase64String(proof.GetProperty("entry").GetString()!);
        var hashes = proof.GetProperty("proof").EnumerateArray().Select(h => Hash.ParseBase64(h.GetString()!)).ToArray();
        proof.GetProperty("treeSize").GetInt64().ShouldBe(checkpoint.Size);
        MerkleTree.CheckRecord(profile, hashes, checkpoint.Size, checkpoint.RootHash, appended.Index, profile.LeafHash(entry)).ShouldBeTrue();
        EvidenceEntryDigest(entry).ShouldContain("sha256:");
    }

    [Fact]
    public async Task InclusionProof_TamperedProofHash_DoesNotVerify()
    {
        var appended = await LedgerApi.AppendAsync(factory, LedgerApi.Draft());
        var client = factory.CreateAnonymousClient();
        var proof = await (await client.GetAsync(new Uri($"/api/v1/ledger/entries/{appended.Index}/proof", UriKind.Relative), Ct)).ReadJsonAsync();
        var checkpoint = Checkpoint.Parse(SignedNote.TryParse(proof.GetProperty("checkpoint").GetString()!, out var note, out _) ? note.Text : string.Empty);
        var profile = HashProfile.Sha256;
        var hashes = proof.GetProperty("proof").EnumerateArray().Select(h => Hash.ParseBase64(h.GetString()!)).ToArray();
        hashes.Length.ShouldBeGreaterThan(0);
        hashes[0] = profile.LeafHash([1, 2, 3]);

        MerkleTree.CheckRecord(profile, hashes, checkpoint.Size, checkpoint.RootHash, appended.Index,
            profile.LeafHash(Convert.FromBase64String(proof.GetProperty("entry").GetString()!))).ShouldBeFalse();
    }

    [Fact]
    public async Task InclusionProof_IndexBeyondTheTree_IsRefused()
    {
        var client = factory.CreateAnonymousClient();

        var response = await client.GetAsync(new Uri("/api/v1/ledger/entries/999999999/proof", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "ledger.index_beyond_tree");
    }

    [Fact]
    public async Task ConsistencyProof_BetweenTwoCheckpoints_Verifies()
    {
        var office = await factory.CreateClientAsAsync("demo-operator");
        await LedgerApi.AppendAsync(factory, LedgerApi.Draft());
        var first = await (await office.PostAsync(new Uri("/api/v1/ledger/checkpoints", UriKind.Relative), null, Ct)).ReadJsonAsync();
        for (var i = 0; i < 5; i++)
        {
            await LedgerApi.AppendAsync(factory, LedgerApi.Draft());
        }

        var second = await (await office.PostAsync(new Uri("/api/v1/ledger/checkpoints", UriKind.Relative), null, Ct)).ReadJsonAsync();
        var from = first.GetProperty("size").GetInt64();
        var to = second.GetProperty("size").GetInt64();
        var client = factory.CreateAnonymousClient();

        var proof = await (await client.GetAsync(new Uri($"/api/v1/ledger/consistency?from={from}&to={to}", UriKind.Relative), Ct)).ReadJsonAsync();

        var older = Checkpoint.Parse(Body(first.GetProperty("checkpoint").GetString()!));
        var newer = Checkpoint.Parse(Body(second.GetProperty("checkpoint").GetString()!));
        to.ShouldBeGreaterThan(from);
        var hashes = proof.GetProperty("proof").EnumerateArray().Select(h => Hash.ParseBase64(h.GetString()!)).ToArray();
        MerkleTree.CheckTree(HashProfile.Sha256, hashes, to, newer.RootHash, from, older.RootHash).ShouldBeTrue();
    }

    [Fact]
    public async Task ConsistencyProof_SizesOutOfOrder_IsRefused()
    {
        await LedgerApi.AppendAsync(factory, LedgerApi.Draft());
        var client = factory.CreateAnonymousClient();

        var response = await client.GetAsync(new Uri("/api/v1/ledger/consistency?from=5&to=2", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "ledger.tree_size_invalid");
    }

    [Fact]
    public async Task PublishCheckpoint_AsPartnerStaff_IsForbidden()
    {
        var bank = await factory.CreateClientAsAsync("demo-bank");

        var response = await bank.PostAsync(new Uri("/api/v1/ledger/checkpoints", UriKind.Relative), null, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    internal static Checkpoint VerifiedCheckpoint(string text, JsonElement keys)
    {
        SignedNote.TryParse(text, out var note, out var error).ShouldBeTrue(error);
        var verifiers = keys.GetProperty("logKeys").EnumerateArray().Select(k => NoteVerifier.Parse(k.GetString()!)).ToList();
        var opened = note.Open(verifiers);
        opened.IsValid.ShouldBeTrue(opened.Error);
        var checkpoint = Checkpoint.Parse(note.Text);
        checkpoint.Origin.ShouldBe(keys.GetProperty("origin").GetString());
        return checkpoint;
    }

    private static string Body(string signed) => SignedNote.TryParse(signed, out var note, out _) ? note.Text : throw new InvalidOperationException("not a note");

    private static string EvidenceEntryDigest(byte[] entry) => JsonDocument.Parse(entry).RootElement.GetProperty("digest").GetString()!;
}
