using System.Text;
using TalentPass.Modules.Partners.ApiSecurity;
using TalentPass.Modules.Partners.Domain;

namespace TalentPass.UnitTests.Modules.Partners;

public sealed class RequestSigningTests
{
    [Fact]
    public void CanonicalString_SevenLinesNoTrailingNewline_MethodUpperCased()
    {
        var canonical = RequestSigning.CanonicalString("tpk_live_1", 1767225600, "abcdefghijklmnop", "post", "/api/v1/cards?page=2&size=5", "ff");

        canonical.ShouldBe("TP1-HMAC-SHA256\ntpk_live_1\n1767225600\nabcdefghijklmnop\nPOST\n/api/v1/cards?page=2&size=5\nff");
        canonical.ShouldNotEndWith("\n");
    }

    [Fact]
    public void CanonicalString_DifferentQuery_DifferentSignature()
    {
        var a = RequestSigning.Sign("s3cret", RequestSigning.CanonicalString("k", 1, "n0n0n0n0n0n0n0n0", "GET", "/a?x=1", RequestSigning.EmptyBodySha256));
        var b = RequestSigning.Sign("s3cret", RequestSigning.CanonicalString("k", 1, "n0n0n0n0n0n0n0n0", "GET", "/a?x=2", RequestSigning.EmptyBodySha256));

        a.ShouldNotBe(b);
    }

    [Fact]
    public void EmptyBodySha256_IsTheSha256OfNothing() =>
        RequestSigning.EmptyBodySha256.ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("")]
    public void Matches_MalformedOrShortSignature_False(string presented) =>
        RequestSigning.Matches("secret", "canonical", presented).ShouldBeFalse();

    [Fact]
    public void Matches_OwnSignature_TrueAndOneBitOff_False()
    {
        var signature = RequestSigning.Sign("secret", "canonical");
        var bytes = Convert.FromBase64String(signature);
        bytes[0] ^= 1;

        RequestSigning.Matches("secret", "canonical", signature).ShouldBeTrue();
        RequestSigning.Matches("secret", "canonical", Convert.ToBase64String(bytes)).ShouldBeFalse();
        RequestSigning.Matches("Secret", "canonical", signature).ShouldBeFalse();
    }

    [Theory]
    [InlineData("0123456789abcdef", true)]
    [InlineData("0123456789abcde", false)]
    [InlineData("0123456789abcdef-_XYZ", true)]
    [InlineData("0123456789abcdef\n", false)]
    [InlineData("0123456789abcdef 0", false)]
    public void IsValidNonce_LengthAndCharacters(string nonce, bool valid) => RequestSigning.IsValidNonce(nonce).ShouldBe(valid);

    [Theory]
    [InlineData("1767225600", true)]
    [InlineData("-1", false)]
    [InlineData("+1767225600", false)]
    [InlineData("1767225600.5", false)]
    [InlineData("2026-01-01T00:00:00Z", false)]
    public void TryParseTimestamp_UnixSecondsOnly(string value, bool valid) => RequestSigning.TryParseTimestamp(value, out _).ShouldBe(valid);

    [Fact]
    public void Sign_UsesUtf8OfSecretAndMessage()
    {
        // Known HMAC-SHA256 vector (RFC 4231 test case 2: key "Jefe").
        var mac = Convert.FromBase64String(RequestSigning.Sign("Jefe", "what do ya want for nothing?"));

        Convert.ToHexStringLower(mac).ShouldBe("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    [Theory]
    [InlineData("91350100M000100Y43", true)]
    [InlineData("91350100M000100Y44", false)]
    [InlineData("91350100M000100Y4", false)]
    [InlineData("91350100M000100I43", false)]
    public void IsValidLicenceCode_ChecksLengthAlphabetAndCheckCharacter(string code, bool valid) =>
        PartnerRules.IsValidLicenceCode(code).ShouldBe(valid);

    [Theory]
    [InlineData("bank-a1", true)]
    [InlineData("Bank-A1", false)]
    [InlineData("-bank", false)]
    [InlineData("ab", false)]
    [InlineData("bank.a", false)]
    public void IsValidCode_LowerCaseLettersDigitsHyphen(string code, bool valid) => PartnerRules.IsValidCode(code).ShouldBe(valid);
}
