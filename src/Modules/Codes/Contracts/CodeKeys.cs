namespace TalentPass.Modules.Codes.Contracts;

/// <summary>A signing key of the talent code as the CLI shows it (never the private half).</summary>
public sealed record CodeKeyInfo(
    string KeyId,
    string Kind,
    string Profile,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    DateTimeOffset? RetiredAt);

/// <summary>Key management for <c>talentpass keys …</c>.</summary>
public interface ICodeKeyAdministration
{
    /// <summary>
    /// Creates a new issuer key (profile <c>es256</c> or <c>sm2</c>; null = the configured <c>Codes:Profile</c>) that signs
    /// from now on. Older issuer keys stop signing but stay in the trust list until their validity ends, so codes
    /// issued with them remain valid.
    /// </summary>
    Task<CodeKeyInfo> RotateAsync(string? profile, CancellationToken cancellationToken = default);

    /// <summary>Every key (root and issuers), newest first.</summary>
    Task<IReadOnlyList<CodeKeyInfo>> ListAsync(CancellationToken cancellationToken = default);
}
