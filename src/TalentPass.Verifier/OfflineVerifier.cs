namespace TalentPass.Verifier;

/// <summary>
/// Verifies codes in memory against a cached trust list and status lists — what a service point or partner embeds.
/// Stale trust or status data (past its ValidUntil) makes the answer <see cref="VerificationOutcome.Undetermined"/>,
/// never suspended or terminated. Thread-safe; lists can be replaced while verifying.
/// </summary>
public sealed class OfflineVerifier
{
    public OfflineVerifier(ICodeVerificationKey root, TimeProvider? time = null, TimeSpan? tolerance = null) =>
        throw new NotImplementedException();

    /// <summary>Installs a signed trust list if it verifies and is newer than the one held.</summary>
    public bool TryUseTrustList(ReadOnlySpan<byte> signed, out string? reason) => throw new NotImplementedException();

    /// <summary>Installs a signed status list if it verifies against the trust list and is newer than the one held.</summary>
    public bool TryUseStatusList(ReadOnlySpan<byte> signed, out string? reason) => throw new NotImplementedException();

    public VerificationResult Verify(string? code) => throw new NotImplementedException();
}
