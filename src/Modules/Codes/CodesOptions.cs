using System.ComponentModel.DataAnnotations;
using TalentPass.Verifier;

namespace TalentPass.Modules.Codes;

/// <summary>Configuration section <c>Codes</c>: issuer, crypto profile, key protection, code lifetimes, list ages.</summary>
internal sealed class CodesOptions : IValidatableObject
{
    public const string Section = "Codes";

    /// <summary>Issuer id of this deployment, carried in every code and list.</summary>
    [Required]
    [StringLength(40)]
    public string Issuer { get; set; } = "CN-410100-ZYKJC";

    /// <summary>Crypto profile of new keys: <c>es256</c> (default) or <c>sm2</c>. Verifiers accept both.</summary>
    public string Profile { get; set; } = CodeProfiles.Es256;

    /// <summary>Base64 of 32 random bytes: AES-256-GCM key that encrypts the private signing keys in the database.</summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>When no key-encryption key is configured, generate one into <see cref="GeneratedKeyFile"/> (demo only).</summary>
    public bool AllowGeneratedKeys { get; set; }

    public string GeneratedKeyFile { get; set; } = "data/keys/codes-kek.json";

    /// <summary>Refresh period of the dynamic code (at most 60 s); also the clock tolerance of verification.</summary>
    [Range(5, 60)]
    public int PeriodSeconds { get; set; } = 30;

    /// <summary>Lifetime of a static (printed) code; never beyond the signing key's validity.</summary>
    public TimeSpan StaticCodeLifetime { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Validity of a new issuer key (it is trusted until then, so codes in validity survive rotation).</summary>
    public TimeSpan IssuerKeyValidity { get; set; } = TimeSpan.FromDays(400);

    /// <summary>An issuer key with less validity left than this is replaced automatically at the next issuance.</summary>
    public TimeSpan IssuerKeyRenewBefore { get; set; } = TimeSpan.FromDays(200);

    public TimeSpan RootKeyValidity { get; set; } = TimeSpan.FromDays(3650);

    /// <summary>Entries per status list (at least 131,072).</summary>
    [Range(StatusList.MinimumSize, 8 * StatusList.MinimumSize)]
    public int StatusListSize { get; set; } = StatusList.MinimumSize;

    /// <summary>Share of a list's entries given out before a new list is opened (random indexes stay cheap to find).</summary>
    [Range(0.1, 0.9)]
    public double StatusListFill { get; set; } = 0.75;

    /// <summary>A signed status list is re-signed at least this often (at most 5 minutes).</summary>
    public TimeSpan StatusListRepublish { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Maximum age of a status list: its ValidUntil; offline verifiers with an older list answer undetermined.</summary>
    public TimeSpan StatusListMaxAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Maximum age of the signed trust list (ValidUntil).</summary>
    public TimeSpan TrustListMaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often a node re-reads status changes and keys made by other nodes (cache TTL).</summary>
    public TimeSpan CacheRefresh { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Levels that get a code (all of M-7 by default).</summary>
    public IList<string> EligibleLevels { get; } = ["a", "b", "c", "d", "e", "youth", "social", "reserve"];

    /// <summary>Largest verification request body accepted (bytes); larger ones get 413 before parsing.</summary>
    [Range(256, 65536)]
    public int MaxVerifyBodyBytes { get; set; } = 2048;

    public TimeSpan Period => TimeSpan.FromSeconds(PeriodSeconds);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!CodeProfiles.IsKnown(Profile))
        {
            yield return new ValidationResult("Codes:Profile must be es256 or sm2.", [nameof(Profile)]);
        }

        if (StatusListRepublish > TimeSpan.FromMinutes(5) || StatusListRepublish <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Codes:StatusListRepublish must be positive and at most 5 minutes.", [nameof(StatusListRepublish)]);
        }

        if (StatusListMaxAge <= StatusListRepublish)
        {
            yield return new ValidationResult("Codes:StatusListMaxAge must be longer than Codes:StatusListRepublish.", [nameof(StatusListMaxAge)]);
        }

        if (StaticCodeLifetime >= IssuerKeyRenewBefore)
        {
            yield return new ValidationResult("Codes:StaticCodeLifetime must be shorter than Codes:IssuerKeyRenewBefore.", [nameof(StaticCodeLifetime)]);
        }

        if (IssuerKeyRenewBefore >= IssuerKeyValidity)
        {
            yield return new ValidationResult("Codes:IssuerKeyRenewBefore must be shorter than Codes:IssuerKeyValidity.", [nameof(IssuerKeyRenewBefore)]);
        }
    }
}
