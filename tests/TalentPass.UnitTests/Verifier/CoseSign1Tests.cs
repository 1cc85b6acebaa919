using System.Security.Cryptography;
using TalentPass.Verifier;
using TalentPass.Verifier.Wire;

namespace TalentPass.UnitTests.Verifier;

/// <summary>
/// COSE_Sign1 against RFC 9052 Appendix C.2.1 ("Single ECDSA Signature"; also cose-wg/Examples
/// RFC8152/Appendix_C_2_1.json) and its key "11" (RFC 9052 Appendix C.7.1).
/// </summary>
public sealed class CoseSign1Tests
{
    private const string Message =
        "D28443A10126A10442313154546869732069732074686520636F6E74656E742E5840" +
        "8EB33E4CA31D1C465AB05AAC34CC6B23D58FEF5C083106C4D25A91AEF0B0117E" +
        "2AF9A291AA32E14AB834DC56ED2A223444547E01F11D3B0916E5A4C345CACB36";

    private const string ToBeSigned = "846A5369676E61747572653143A101264054546869732069732074686520636F6E74656E742E";

    [Fact]
    public void SigStructure_RfcAppendixC21_MatchesAndItsSignatureVerifies()
    {
        var (protectedHeader, payload, signature) = Split(Convert.FromHexString(Message));
        var tbs = new byte[CoseSign1.SigStructureLength(protectedHeader.Length, payload.Length)];

        CoseSign1.WriteSigStructure(tbs, protectedHeader, payload);

        Convert.ToHexString(tbs).ShouldBe(ToBeSigned);
        var key = CodeKeys.CreateVerificationKey(CodeProfiles.Es256, Key11());
        key.Verify(tbs, signature).ShouldBeTrue();
        signature[5] ^= 1;
        key.Verify(tbs, signature).ShouldBeFalse();
    }

    [Fact]
    public void Parse_RfcAppendixC21WithKidUnprotected_IsRefusedByTheTc1Profile() =>
        Should.Throw<CborException>(() => CoseSign1View.Parse(Convert.FromHexString(Message)))
            .Message.ShouldContain("unprotected");

    [Fact]
    public void ProtectedHeader_Es256_IsAlgMinus7AndKid()
    {
        var kid = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 };

        Convert.ToHexStringLower(CoseSign1.ProtectedHeader(CodeProfiles.Es256, kid)).ShouldBe("a20126044801020304050607 08".Replace(" ", "", StringComparison.Ordinal));
        Convert.ToHexStringLower(CoseSign1.ProtectedHeader(CodeProfiles.Sm2, kid)).ShouldBe("a2013a00010000044801020304050607 08".Replace(" ", "", StringComparison.Ordinal));
    }

    /// <summary>The public key "11" of the COSE examples as SubjectPublicKeyInfo.</summary>
    internal static byte[] Key11()
    {
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = System.Buffers.Text.Base64Url.DecodeFromChars("usWxHK2PmfnHKwXPS54m0kTcGJ90UiglWiGahtagnv8"),
                Y = System.Buffers.Text.Base64Url.DecodeFromChars("IBOL-C3BttVivg-lSreASjpkttcsz-1rb7btKLv8EX4"),
            },
        });
        return key.ExportSubjectPublicKeyInfo();
    }

    private static (byte[] Protected, byte[] Payload, byte[] Signature) Split(byte[] message)
    {
        var reader = new CborReader(message);
        reader.ReadTag().ShouldBe(18UL);
        reader.ReadArrayHeader().ShouldBe(4);
        var protectedHeader = reader.ReadBytes().ToArray();
        reader.Skip();
        var payload = reader.ReadBytes().ToArray();
        var signature = reader.ReadBytes().ToArray();
        reader.ExpectEnd();
        return (protectedHeader, payload, signature);
    }
}
