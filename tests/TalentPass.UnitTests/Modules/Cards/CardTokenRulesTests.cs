using TalentPass.Modules.Cards.Domain;

namespace TalentPass.UnitTests.Modules.Cards;

public sealed class CardTokenRulesTests
{
    [Theory]
    [InlineData("tok_8f3a2c9d1e")]
    [InlineData("ZY-DEMO-CARD-A1")]
    [InlineData("bank:card.123456")]
    [InlineData("12345678")] // eight digits: too short to be a card number
    [InlineData("tok-12345678901")] // an eleven-digit run
    public void Check_OpaqueToken_IsAccepted(string token) =>
        CardTokenRules.Check(token).ShouldBe(CardTokenRules.Verdict.Ok);

    [Theory]
    [InlineData("6222021234567890123")] // 19 digits
    [InlineData("4111111111111111")] // the classic Luhn-valid test PAN
    [InlineData("4111 1111 1111 1111")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("123456789012")] // 12 digits, whatever the check digit
    [InlineData("tok_4111111111111111")] // a Luhn-valid PAN inside a token
    public void Check_CardNumberLike_IsRefusedAsCardNumber(string token) =>
        CardTokenRules.Check(token).ShouldBe(CardTokenRules.Verdict.LooksLikeCardNumber);

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("has space in it")]
    [InlineData("卡令牌卡令牌卡令牌")]
    public void Check_MalformedToken_IsInvalid(string token) =>
        CardTokenRules.Check(token).ShouldBe(CardTokenRules.Verdict.Invalid);

    [Fact]
    public void Check_TooLongToken_IsInvalid() =>
        CardTokenRules.Check(new string('a', CardTokenRules.MaxLength + 1)).ShouldBe(CardTokenRules.Verdict.Invalid);

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("79927398713", true)]
    public void Luhn_KnownNumbers_AreClassified(string digits, bool valid) =>
        CardTokenRules.Luhn(digits).ShouldBe(valid);

    [Theory]
    [InlineData("1234", true)]
    [InlineData("123", false)]
    [InlineData("12345", false)]
    [InlineData("12a4", false)]
    [InlineData(null, false)]
    public void IsLast4_OnlyFourDigits(string? value, bool expected) =>
        CardTokenRules.IsLast4(value).ShouldBe(expected);
}
