using TalentPass.Verifier.Wire;

namespace TalentPass.UnitTests.Verifier;

/// <summary>The CBOR subset against the examples of RFC 8949 Appendix A (Table 6) that fall inside it, and the ones it must refuse.</summary>
public sealed class CborTests
{
    [Theory]
    [InlineData(0L, "00")]
    [InlineData(1L, "01")]
    [InlineData(10L, "0a")]
    [InlineData(23L, "17")]
    [InlineData(24L, "1818")]
    [InlineData(25L, "1819")]
    [InlineData(100L, "1864")]
    [InlineData(1000L, "1903e8")]
    [InlineData(1000000L, "1a000f4240")]
    [InlineData(1000000000000L, "1b000000e8d4a51000")]
    [InlineData(-1L, "20")]
    [InlineData(-10L, "29")]
    [InlineData(-100L, "3863")]
    [InlineData(-1000L, "3903e7")]
    public void Integer_Rfc8949AppendixA_EncodesAndDecodes(long value, string hex)
    {
        var writer = new CborWriter();
        writer.WriteInt(value);
        Convert.ToHexStringLower(writer.Written).ShouldBe(hex);

        var reader = new CborReader(Convert.FromHexString(hex));
        reader.ReadInt().ShouldBe(value);
        reader.ExpectEnd();
    }

    [Fact]
    public void UInt64Max_Rfc8949AppendixA_EncodesAndDecodes()
    {
        var writer = new CborWriter();
        writer.WriteUInt(ulong.MaxValue);
        Convert.ToHexStringLower(writer.Written).ShouldBe("1bffffffffffffffff");
        new CborReader(writer.Written).ReadUInt().ShouldBe(ulong.MaxValue);
    }

    [Theory]
    [InlineData("", "60")]
    [InlineData("a", "6161")]
    [InlineData("IETF", "6449455446")]
    [InlineData("\"\\", "62225c")]
    [InlineData("\u00fc", "62c3bc")]
    [InlineData("\u6c34", "63e6b0b4")]
    [InlineData("\ud800\udd51", "64f0908591")]
    public void Text_Rfc8949AppendixA_EncodesAndDecodes(string value, string hex)
    {
        var writer = new CborWriter();
        writer.WriteText(value);
        Convert.ToHexStringLower(writer.Written).ShouldBe(hex);
        new CborReader(Convert.FromHexString(hex)).ReadText().ShouldBe(value);
    }

    [Theory]
    [InlineData("", "40")]
    [InlineData("01020304", "4401020304")]
    public void Bytes_Rfc8949AppendixA_EncodesAndDecodes(string value, string hex)
    {
        var writer = new CborWriter();
        writer.WriteBytes(Convert.FromHexString(value));
        Convert.ToHexStringLower(writer.Written).ShouldBe(hex);
        Convert.ToHexStringLower(new CborReader(Convert.FromHexString(hex)).ReadBytes()).ShouldBe(value);
    }

    [Fact]
    public void Containers_Rfc8949AppendixA_Encode()
    {
        var writer = new CborWriter();
        writer.WriteArrayHeader(3);
        writer.WriteUInt(1);
        writer.WriteArrayHeader(2);
        writer.WriteUInt(2);
        writer.WriteUInt(3);
        writer.WriteArrayHeader(2);
        writer.WriteUInt(4);
        writer.WriteUInt(5);
        Convert.ToHexStringLower(writer.Written).ShouldBe("8301820203820405");

        writer.Reset();
        writer.WriteMapHeader(2);
        writer.WriteText("a");
        writer.WriteUInt(1);
        writer.WriteText("b");
        writer.WriteArrayHeader(2);
        writer.WriteUInt(2);
        writer.WriteUInt(3);
        Convert.ToHexStringLower(writer.Written).ShouldBe("a26161016162820203");

        writer.Reset();
        writer.WriteTag(1);
        writer.WriteUInt(1363896240);
        Convert.ToHexStringLower(writer.Written).ShouldBe("c11a514b67b0");
    }

    [Theory]
    [InlineData("80")]
    [InlineData("83010203")]
    [InlineData("8301820203820405")]
    [InlineData("98190102030405060708090a0b0c0d0e0f101112131415161718181819")]
    [InlineData("a0")]
    [InlineData("a201020304")]
    [InlineData("a26161016162820203")]
    [InlineData("826161a161626163")]
    [InlineData("a56161614161626142616361436164614461656145")]
    [InlineData("c074323031332d30332d32315432303a30343a30305a")]
    [InlineData("c11a514b67b0")]
    [InlineData("d74401020304")]
    [InlineData("d818456449455446")]
    [InlineData("d82076687474703a2f2f7777772e6578616d706c652e636f6d")]
    [InlineData("3bffffffffffffffff")]
    [InlineData("f4")]
    [InlineData("f5")]
    [InlineData("f6")]
    public void Skip_WellFormedRfc8949ExamplesInTheSubset_ConsumesExactlyOneItem(string hex)
    {
        var reader = new CborReader(Convert.FromHexString(hex));
        reader.Skip();
        reader.AtEnd.ShouldBeTrue();
    }

    [Theory]
    [InlineData("5f42010243030405ff")] // indefinite byte string (RFC 8949 App. A)
    [InlineData("7f657374726561646d696e67ff")] // indefinite text string
    [InlineData("9fff")] // indefinite array
    [InlineData("9f018202039f0405ffff")]
    [InlineData("bf61610161629f0203ffff")] // indefinite map
    [InlineData("f90000")] // half float 0.0
    [InlineData("fb3ff199999999999a")] // double 1.1
    [InlineData("f7")] // undefined
    [InlineData("f0")] // simple(16)
    [InlineData("f8ff")] // simple(255)
    [InlineData("1817")] // 23 not in its shortest form
    [InlineData("190017")]
    [InlineData("1a0000ffff")]
    [InlineData("1b00000000ffffffff")]
    [InlineData("1c")] // reserved additional information
    [InlineData("a2616201616102")] // keys out of canonical order
    [InlineData("a2616101616102")] // duplicate key
    [InlineData("62c3")] // truncated text
    [InlineData("62c328")] // invalid UTF-8
    [InlineData("5affffffff00")] // length far beyond the input
    [InlineData("9bffffffffffffffff00")] // array count far beyond the input
    [InlineData("")]
    public void Skip_OutsideTheSubset_Throws(string hex) =>
        Should.Throw<CborException>(() => new CborReader(Convert.FromHexString(hex)).Skip());

    [Fact]
    public void Skip_NestingDeeperThanTheLimit_Throws()
    {
        var shallow = Enumerable.Repeat((byte)0x81, CborReader.MaxDepth - 1).Append((byte)0).ToArray();
        var deep = Enumerable.Repeat((byte)0x81, 10_000).Append((byte)0).ToArray();

        new CborReader(shallow).Skip();
        Should.Throw<CborException>(() => new CborReader(deep).Skip());
    }

    [Theory]
    [InlineData(0L, 1L, -1)]
    [InlineData(23L, 24L, -1)]
    [InlineData(1000L, -1L, -1)]
    [InlineData(-1L, -2L, -1)]
    [InlineData(-65538L, -1L, 1)]
    public void CompareIntKeys_FollowsBytewiseOrderOfEncodings(long a, long b, int sign)
    {
        Math.Sign(CborReader.CompareIntKeys(a, b)).ShouldBe(sign);
        var (wa, wb) = (new CborWriter(), new CborWriter());
        wa.WriteInt(a);
        wb.WriteInt(b);
        Math.Sign(wa.Written.SequenceCompareTo(wb.Written)).ShouldBe(sign);
    }
}
