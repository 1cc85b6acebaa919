using System.Globalization;
using System.Text;
using TalentPass.Verifier;

namespace TalentPass.Benchmarks;

/// <summary>
/// Prints the test vectors of docs/talent-code-format.md: fresh TEST-ONLY keys (root es256, issuer es256 and sm2),
/// codes with fixed claims, a signed trust list and a signed status list. ECDSA and SM2 signatures are randomised, so
/// each run prints different vectors; the unit test VectorDocumentTests checks whatever the document holds.
/// </summary>
internal static class CodeVectors
{
    public static readonly DateTimeOffset IssuedAt = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    public static string Generate()
    {
        var root = CodeKeys.GeneratePrivateKey(CodeProfiles.Es256);
        var es = CodeKeys.GeneratePrivateKey(CodeProfiles.Es256);
        var sm = CodeKeys.GeneratePrivateKey(CodeProfiles.Sm2);
        var rootSigner = CodeKeys.CreateSigner(CodeProfiles.Es256, root);
        var esSigner = CodeKeys.CreateSigner(CodeProfiles.Es256, es);
        var smSigner = CodeKeys.CreateSigner(CodeProfiles.Sm2, sm);
        var claims = CodesBenchmark.Claims() with
        {
            SubjectId = Convert.FromHexString("00112233445566778899AABBCCDDEEFF"),
            StatusListIndex = 4242,
        };
        var trust = new TrustList("CN-410100-ZYKJC", 7, IssuedAt.AddHours(-1), IssuedAt.AddDays(1),
        [
            Trusted(CodeProfiles.Es256, es),
            Trusted(CodeProfiles.Sm2, sm),
        ]);
        var status = new StatusList(1, StatusList.MinimumSize, IssuedAt.AddMinutes(-2), IssuedAt.AddMinutes(13));
        status.Set(4243, EntryStatus.Suspended);
        status.Set(4244, EntryStatus.Terminated);

        var dynamic = TalentCode.Encode(claims, esSigner);
        var (tbs, signature) = TalentCodeInternals.SigStructureOf(dynamic);
        var parts = Parts(dynamic);
        var lines = new (string Key, string Value)[]
        {
            ("root.es256.private-pkcs8", B64(root)),
            ("root.es256.public-spki", B64(CodeKeys.ExportPublicKey(CodeProfiles.Es256, root))),
            ("issuer.es256.private-pkcs8", B64(es)),
            ("issuer.es256.public-spki", B64(CodeKeys.ExportPublicKey(CodeProfiles.Es256, es))),
            ("issuer.es256.kid", Hex(esSigner.KeyId.Span)),
            ("issuer.sm2.private-pkcs8", B64(sm)),
            ("issuer.sm2.public-spki", B64(CodeKeys.ExportPublicKey(CodeProfiles.Sm2, sm))),
            ("issuer.sm2.kid", Hex(smSigner.KeyId.Span)),
            ("verify-at", (IssuedAt.AddSeconds(10)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            ("code.es256.dynamic", dynamic),
            ("code.es256.dynamic.protected-hex", Hex(parts.Protected)),
            ("code.es256.dynamic.payload-hex", Hex(parts.Payload)),
            ("code.es256.dynamic.sig-structure-hex", Hex(tbs)),
            ("code.es256.dynamic.signature-hex", Hex(signature)),
            ("code.sm2.dynamic", TalentCode.Encode(claims, smSigner)),
            ("code.es256.static", TalentCode.Encode(claims with { Mode = CodeMode.Static, ExpiresAt = IssuedAt.AddDays(180) }, esSigner)),
            ("code.es256.suspended", TalentCode.Encode(claims with { StatusListIndex = 4243 }, esSigner)),
            ("code.es256.terminated", TalentCode.Encode(claims with { StatusListIndex = 4244 }, esSigner)),
            ("trust-list.cose-base64", B64(trust.Sign(rootSigner))),
            ("status-list.1.cose-base64", B64(status.Sign(esSigner))),
        };
        var text = new StringBuilder();
        foreach (var (key, value) in lines)
        {
            text.Append(key).Append(": ").Append(value).Append('\n');
        }

        return text.ToString();

        TrustedKey Trusted(string profile, byte[] privateKey)
        {
            var spki = CodeKeys.ExportPublicKey(profile, privateKey);
            return new TrustedKey(CodeKeys.ComputeKeyId(spki), profile, spki, IssuedAt.AddDays(-30), IssuedAt.AddYears(1));
        }
    }

    private static (byte[] Protected, byte[] Payload) Parts(string code)
    {
        var bytes = new byte[code.Length];
        TalentPass.Verifier.Wire.Base45.TryDecode(code.AsSpan(TalentCode.Prefix.Length), bytes, out var length);
        var view = TalentPass.Verifier.Wire.CoseSign1View.Parse(bytes.AsSpan(0, length));
        return (view.Protected.ToArray(), view.Payload.ToArray());
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes);

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
