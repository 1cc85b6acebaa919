using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Partners.ApiSecurity;
using TalentPass.Modules.Partners.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Partners.Domain;

/// <summary>A new key: the secret is in this object only, once (never stored in clear, never shown again).</summary>
internal sealed record IssuedKey(Guid Id, string KeyId, string Secret, string Label, bool IsSandbox, DateTimeOffset CreatedAt);

internal sealed record ApiKeyView(Guid Id, string KeyId, string Label, string SecretHint, bool IsSandbox, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;

    public static ApiKeyView From(ApiKeyRow k) => new(k.Id, k.KeyId, k.Label, k.SecretHint, k.IsSandbox, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}

/// <summary>
/// Issues and revokes partner API keys. Key id <c>tpk_live_&lt;16 hex&gt;</c> (sandbox: <c>tpk_sandbox_&lt;code&gt;</c>), secret
/// <c>tps_&lt;43 Base64url characters&gt;</c> (256 random bits) kept AES-GCM-encrypted: HMAC verification needs the secret
/// itself, so it cannot be stored as a one-way hash. At most <see cref="MaxActive"/> active keys per partner.
/// </summary>
internal sealed class ApiKeyIssuer(PartnersDbContext db, IFieldProtector protector, TimeProvider clock, PartnerApiCache cache)
{
    public const int MaxActive = 10;
    public const int LabelMax = 100;

    /// <summary>Adds the key to the context; the caller saves (so a key can be issued in the same save as the partner).</summary>
    public async Task<Result<IssuedKey>> AddAsync(Guid organisationId, string? label, Guid? createdBy, CancellationToken ct)
    {
        label = label?.Trim();
        if (string.IsNullOrEmpty(label) || label.Length > LabelMax || label.Any(char.IsControl))
        {
            return PartnersErrors.KeyLabelInvalid;
        }

        if (await db.ApiKeys.CountAsync(k => k.OrganisationId == organisationId && k.RevokedAt == null, ct) >= MaxActive)
        {
            return PartnersErrors.TooManyKeys;
        }

        var keyId = "tpk_live_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = "tps_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        return Add(organisationId, keyId, secret, label, createdBy, sandbox: false);
    }

    /// <summary>
    /// The demo bank's deterministic SANDBOX key (demo mode only): id <c>tpk_sandbox_&lt;code&gt;</c>, secret derived from
    /// the code so that docs/partner-api.md can print it. Never use outside demo data.
    /// </summary>
    public IssuedKey AddSandbox(Guid organisationId, string code) =>
        Add(organisationId, SandboxKeyId(code), SandboxSecret(code), "Sandbox (demo) 沙箱（演示）", createdBy: null, sandbox: true);

    public static string SandboxKeyId(string code) => "tpk_sandbox_" + code;

    public static string SandboxSecret(string code) =>
        "tps_sandbox_" + Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes("talentpass-demo-sandbox:" + code)))[..32];

    public async Task<Result<ApiKeyView>> RevokeAsync(Guid organisationId, Guid id, Guid? by, CancellationToken ct)
    {
        var row = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.OrganisationId == organisationId, ct);
        if (row is null)
        {
            return PartnersErrors.KeyNotFound;
        }

        if (row.RevokedAt is null)
        {
            row.RevokedAt = clock.GetUtcNow();
            row.RevokedBy = by;
            await db.SaveChangesAsync(ct);
            cache.InvalidateKey(row.KeyId);
        }

        return ApiKeyView.From(row);
    }

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(Guid organisationId, CancellationToken ct)
    {
        var rows = await db.ApiKeys.AsNoTracking().Where(k => k.OrganisationId == organisationId).ToListAsync(ct);
        return rows.OrderBy(k => k.RevokedAt is not null).ThenByDescending(k => k.CreatedAt).Select(ApiKeyView.From).ToList();
    }

    private IssuedKey Add(Guid organisationId, string keyId, string secret, string label, Guid? createdBy, bool sandbox)
    {
        var now = clock.GetUtcNow();
        var row = new ApiKeyRow
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisationId,
            KeyId = keyId,
            SecretCipher = protector.Protect(secret),
            SecretHint = secret[^4..],
            Label = label,
            IsSandbox = sandbox,
            CreatedAt = now,
            CreatedBy = createdBy,
        };
        db.ApiKeys.Add(row);
        return new IssuedKey(row.Id, keyId, secret, label, sandbox, now);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
