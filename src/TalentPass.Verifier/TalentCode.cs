namespace TalentPass.Verifier;

/// <summary>
/// Encodes and checks the TC1 text: <c>TC1:</c> + Base45(COSE_Sign1 tagged 18), format in docs/talent-code-format.md.
/// </summary>
public static class TalentCode
{
    public const string Prefix = "TC1:";

    /// <summary>Longest text accepted before any parsing (a v10-M QR holds 311 alphanumeric characters).</summary>
    public const int MaxLength = 512;

    public static string Encode(TalentCodeClaims claims, ICodeSigner signer) => throw new NotImplementedException();

    /// <summary>
    /// Parses and checks signature and time window (not status). <paramref name="tolerance"/> is the clock tolerance
    /// (one refresh step for dynamic codes). Never throws on any input.
    /// </summary>
    public static VerificationResult Verify(string? code, IKeyResolver keys, DateTimeOffset now, TimeSpan tolerance) =>
        throw new NotImplementedException();
}
