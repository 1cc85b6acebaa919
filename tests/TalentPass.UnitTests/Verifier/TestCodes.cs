using TalentPass.Verifier;

namespace TalentPass.UnitTests.Verifier;

/// <summary>Builders for the verifier tests: keys per profile (generated once per run) and claims with sensible defaults.</summary>
internal static class TestCodes
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<(ICodeSigner Signer, ICodeVerificationKey Key)> Es256 = new(() => Create(CodeProfiles.Es256));
    private static readonly Lazy<(ICodeSigner Signer, ICodeVerificationKey Key)> Sm2 = new(() => Create(CodeProfiles.Sm2));

    public static ICodeSigner Signer(string profile) => (profile == CodeProfiles.Es256 ? Es256 : Sm2).Value.Signer;

    public static ICodeVerificationKey Key(string profile) => (profile == CodeProfiles.Es256 ? Es256 : Sm2).Value.Key;

    public static IKeyResolver Keys(string profile) => new CodeKeyRing([Key(profile)]);

    public static TalentCodeClaims Claims(DateTimeOffset? issuedAt = null, CodeMode mode = CodeMode.Dynamic) => new()
    {
        Issuer = "CN-410100-ZYKJC",
        SubjectId = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray(),
        IssuedAt = issuedAt ?? Now,
        ExpiresAt = (issuedAt ?? Now).AddSeconds(mode == CodeMode.Dynamic ? 30 : 86_400 * 365),
        Level = "c",
        Category = "science",
        StatusListId = 1,
        StatusListIndex = 123_456,
        Rights = RightsSummary.MedicalGreenChannel | RightsSummary.Schooling | RightsSummary.Housing,
        MaskedName = "张*华",
        Mode = mode,
    };

    public static (ICodeSigner Signer, ICodeVerificationKey Key) Create(string profile)
    {
        var privateKey = CodeKeys.GeneratePrivateKey(profile);
        return (CodeKeys.CreateSigner(profile, privateKey), CodeKeys.CreateVerificationKey(profile, CodeKeys.ExportPublicKey(profile, privateKey)));
    }
}
