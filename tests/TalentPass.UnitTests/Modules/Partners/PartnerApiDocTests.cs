using System.Text;
using System.Text.RegularExpressions;
using TalentPass.Modules.Partners.ApiSecurity;
using TalentPass.Modules.Partners.Domain;

namespace TalentPass.UnitTests.Modules.Partners;

/// <summary>docs/partner-api.md's worked example and sandbox table are what the server computes.</summary>
public sealed partial class PartnerApiDocTests
{
    [Fact]
    public void WorkedExample_SignatureRecomputedFromTheDocument_Matches()
    {
        var doc = ReadDoc();
        string Value(string label) => ExampleLine().Matches(doc).Single(m => m.Groups[1].Value == label).Groups[2].Value;
        var body = Encoding.UTF8.GetBytes(Value("Body"));

        var bodySha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body));
        var canonical = RequestSigning.CanonicalString(Value("Key id"), long.Parse(Value("Timestamp"), System.Globalization.CultureInfo.InvariantCulture), Value("Nonce"), Value("Method"), Value("Path and query"), bodySha);

        bodySha.ShouldBe(Value("Body SHA-256"));
        RequestSigning.Sign(Value("Secret"), canonical).ShouldBe(Value("Signature"));
        doc.ShouldContain("```\n" + canonical + "\n```");
        RequestSigning.Matches(Value("Secret"), canonical, Value("Signature")).ShouldBeTrue();
    }

    [Fact]
    public void SandboxTable_MatchesTheDemoSeedersKeys()
    {
        var rows = SandboxRow().Matches(ReadDoc()).ToList();

        rows.Count.ShouldBe(3);
        foreach (Match row in rows)
        {
            var code = row.Groups[1].Value;
            row.Groups[2].Value.ShouldBe(ApiKeyIssuer.SandboxKeyId(code));
            row.Groups[3].Value.ShouldBe(ApiKeyIssuer.SandboxSecret(code));
        }
    }

    private static string ReadDoc()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TalentPass.slnx")))
        {
            directory = directory.Parent;
        }

        return File.ReadAllText(Path.Combine(directory.ShouldNotBeNull().FullName, "docs", "partner-api.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [GeneratedRegex("^- ([A-Za-z0-9 -]+): `([^`]*)`$", RegexOptions.Multiline)]
    private static partial Regex ExampleLine();

    [GeneratedRegex(@"^\| (bank-[a-z]+) [^|]*\| `([^`]+)` \| `([^`]+)` \|$", RegexOptions.Multiline)]
    private static partial Regex SandboxRow();
}
