using TalentPass.Verifier;

namespace TalentPass.UnitTests.Verifier;

public sealed class TalentCodeTests
{
    public static TheoryData<string> Profiles => [CodeProfiles.Es256, CodeProfiles.Sm2];

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Verify_FreshCode_IsValidWithAllClaims(string profile)
    {
        var claims = TestCodes.Claims();
        var code = TalentCode.Encode(claims, TestCodes.Signer(profile));

        var result = TalentCode.Verify(code, TestCodes.Keys(profile), TestCodes.Now.AddSeconds(10), TimeSpan.FromSeconds(30));

        result.Outcome.ShouldBe(VerificationOutcome.Valid, result.Reason);
        code.ShouldStartWith("TC1:RRQ");
        code.ShouldNotEndWith(" ");
        code.Length.ShouldBeLessThanOrEqualTo(TalentCode.MaxEncodedLength);
        var read = result.Claims.ShouldNotBeNull();
        read.Issuer.ShouldBe(claims.Issuer);
        read.SubjectId.ToArray().ShouldBe(claims.SubjectId.ToArray());
        read.IssuedAt.ShouldBe(claims.IssuedAt);
        read.ExpiresAt.ShouldBe(claims.ExpiresAt);
        read.Level.ShouldBe("c");
        read.Category.ShouldBe("science");
        read.StatusListId.ShouldBe(1u);
        read.StatusListIndex.ShouldBe(123_456u);
        read.Rights.ShouldBe(claims.Rights);
        read.MaskedName.ShouldBe("张*华");
        read.Mode.ShouldBe(CodeMode.Dynamic);
        result.CodeHash.ToArray().ShouldBe(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code)));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Verify_CodeSignedByAnotherKeyWithTheSameId_IsInvalidSignature(string profile)
    {
        var other = TestCodes.Create(profile).Signer;
        var forged = new FixedKeyIdSigner(other, TestCodes.Key(profile).KeyId);
        var code = TalentCode.Encode(TestCodes.Claims(), forged);

        TalentCode.Verify(code, TestCodes.Keys(profile), TestCodes.Now, TimeSpan.FromSeconds(30)).Outcome.ShouldBe(VerificationOutcome.InvalidSignature);
    }

    [Fact]
    public void Verify_KeyNotInResolver_IsUnknownKey()
    {
        var code = TalentCode.Encode(TestCodes.Claims(), TestCodes.Create(CodeProfiles.Es256).Signer);

        TalentCode.Verify(code, TestCodes.Keys(CodeProfiles.Es256), TestCodes.Now, TimeSpan.FromSeconds(30)).Outcome.ShouldBe(VerificationOutcome.UnknownKey);
    }

    [Theory]
    [InlineData(-61, VerificationOutcome.Expired)]
    [InlineData(-30, VerificationOutcome.Valid)]
    [InlineData(0, VerificationOutcome.Valid)]
    [InlineData(60, VerificationOutcome.Valid)]
    [InlineData(61, VerificationOutcome.Expired)]
    public void Verify_AtOffsetFromIssue_HonoursWindowWithOneStepTolerance(int seconds, VerificationOutcome expected)
    {
        var code = TalentCode.Encode(TestCodes.Claims(), TestCodes.Signer(CodeProfiles.Es256));

        TalentCode.Verify(code, TestCodes.Keys(CodeProfiles.Es256), TestCodes.Now.AddSeconds(seconds), TimeSpan.FromSeconds(30))
            .Outcome.ShouldBe(expected);
    }

    [Fact]
    public void Verify_ExpiryBeyondKeyValidity_IsRefused()
    {
        var code = TalentCode.Encode(TestCodes.Claims(mode: CodeMode.Static), TestCodes.Signer(CodeProfiles.Es256));
        var bounded = CodeKeys.WithValidity(TestCodes.Key(CodeProfiles.Es256), TestCodes.Now.AddDays(-1), TestCodes.Now.AddDays(30));

        var result = TalentCode.Verify(code, new CodeKeyRing([bounded]), TestCodes.Now, TimeSpan.FromSeconds(30));

        result.Outcome.ShouldBe(VerificationOutcome.InvalidSignature);
        result.Reason.ShouldContain("validity");
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Verify_StaticCode_CarriesStaticModeAndFitsVersion10(string profile)
    {
        var code = TalentCode.Encode(TestCodes.Claims(mode: CodeMode.Static), TestCodes.Signer(profile));

        var result = TalentCode.Verify(code, TestCodes.Keys(profile), TestCodes.Now.AddDays(100), TimeSpan.FromSeconds(30));

        result.Outcome.ShouldBe(VerificationOutcome.Valid);
        result.Claims!.Mode.ShouldBe(CodeMode.Static);
        code.Length.ShouldBeLessThanOrEqualTo(311);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("TC2:ABC")]
    [InlineData("TC1:")]
    [InlineData("TC1:abc")]
    [InlineData("TC1:A")]
    [InlineData("TC1:GGW")]
    public void Verify_Garbage_IsMalformed(string? code) =>
        TalentCode.Verify(code, TestCodes.Keys(CodeProfiles.Es256), TestCodes.Now, TimeSpan.FromSeconds(30)).Outcome.ShouldBe(VerificationOutcome.Malformed);

    [Fact]
    public void Encode_ClaimsTooLongForTheQrCode_Throws()
    {
        var claims = TestCodes.Claims() with { Issuer = new string('I', 64), Category = new string('c', 32), MaskedName = new string('名', 16) };

        Should.Throw<ArgumentException>(() => TalentCode.Encode(claims, TestCodes.Signer(CodeProfiles.Es256)));
    }

    private sealed class FixedKeyIdSigner(ICodeSigner inner, ReadOnlyMemory<byte> keyId) : ICodeSigner
    {
        public string Profile => inner.Profile;

        public ReadOnlyMemory<byte> KeyId => keyId;

        public byte[] Sign(ReadOnlySpan<byte> toBeSigned) => inner.Sign(toBeSigned);
    }
}
