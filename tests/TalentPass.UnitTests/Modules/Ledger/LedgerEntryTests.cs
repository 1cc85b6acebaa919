using System.Text;
using TalentPass.Modules.Ledger.Domain;

namespace TalentPass.UnitTests.Modules.Ledger;

public sealed class LedgerEntryTests
{
    private const string Digest = "sha256:6CE4F15B4B2EB46283CF0681F41BD71B4B9D3BBA4C216E91BE7EDC28FB650280";
    private static readonly DateTimeOffset Time = new(2026, 11, 20, 16, 0, 0, 500, TimeSpan.FromHours(8));

    [Fact]
    public void Create_ValidFields_GivesTheDocumentedCanonicalBytes()
    {
        var entry = LedgerEntry.Create("agreement", Digest, ["talent-office", "bank-zhongyuan", "talent-office"], "bank-zhongyuan", Time, "agreement/http-demo-001").Value!;

        Encoding.ASCII.GetString(entry.Canonical).ShouldBe(
            "{\"digest\":\"sha256:6ce4f15b4b2eb46283cf0681f41bd71b4b9d3bba4c216e91be7edc28fb650280\",\"kind\":\"agreement\",\"parties\":[\"bank-zhongyuan\",\"talent-office\"],\"ref\":\"agreement/http-demo-001\",\"submitter\":\"bank-zhongyuan\",\"time\":\"2026-11-20T08:00:00Z\",\"v\":1}");
        entry.Statement.ShouldBe(entry.Canonical);
    }

    [Fact]
    public void WithSignature_AddsSigInKeyOrderButKeepsTheStatementAndEntryHash()
    {
        var entry = LedgerEntry.Create("agreement", Digest, ["bank-zhongyuan"], "bank-zhongyuan", Time, null).Value!;

        var signed = entry.WithSignature(new SubmitterSignature("ed25519", "c73a6201f5f59cfc", "AAAA"));

        Encoding.ASCII.GetString(signed.Canonical).ShouldContain("\"parties\":[\"bank-zhongyuan\"],\"sig\":{\"alg\":\"ed25519\",\"key\":\"c73a6201f5f59cfc\",\"value\":\"AAAA\"},\"submitter\"");
        signed.Statement.ShouldBe(entry.Statement);
        signed.EntryHash.ShouldBe(entry.EntryHash);
        Encoding.ASCII.GetString(signed.SignedMessage).ShouldStartWith("talentpass-ledger-entry-v1\n{\"digest\"");
    }

    [Theory]
    [InlineData("contract", Digest, "p", "ledger.kind_unknown")]
    [InlineData("agreement", "sha1:00", "p", "ledger.digest_invalid")]
    [InlineData("agreement", Digest, "has space", "ledger.parties_invalid")]
    [InlineData("agreement", Digest, "a\"b", "ledger.parties_invalid")]
    public void Create_BadField_IsRefusedWithItsCode(string kind, string digest, string party, string code)
    {
        LedgerEntry.Create(kind, digest, [party], "talentpass:tests", Time, null).Error!.Code.ShouldBe(code);
    }

    [Fact]
    public void Create_ReferenceWithQuote_IsRefused()
    {
        LedgerEntry.Create("agreement", Digest, ["a"], "talentpass:tests", Time, "x\"y").Error!.Code.ShouldBe("ledger.reference_invalid");
    }
}
