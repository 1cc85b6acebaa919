namespace TalentPass.Verifier;

/// <summary>What a scan concludes. <see cref="Undetermined"/> only offline, when trust or status data is too old.</summary>
public enum VerificationOutcome
{
    Valid,
    Expired,
    InvalidSignature,
    UnknownKey,
    Suspended,
    Terminated,
    Malformed,
    Undetermined,
}

/// <summary>Status of an entry in a status list (2 bits).</summary>
public enum EntryStatus : byte
{
    Valid = 0,
    Suspended = 1,
    Terminated = 2,
}

/// <summary>
/// The result of verifying one code. <see cref="Claims"/> is set when the signature was checked (even if the code is
/// expired or the talent suspended); <see cref="CodeHash"/> is SHA-256 over the code text (what scan logs keep).
/// </summary>
public sealed record VerificationResult(
    VerificationOutcome Outcome,
    TalentCodeClaims? Claims,
    string Reason,
    ReadOnlyMemory<byte> CodeHash)
{
    public static string OutcomeCode(VerificationOutcome outcome) => outcome switch
    {
        VerificationOutcome.Valid => "valid",
        VerificationOutcome.Expired => "expired",
        VerificationOutcome.InvalidSignature => "invalid_signature",
        VerificationOutcome.UnknownKey => "unknown_key",
        VerificationOutcome.Suspended => "suspended",
        VerificationOutcome.Terminated => "terminated",
        VerificationOutcome.Malformed => "malformed",
        VerificationOutcome.Undetermined => "undetermined",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}

/// <summary>Looks up verification keys by key id (the server: its key store; offline: a verified trust list).</summary>
public interface IKeyResolver
{
    ICodeVerificationKey? Find(ReadOnlySpan<byte> keyId);
}
