using TalentPass.SharedKernel;

namespace TalentPass.UnitTests.SharedKernel;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("张三明", "张*明")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳小明", "欧**明")]
    [InlineData("王", "*")]
    [InlineData("", "")]
    public void Name_MasksMiddleCharacters(string name, string masked) => Masking.Name(name).ShouldBe(masked);

    [Fact]
    public void Phone_KeepsPrefixAndLastFour() => Masking.Phone("13812345678").ShouldBe("138****5678");

    [Fact]
    public void IdNumber_KeepsFirstFourAndLastFour() => Masking.IdNumber("410105199001011234").ShouldBe("4101**********1234");
}
