using TalentPass.SharedKernel;

namespace TalentPass.UnitTests.SharedKernel;

public sealed class ResidentIdNumberTests
{
    // 11010519491231002X is the worked example of GB 11643-1999 (Appendix), check character X.
    [Theory]
    [InlineData("11010519491231002X", 1949, 12, 31, false)]
    [InlineData("11010519491231002x", 1949, 12, 31, false)]
    [InlineData(" 410105198001010017 ", 1980, 1, 1, true)]
    public void Parse_ValidNumber_ReturnsBirthDateAndSex(string input, int year, int month, int day, bool male)
    {
        var result = ResidentIdNumber.Parse(input);

        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        result.Value.BirthDate.ShouldBe(new DateOnly(year, month, day));
        result.Value.IsMale.ShouldBe(male);
        result.Value.Value.ShouldBe(input.Trim().ToUpperInvariant());
    }

    [Theory]
    [InlineData("110105194912310021", "identity_number.check_digit")]
    [InlineData("11010519491331002X", "identity_number.birth_date")]
    [InlineData("1101051949123100", "identity_number.length")]
    [InlineData("11010519491231002Y", "identity_number.format")]
    [InlineData("1101A519491231002X", "identity_number.format")]
    [InlineData("00010519491231002X", "identity_number.region")]
    [InlineData("", "identity_number.length")]
    public void Parse_InvalidNumber_ReturnsStableCode(string input, string code)
    {
        var result = ResidentIdNumber.Parse(input);

        result.IsSuccess.ShouldBeFalse();
        result.Error.Code.ShouldBe(code);
    }

    [Fact]
    public void Masked_KeepsFirstFourAndLastFour()
    {
        ResidentIdNumber.Parse("11010519491231002X").Value!.Masked.ShouldBe("1101**********002X");
    }
}
