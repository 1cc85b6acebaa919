using System.Text;
using TalentPass.Tlog;

namespace TalentPass.UnitTests.Tlog;

/// <summary>Vectors from Go's <c>golang.org/x/mod/sumdb/note</c> <c>note_test.go</c> (PeterNeumann / EnochRoot keys).</summary>
public sealed class SignedNoteTests
{
    private const string PeterPrivate = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private const string PeterKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string EnochKey = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    private const string Text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string PeterSig = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private const string EnochSig = "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    [Fact]
    public void FromPrivateKey_GoVector_GivesGoVerifierKey()
    {
        var signer = NoteSigner.FromPrivateKey(PeterPrivate);
        signer.VerifierKey.ShouldBe(PeterKey);
        signer.KeyId.ShouldBe(0xc74f20a3u);
        ((Ed25519NoteSigner)signer).PrivateKey.ShouldBe(PeterPrivate);
    }

    [Fact]
    public void Sign_GoVector_ProducesGoSignature() =>
        SignedNote.Sign(Text, NoteSigner.FromPrivateKey(PeterPrivate)).ToString().ShouldBe(Text + "\n" + PeterSig);

    [Fact]
    public void Open_TwoKnownSignatures_BothVerify()
    {
        SignedNote.TryParse(Text + "\n" + PeterSig + EnochSig, out var note, out var error).ShouldBeTrue(error);
        var result = note.Open([NoteVerifier.Parse(PeterKey), NoteVerifier.Parse(EnochKey)]);
        result.IsValid.ShouldBeTrue(result.Error);
        result.Verified.Select(v => v.Signature.Name).ShouldBe(["PeterNeumann", "EnochRoot"]);
    }

    [Fact]
    public void Open_UnknownKeyOnly_IsRefused()
    {
        SignedNote.TryParse(Text + "\n" + EnochSig, out var note, out _).ShouldBeTrue();
        var result = note.Open([NoteVerifier.Parse(PeterKey)]);
        result.IsValid.ShouldBeFalse();
        result.Error.ShouldBe("note has no verifiable signatures");
        result.Unknown.Count.ShouldBe(1);
    }

    [Fact]
    public void Open_TamperedText_IsRefused()
    {
        SignedNote.TryParse(Text.Replace("answer", "ANSWER", StringComparison.Ordinal) + "\n" + PeterSig, out var note, out _).ShouldBeTrue();
        var result = note.Open([NoteVerifier.Parse(PeterKey)]);
        result.IsValid.ShouldBeFalse();
        result.Error.ShouldBe("invalid signature for key PeterNeumann+c74f20a3");
    }

    [Theory]
    [InlineData("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==")] // wrong key length (Go)
    [InlineData("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")] // unknown algorithm (Go)
    [InlineData("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")] // wrong key ID
    [InlineData("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")] // space in name
    [InlineData("PeterNeumann+c74f20a3")]
    public void ParseVerifierKey_Mangled_IsRefused(string key) => NoteVerifier.TryParse(key, out _).ShouldBeFalse();

    [Fact]
    public void ParseVerifierKey_EveryTruncation_IsRefused()
    {
        for (var i = 1; i < PeterKey.Length; i++)
        {
            NoteVerifier.TryParse(PeterKey[..i], out _).ShouldBeFalse(PeterKey[..i]);
        }
    }

    [Theory]
    [InlineData("no blank line\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")]
    [InlineData("text\n\n")]
    [InlineData("text\n\n— PeterNeumann !!!\n")]
    [InlineData("text\n\n- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")]
    [InlineData("te\txt\n\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")]
    [InlineData("text\n\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=")]
    public void TryParse_Malformed_IsRefused(string message) => SignedNote.TryParse(message, out _, out _).ShouldBeFalse();

    [Fact]
    public void GeneratedEd25519_RoundTripsThroughPrivateKeyText()
    {
        var signer = NoteSigner.GenerateEd25519("talentpass.example/test-log");
        var again = (Ed25519NoteSigner)NoteSigner.FromPrivateKey(signer.PrivateKey);
        again.VerifierKey.ShouldBe(signer.VerifierKey);
        var note = SignedNote.Sign("hello\n", again);
        note.Open([NoteVerifier.Parse(signer.VerifierKey)]).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Sm2_ExtraLine_VerifiesAndIsIgnoredByEd25519OnlyVerifier()
    {
        var log = NoteSigner.GenerateEd25519("talentpass.example/sm2-log");
        var sm2 = NoteSigner.GenerateSm2("talentpass.example/sm2-log");
        NoteVerifier.Parse(sm2.VerifierKey).ShouldBeOfType<Sm2NoteVerifier>();
        var note = SignedNote.Sign("checkpoint\n", log, sm2);
        SignedNote.TryParse(note.ToString(), out var parsed, out _).ShouldBeTrue();

        var both = parsed.Open([log.Verifier, NoteVerifier.Parse(sm2.VerifierKey)]);
        both.IsValid.ShouldBeTrue(both.Error);
        both.Verified.Count.ShouldBe(2);

        var edOnly = parsed.Open([log.Verifier]);
        edOnly.IsValid.ShouldBeTrue();
        edOnly.Unknown.Count.ShouldBe(1);

        var reloaded = NoteSigner.FromPrivateKey(sm2.PrivateKey);
        reloaded.VerifierKey.ShouldBe(sm2.VerifierKey);
        var tampered = new SignedNote("checkpoinT\n", parsed.Signatures);
        tampered.Open([NoteVerifier.Parse(sm2.VerifierKey)]).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void Cosignature_SignsTimestampedMessage_AndVerifies()
    {
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeSeconds(1_679_315_147));
        var witness = NoteSigner.GenerateCosigner("witness.example/w1", clock);
        var verifier = NoteVerifier.Parse(witness.VerifierKey);
        verifier.ShouldBeOfType<CosignatureVerifier>();
        verifier.SignatureType.ShouldBe(SignatureTypes.Cosignature);

        var body = "example.com/log\n3\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
        var note = SignedNote.Sign(body, witness);
        note.Signatures[0].Signature.Length.ShouldBe(72);
        CosignatureVerifier.Timestamp(note.Signatures[0]).ShouldBe(clock.GetUtcNow());
        note.Open([verifier]).IsValid.ShouldBeTrue();

        // The signature covers the cosignature/v1 header: it is not a plain Ed25519 signature of the body.
        var plain = NoteVerifier.Parse(NoteVerifier.NewEd25519VerifierKey(witness.Name, witness.PublicKey));
        new SignedNote(body, [new NoteSignature(plain.Name, plain.KeyId, note.Signatures[0].Signature[8..])]).Open([plain]).IsValid.ShouldBeFalse();

        // Changing the timestamp breaks it.
        var changed = note.Signatures[0].Signature.ToArray();
        changed[7] ^= 1;
        new SignedNote(body, [note.Signatures[0] with { Signature = changed }]).Open([verifier]).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void Cosignature_ExplicitMessage_MatchesSpecLayout()
    {
        var witness = NoteSigner.GenerateCosigner("witness.example/w2", TimeProvider.System);
        var body = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
        var signature = witness.Sign(Encoding.UTF8.GetBytes(body), 1_679_315_147);
        var message = "cosignature/v1\ntime 1679315147\n" + body;
        var plain = (Ed25519NoteVerifier)NoteVerifier.Parse(NoteVerifier.NewEd25519VerifierKey(witness.Name, witness.PublicKey));
        plain.Verify(Encoding.UTF8.GetBytes(message), signature[8..]).ShouldBeTrue();
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
