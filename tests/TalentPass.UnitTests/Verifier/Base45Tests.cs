using System.Text;
using TalentPass.Verifier.Wire;

namespace TalentPass.UnitTests.Verifier;

/// <summary>Base45 against the examples of RFC 9285 §4.</summary>
public sealed class Base45Tests
{
    [Theory]
    [InlineData("AB", "BB8")]
    [InlineData("Hello!!", "%69 VD92EX0")]
    [InlineData("base-45", "UJCLQE7W581")]
    [InlineData("ietf!", "QED8WEX0")]
    [InlineData("", "")]
    public void EncodeDecode_Rfc9285Examples_RoundTrip(string text, string encoded)
    {
        Base45.Encode(Encoding.UTF8.GetBytes(text)).ShouldBe(encoded);

        var buffer = new byte[64];
        Base45.TryDecode(encoded, buffer, out var written).ShouldBeTrue();
        Encoding.UTF8.GetString(buffer, 0, written).ShouldBe(text);
    }

    [Theory]
    [InlineData("GGW")] // RFC 9285 §4.4: 65536, above 65535
    [InlineData("ZZZ")]
    [InlineData(":Z")] // a final pair above 255
    [InlineData("A")] // 3k+1 characters
    [InlineData("QED8WEX")]
    [InlineData("qed8wex0")] // lower case is outside the alphabet
    [InlineData("QED8WE~0")]
    [InlineData("QED8WE\u00c90")]
    public void TryDecode_InvalidText_Fails(string encoded) => Base45.TryDecode(encoded, new byte[64], out _).ShouldBeFalse();

    [Fact]
    public void EncodeDecode_AllByteValues_RoundTrip()
    {
        var data = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(new byte[] { 0xFF, 0xFF, 0xFF }).ToArray();
        var encoded = Base45.Encode(data);
        var buffer = new byte[data.Length];

        Base45.TryDecode(encoded, buffer, out var written).ShouldBeTrue();

        buffer.AsSpan(0, written).ToArray().ShouldBe(data);
        encoded.ShouldAllBe(c => Base45.Alphabet.Contains(c));
    }
}
