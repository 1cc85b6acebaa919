using System.IO.Compression;
using TalentPass.Verifier;
using TalentPass.Verifier.Wire;

namespace TalentPass.UnitTests.Verifier;

/// <summary>Signed status and trust lists whose signature is good but whose content breaks the format are refused.</summary>
public sealed class SignedListTests
{
    private static readonly (ICodeSigner Signer, ICodeVerificationKey Key) Issuer = TestCodes.Create(CodeProfiles.Es256);

    [Theory]
    [InlineData(StatusList.MinimumSize / 4 + 1, 2, "longer")]
    [InlineData(StatusList.MinimumSize / 4 - 1, 2, "malformed")]
    [InlineData(StatusList.MinimumSize / 4, 1, "2 bits")]
    public void StatusListOpen_BitstringOfWrongLengthOrWidth_IsRefused(int byteCount, int bitsPerEntry, string reasonPart)
    {
        var signed = SignedStatusList(new byte[byteCount], bitsPerEntry, StatusList.MinimumSize);

        StatusList.Open(signed, new CodeKeyRing([Issuer.Key]), out var reason).ShouldBeNull();

        reason.ShouldNotBeNull().ShouldContain(reasonPart);
    }

    [Fact]
    public void StatusListOpen_ReservedValue3_IsRefused()
    {
        var bits = new byte[StatusList.MinimumSize / 4];
        bits[100] = 0b0011_0000;

        StatusList.Open(SignedStatusList(bits, 2, StatusList.MinimumSize), new CodeKeyRing([Issuer.Key]), out var reason).ShouldBeNull();

        reason.ShouldNotBeNull().ShouldContain("reserved");
    }

    [Fact]
    public void StatusListOpen_HugeDeclaredSize_IsRefusedBeforeInflating()
    {
        StatusList.Open(SignedStatusList(new byte[16], 2, int.MaxValue), new CodeKeyRing([Issuer.Key]), out var reason).ShouldBeNull();

        reason.ShouldNotBeNull().ShouldContain("size");
    }

    [Fact]
    public void TrustListOpen_KeyIdNotOfItsKey_IsRefused()
    {
        var writer = new CborWriter();
        writer.WriteMapHeader(5);
        writer.WriteUInt(1);
        writer.WriteText("CN-410100-ZYKJC");
        writer.WriteUInt(2);
        writer.WriteUInt(1);
        writer.WriteUInt(3);
        writer.WriteUInt(1_795_248_000);
        writer.WriteUInt(4);
        writer.WriteUInt(1_795_334_400);
        writer.WriteUInt(5);
        writer.WriteArrayHeader(1);
        writer.WriteArrayHeader(5);
        writer.WriteBytes(new byte[8]);
        writer.WriteText(CodeProfiles.Es256);
        writer.WriteBytes(Issuer.Key.SubjectPublicKeyInfo.Span);
        writer.WriteUInt(1_795_248_000);
        writer.WriteUInt(1_795_334_400);

        TrustList.Open(SignedDocument.Sign(Issuer.Signer, writer), Issuer.Key, out var reason).ShouldBeNull();

        reason.ShouldNotBeNull().ShouldContain("key id");
    }

    private static byte[] SignedStatusList(byte[] bits, int bitsPerEntry, long size)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bits);
        }

        var writer = new CborWriter();
        writer.WriteMapHeader(6);
        writer.WriteUInt(1);
        writer.WriteUInt(1);
        writer.WriteUInt(2);
        writer.WriteUInt(1_795_248_000);
        writer.WriteUInt(3);
        writer.WriteUInt(1_795_248_900);
        writer.WriteUInt(4);
        writer.WriteUInt((ulong)bitsPerEntry);
        writer.WriteUInt(5);
        writer.WriteUInt((ulong)size);
        writer.WriteUInt(6);
        writer.WriteBytes(output.ToArray());
        return SignedDocument.Sign(Issuer.Signer, writer);
    }
}
