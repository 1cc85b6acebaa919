using TalentPass.Modules.Talents.Domain;

namespace TalentPass.UnitTests.Modules.Talents;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000802100433B")]
    [InlineData("91440300708461136T")]
    public void Parse_PublishedValidCodes_Succeed(string code)
    {
        var result = UnifiedSocialCreditCode.Parse(code);

        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        result.Value!.Value.ShouldBe(code);
    }

    [Fact]
    public void Parse_LowerCaseAndSpaces_NormalisedToUpperCase()
    {
        UnifiedSocialCreditCode.Parse(" 91110000802100433b ").Value!.Value.ShouldBe("91110000802100433B");
    }

    [Theory]
    [InlineData("91350100M000100Y44")]
    [InlineData("91110000802100433C")]
    [InlineData("91440300708461136U")]
    public void Parse_WrongCheckCharacter_FailsWithCheckCharacterCode(string code)
    {
        UnifiedSocialCreditCode.Parse(code).Error!.Code.ShouldBe("credit_code.check_character");
    }

    [Theory]
    [InlineData("", "credit_code.length")]
    [InlineData("9111000080210043", "credit_code.length")]
    [InlineData("91110000802100433BB", "credit_code.length")]
    [InlineData("9111000080210O433B", "credit_code.format")]
    [InlineData("9111000080210I433B", "credit_code.format")]
    [InlineData("Z1110000802100433B", "credit_code.format")]
    [InlineData("911A0000802100433B", "credit_code.format")]
    public void Parse_MalformedCodes_FailWithStableCode(string code, string expected)
    {
        UnifiedSocialCreditCode.Parse(code).Error!.Code.ShouldBe(expected);
    }

    [Fact]
    public void CheckCharacter_ComputedThenParsed_RoundTrips()
    {
        const string first17 = "91410100MA44XK7P2";
        var code = first17 + UnifiedSocialCreditCode.CheckCharacter(first17);

        UnifiedSocialCreditCode.Parse(code).IsSuccess.ShouldBeTrue();
    }
}
