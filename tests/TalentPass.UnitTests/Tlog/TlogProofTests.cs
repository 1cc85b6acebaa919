using TalentPass.Tlog;

namespace TalentPass.UnitTests.Tlog;

public sealed class TlogProofTests
{
    private static (LogFixture Log, CosignatureSigner W1, CosignatureSigner W2, string Bundle) Setup(int index = 3)
    {
        var log = new LogFixture(entries: 13);
        var w1 = NoteSigner.GenerateCosigner("witness.bank-a.example", log.Clock);
        var w2 = NoteSigner.GenerateCosigner("witness.notary.example", log.Clock);
        var checkpoint = log.SignedCheckpoint(extra: [w1, w2]);
        return (log, w1, w2, log.Bundle(index, checkpoint).ToString());
    }

    [Fact]
    public void Format_FollowsC2spLayout()
    {
        var (_, _, _, bundle) = Setup();
        var lines = bundle.Split('\n');
        lines[0].ShouldBe("c2sp.org/tlog-proof@v1");
        lines[1].ShouldStartWith("extra ");
        lines[2].ShouldBe("index 3");
        bundle.ShouldContain("\n\n" + LogFixture.Origin + "\n13\n");
        TlogProof.Parse(bundle).ToString().ShouldBe(bundle);
    }

    [Fact]
    public void Verify_ValidBundleAndDocument_ReportsIndexTimeAndWitnesses()
    {
        var (log, w1, w2, bundle) = Setup();
        using var document = new MemoryStream(LogFixture.Document(3));

        var result = TlogProofVerifier.Verify(bundle, log.Policy([w1, w2], required: 2), document);

        result.IsValid.ShouldBeTrue(result.Reason);
        result.Index.ShouldBe(3);
        result.Checkpoint!.Size.ShouldBe(13);
        result.Evidence!.Kind.ShouldBe("agreement");
        result.Evidence.Time.ShouldBe(log.Clock.GetUtcNow().AddMinutes(3));
        result.Witnesses.Select(w => w.Name).ShouldBe(["witness.bank-a.example", "witness.notary.example"]);
        result.DocumentChecked.ShouldBeTrue();
    }

    [Fact]
    public void Verify_OtherDocument_IsRefusedAsMismatch()
    {
        var (log, _, _, bundle) = Setup();
        using var document = new MemoryStream(LogFixture.Document(4));
        var result = TlogProofVerifier.Verify(bundle, log.Policy(), document);
        result.IsValid.ShouldBeFalse();
        result.Failure.ShouldBe(ProofFailure.DocumentMismatch);
    }

    [Fact]
    public void Verify_TamperedEntry_IsRefusedAsNotIncluded()
    {
        var (log, _, _, bundle) = Setup();
        var proof = TlogProof.Parse(bundle);
        var forged = LogFixture.Entry(LogFixture.Document(99), log.Clock.GetUtcNow());
        var result = TlogProofVerifier.Verify((proof with { Extra = forged }).ToString(), log.Policy(), new MemoryStream(LogFixture.Document(99)));
        result.Failure.ShouldBe(ProofFailure.NotIncluded);
    }

    [Fact]
    public void Verify_TamperedProofLineOrIndex_IsRefused()
    {
        var (log, _, _, bundle) = Setup();
        var proof = TlogProof.Parse(bundle);
        var hashes = proof.InclusionProof.ToArray();
        hashes[1] = HashProfile.Sha256.Digest("x"u8);
        TlogProofVerifier.Verify(proof with { InclusionProof = hashes }, log.Policy()).Failure.ShouldBe(ProofFailure.NotIncluded);
        TlogProofVerifier.Verify(proof with { Index = 4 }, log.Policy()).Failure.ShouldBe(ProofFailure.NotIncluded);
        TlogProofVerifier.Verify(proof with { Index = 13 }, log.Policy()).Failure.ShouldBe(ProofFailure.NotIncluded);
    }

    [Fact]
    public void Verify_TamperedCheckpointRoot_IsRefusedAsBadLogSignature()
    {
        var (log, _, _, bundle) = Setup();
        var root = log.Store.TreeHash().ToBase64();
        var otherRoot = log.Store.TreeHash(12).ToBase64();
        var result = TlogProofVerifier.Verify(bundle.Replace(root, otherRoot, StringComparison.Ordinal), log.Policy());
        result.Failure.ShouldBe(ProofFailure.BadLogSignature);
    }

    [Fact]
    public void Verify_OtherLogKeyOrOrigin_IsRefused()
    {
        var (log, _, _, bundle) = Setup();
        var stranger = NoteSigner.GenerateEd25519(LogFixture.Origin);
        TlogProofVerifier.Verify(bundle, log.Policy() with { LogKeys = [stranger.Verifier] }).Failure.ShouldBe(ProofFailure.BadLogSignature);
        TlogProofVerifier.Verify(bundle, log.Policy() with { Origin = "other.example/log" }).Failure.ShouldBe(ProofFailure.WrongLog);
    }

    [Fact]
    public void Verify_TooFewOrForgedWitnesses_IsRefused()
    {
        var (log, w1, w2, bundle) = Setup();
        var w3 = NoteSigner.GenerateCosigner("witness.third.example", log.Clock);
        TlogProofVerifier.Verify(bundle, log.Policy([w1, w3], required: 2)).Failure.ShouldBe(ProofFailure.NotEnoughWitnesses);

        var proof = TlogProof.Parse(bundle);
        var signatures = proof.Checkpoint.Signatures.ToList();
        var w1Index = signatures.FindIndex(s => s.Name == w1.Name);
        var bytes = signatures[w1Index].Signature.ToArray();
        bytes[20] ^= 0x55;
        signatures[w1Index] = signatures[w1Index] with { Signature = bytes };
        var forged = proof with { Checkpoint = new SignedNote(proof.Checkpoint.Text, signatures) };
        TlogProofVerifier.Verify(forged, log.Policy([w1, w2], required: 1)).Failure.ShouldBe(ProofFailure.BadWitnessSignature);
    }

    [Theory]
    [InlineData("c2sp.org/tlog-proof@v2\nindex 1\n\nx\n\n— a AAAAAAA=\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 01\n\nx\n\n— a AAAAAAA=\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\nnot-a-hash\n\nx\n\n— a AAAAAAA=\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\n")]
    [InlineData("")]
    public void Verify_MalformedBundle_IsRefused(string bundle)
    {
        var log = new LogFixture(entries: 1);
        TlogProofVerifier.Verify(bundle, log.Policy()).Failure.ShouldBe(ProofFailure.MalformedBundle);
    }

    [Fact]
    public void Verify_Sm3Log_WithSm2Line_IsValidAndRequiresSm2WhenAsked()
    {
        var log = new LogFixture(entries: 5, HashProfile.Sm3);
        var sm2 = NoteSigner.GenerateSm2(LogFixture.Origin);
        var bundle = log.Bundle(2, log.SignedCheckpoint(extra: [sm2])).ToString();
        var policy = log.Policy() with { LogKeys = [log.LogKey.Verifier, sm2.Verifier], RequireAllLogKeys = true };
        TlogProofVerifier.Verify(bundle, policy, new MemoryStream(LogFixture.Document(2))).IsValid.ShouldBeTrue();

        var withoutSm2 = log.Bundle(2, log.SignedCheckpoint()).ToString();
        TlogProofVerifier.Verify(withoutSm2, policy).Failure.ShouldBe(ProofFailure.BadLogSignature);
        TlogProofVerifier.Verify(withoutSm2, policy with { RequireAllLogKeys = false }).IsValid.ShouldBeTrue();

        var sm2Signature = TlogProof.Parse(bundle).Checkpoint.Signatures.Single(s => s.KeyId == sm2.KeyId);
        var badSm2 = sm2Signature with { Signature = [.. sm2Signature.Signature[..63], (byte)(sm2Signature.Signature[63] ^ 1)] };
        var proof = TlogProof.Parse(bundle);
        var forged = proof with { Checkpoint = new SignedNote(proof.Checkpoint.Text, [.. proof.Checkpoint.Signatures.Where(s => s != sm2Signature), badSm2]) };
        TlogProofVerifier.Verify(forged, policy with { RequireAllLogKeys = false }).Failure.ShouldBe(ProofFailure.BadLogSignature);
        TlogProofVerifier.Verify(bundle, log.Policy() with { Profile = HashProfile.Sha256 }).Failure.ShouldBe(ProofFailure.NotIncluded);
    }
}
