using System.Text;
using TalentPass.Modules.Codes.Domain;
using TalentPass.Modules.Codes.Features.VerifyCode;
using TalentPass.Verifier;

namespace TalentPass.UnitTests.Modules.Codes;

public sealed class VerifyRequestReaderTests
{
    [Theory]
    [InlineData("{\"code\":\"TC1:ABC\"}", "TC1:ABC")]
    [InlineData("{\"Code\":\"TC1:ABC\"}", "TC1:ABC")]
    [InlineData("{\"other\":{\"code\":\"x\"},\"code\":\"TC1:ABC\"}", "TC1:ABC")]
    [InlineData("  {\"code\" : \"TC1:\\u0041\"}  ", "TC1:A")]
    [InlineData("{}", null)]
    [InlineData("{\"code\":null}", null)]
    public void TryReadCode_JsonObject_ReadsTheCodeMember(string body, string? expected)
    {
        var ok = VerifyCodeEndpoint.TryReadCode(Encoding.UTF8.GetBytes(body), out var code);

        ok.ShouldBeTrue();
        code.ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("TC1:ABC")]
    [InlineData("[\"TC1:ABC\"]")]
    [InlineData("{\"code\":42}")]
    [InlineData("{\"code\":\"TC1\"")]
    [InlineData("{\"code\":\"TC1\"}{}")]
    [InlineData("{\"a\":[[[[[[[[[[[[1]]]]]]]]]]]]}")]
    public void TryReadCode_NotTheRequestObject_False(string body)
    {
        VerifyCodeEndpoint.TryReadCode(Encoding.UTF8.GetBytes(body), out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("d", true)]
    [InlineData("e", false)]
    [InlineData("reserve", false)]
    public void LevelRights_MedicalGreenChannel_OnlyForLevelsAToD(string level, bool expected)
    {
        ((LevelRights.For(level) & RightsSummary.MedicalGreenChannel) != 0).ShouldBe(expected);
        LevelRights.ToNames(LevelRights.For(level)).Contains("medical_green_channel").ShouldBe(expected);
    }
}
