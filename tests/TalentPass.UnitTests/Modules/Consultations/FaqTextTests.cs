using Shouldly;
using TalentPass.Modules.Consultations.Domain;

namespace TalentPass.UnitTests.Modules.Consultations;

public sealed class FaqTextTests
{
    [Fact]
    public void Anonymise_TextWithIdPhoneAndEmail_MasksAllThree()
    {
        var text = FaqText.Anonymise("我的身份证410105199001011234，电话13800138000，邮箱zhang@example.com，能办理吗？");

        text.ShouldBe("我的身份证[身份证号]，电话[手机号]，邮箱[邮箱]，能办理吗？");
        FaqText.ContainsPersonalData(text).ShouldBeFalse();
    }

    [Fact]
    public void ContainsPersonalData_PlainQuestionWithSmallNumbers_False()
    {
        FaqText.ContainsPersonalData("每年可以使用12次，2026年有效吗？").ShouldBeFalse();
    }

    [Theory]
    [InlineData("联系13912345678")]
    [InlineData("证件号41010519900101123X")]
    public void ContainsPersonalData_PhoneOrIdNumber_True(string text)
    {
        FaqText.ContainsPersonalData(text).ShouldBeTrue();
    }
}
