using System.Globalization;
using TalentPass.Verifier;

namespace TalentPass.UnitTests.Verifier;

/// <summary>The test vectors of docs/talent-code-format.md §11 hold: keys, key ids, codes, lists, claims and outcomes.</summary>
public sealed class FormatDocumentTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Vectors = new(Read);

    private static DateTimeOffset VerifyAt => DateTimeOffset.Parse(V("verify-at"), CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("root.es256")]
    [InlineData("issuer.es256")]
    [InlineData("issuer.sm2")]
    public void Keys_PrivateKeyMatchesPublicKeyAndKeyId(string name)
    {
        var profile = name.Split('.')[1];

        Convert.ToBase64String(CodeKeys.ExportPublicKey(profile, Convert.FromBase64String(V(name + ".private-pkcs8")))).ShouldBe(V(name + ".public-spki"));
        if (name.StartsWith("issuer", StringComparison.Ordinal))
        {
            Convert.ToHexStringLower(CodeKeys.ComputeKeyId(Convert.FromBase64String(V(name + ".public-spki")))).ShouldBe(V(name + ".kid"));
        }
    }

    [Theory]
    [InlineData("code.es256.dynamic", VerificationOutcome.Valid)]
    [InlineData("code.sm2.dynamic", VerificationOutcome.Valid)]
    [InlineData("code.es256.static", VerificationOutcome.Valid)]
    [InlineData("code.es256.suspended", VerificationOutcome.Suspended)]
    [InlineData("code.es256.terminated", VerificationOutcome.Terminated)]
    public void Codes_AtVerifyAtWithBothLists_HaveTheDocumentedOutcome(string name, VerificationOutcome expected)
    {
        var result = Verifier(VerifyAt).Verify(V(name));

        result.Outcome.ShouldBe(expected, result.Reason);
    }

    [Theory]
    [InlineData("code.es256.dynamic")]
    [InlineData("code.sm2.dynamic")]
    public void Codes_DynamicVectors_CarryTheDocumentedClaims(string name)
    {
        var claims = Verifier(VerifyAt).Verify(V(name)).Claims.ShouldNotBeNull();

        claims.Issuer.ShouldBe("CN-410100-ZYKJC");
        Convert.ToHexStringLower(claims.SubjectId.Span).ShouldBe("00112233445566778899aabbccddeeff");
        claims.IssuedAt.ToUnixTimeSeconds().ShouldBe(1795248000);
        claims.ExpiresAt.ToUnixTimeSeconds().ShouldBe(1795248030);
        claims.Level.ShouldBe("c");
        claims.Category.ShouldBe("science");
        (claims.StatusListId, claims.StatusListIndex).ShouldBe((1u, 4242u));
        claims.Rights.ShouldBe(RightsSummary.MedicalGreenChannel | RightsSummary.Schooling | RightsSummary.Housing);
        claims.MaskedName.ShouldBe("张*华");
        claims.Mode.ShouldBe(CodeMode.Dynamic);
    }

    [Fact]
    public void Codes_StaticVector_IsStaticForHalfAYear()
    {
        var claims = Verifier(VerifyAt).Verify(V("code.es256.static")).Claims.ShouldNotBeNull();

        claims.Mode.ShouldBe(CodeMode.Static);
        claims.ExpiresAt.ShouldBe(new DateTimeOffset(2027, 5, 20, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Codes_LaterOrWithoutStatusList_HaveTheDocumentedOutcomes()
    {
        Verifier(VerifyAt.AddSeconds(51)).Verify(V("code.es256.dynamic")).Outcome.ShouldBe(VerificationOutcome.Expired);
        Verifier(new DateTimeOffset(2026, 11, 21, 8, 14, 0, TimeSpan.Zero)).Verify(V("code.es256.static")).Outcome.ShouldBe(VerificationOutcome.Undetermined);
        Verifier(VerifyAt, withStatusList: false).Verify(V("code.es256.dynamic")).Outcome.ShouldBe(VerificationOutcome.Undetermined);
    }

    [Fact]
    public void Parts_OfTheEs256Vector_MatchTheCode()
    {
        var (tbs, signature) = InteropTests.ToBeSigned(V("code.es256.dynamic"));

        Convert.ToHexStringLower(tbs).ShouldBe(V("code.es256.dynamic.sig-structure-hex"));
        Convert.ToHexStringLower(signature).ShouldBe(V("code.es256.dynamic.signature-hex"));
        Convert.ToHexStringLower(tbs).ShouldContain(V("code.es256.dynamic.protected-hex") + "40");
        Convert.ToHexStringLower(tbs).ShouldEndWith(V("code.es256.dynamic.payload-hex"));
        V("code.es256.dynamic.protected-hex").ShouldBe("a201260448" + V("issuer.es256.kid"));
    }

    private static OfflineVerifier Verifier(DateTimeOffset now, bool withStatusList = true)
    {
        var root = CodeKeys.CreateVerificationKey(CodeProfiles.Es256, Convert.FromBase64String(V("root.es256.public-spki")));
        var verifier = new OfflineVerifier(root, new FakeClock(now));
        verifier.TryUseTrustList(Convert.FromBase64String(V("trust-list.cose-base64")), out var reason).ShouldBeTrue(reason);
        if (withStatusList)
        {
            verifier.TryUseStatusList(Convert.FromBase64String(V("status-list.1.cose-base64")), out reason).ShouldBeTrue(reason);
        }

        return verifier;
    }

    private static string V(string key) => Vectors.Value.TryGetValue(key, out var value) ? value : throw new ShouldAssertException($"docs/talent-code-format.md has no vector '{key}'.");

    private static IReadOnlyDictionary<string, string> Read()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TalentPass.slnx")))
        {
            directory = directory.Parent;
        }

        var lines = File.ReadAllLines(Path.Combine(directory.ShouldNotBeNull().FullName, "docs", "talent-code-format.md"));
        var start = Array.IndexOf(lines, "```tc1-vectors");
        start.ShouldBeGreaterThanOrEqualTo(0, "the document has no ```tc1-vectors block");
        return lines.Skip(start + 1)
            .TakeWhile(line => line != "```")
            .Select(line => line.Split(": ", 2))
            .ToDictionary(parts => parts[0], parts => parts[1]);
    }
}
