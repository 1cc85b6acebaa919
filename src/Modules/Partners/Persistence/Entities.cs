namespace TalentPass.Modules.Partners.Persistence;

/// <summary>One onboarded partner; <see cref="OrganisationId"/> is its Identity organisation (kind Partner).</summary>
internal sealed class PartnerRow
{
    public Guid OrganisationId { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary><c>financial</c> or <c>consumer</c>.</summary>
    public required string Kind { get; set; }

    /// <summary><c>active</c>, <c>suspended</c> or <c>left</c>.</summary>
    public required string Status { get; set; }

    public required string LicenceCode { get; set; }

    public required string ContactName { get; set; }

    public required string ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary><c>sha256:&lt;hex&gt;</c> of the signed agreement (financial) or operating agreement (consumer).</summary>
    public required string AgreementDigest { get; set; }

    public long? AgreementLedgerIndex { get; set; }

    public Guid? ApplicationId { get; set; }

    /// <summary>Requests per minute; null = <see cref="PartnersOptions.RateLimitPerMinute"/>.</summary>
    public int? RateLimitPerMinute { get; set; }

    public DateTimeOffset OnboardedAt { get; set; }

    public Guid? OnboardedBy { get; set; }

    public DateTimeOffset StatusChangedAt { get; set; }

    public string? StatusReason { get; set; }

    public int Version { get; set; } = 1;
}

/// <summary>A voluntary application by a financial enterprise (M-18), reviewed by the talent office.</summary>
internal sealed class ApplicationRow
{
    public Guid Id { get; set; }

    public required string Kind { get; set; }

    public required string CompanyName { get; set; }

    /// <summary>Requested organisation code (becomes the Identity organisation's code).</summary>
    public required string Code { get; set; }

    public required string LicenceCode { get; set; }

    public required string ContactName { get; set; }

    public required string ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>Username of the partner staff account created on approval.</summary>
    public required string StaffUsername { get; set; }

    /// <summary><c>pending</c>, <c>approved</c> or <c>refused</c>.</summary>
    public required string Status { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public Guid? SubmittedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public Guid? DecidedBy { get; set; }

    public string? DecisionReason { get; set; }

    public Guid? OrganisationId { get; set; }

    public int Version { get; set; } = 1;

    public List<ApplicationFileRow> Files { get; set; } = [];
}

/// <summary>An uploaded material, kept with its SHA-256.</summary>
internal sealed class ApplicationFileRow
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    /// <summary><c>business_licence</c>, <c>agreement</c> or <c>other</c>.</summary>
    public required string Kind { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>Status history of partners (suspension, reinstatement, leaving), each recorded as evidence too.</summary>
internal sealed class StatusChangeRow
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public required string FromStatus { get; set; }

    public required string ToStatus { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public Guid? ChangedBy { get; set; }

    public required string DocumentDigest { get; set; }

    public long? LedgerIndex { get; set; }
}

/// <summary>A partner API key: the secret is kept encrypted (HMAC verification needs it), shown once at creation.</summary>
internal sealed class ApiKeyRow
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    /// <summary>Public key id, e.g. <c>tpk_live_…</c> or <c>tpk_sandbox_…</c>.</summary>
    public required string KeyId { get; set; }

    /// <summary>The secret, AES-GCM protected with <c>IFieldProtector</c>.</summary>
    public required string SecretCipher { get; set; }

    /// <summary>The last 4 characters of the secret, to tell keys apart.</summary>
    public required string SecretHint { get; set; }

    public required string Label { get; set; }

    public bool IsSandbox { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? CreatedBy { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public Guid? RevokedBy { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}

/// <summary>A nonce seen with a key; the unique key makes replays fail on every node.</summary>
internal sealed class NonceRow
{
    public required string KeyId { get; set; }

    public required string Nonce { get; set; }

    public DateTimeOffset SeenAt { get; set; }
}

/// <summary>A state-changing partner call's Idempotency-Key and, once done, its response.</summary>
internal sealed class IdempotencyRow
{
    public Guid OrganisationId { get; set; }

    public required string IdempotencyKey { get; set; }

    /// <summary>Hex SHA-256 over method, path+query and body.</summary>
    public required string RequestHash { get; set; }

    /// <summary>0 while in progress, else the HTTP status of the stored response.</summary>
    public int ResponseStatus { get; set; }

    public string? ResponseContentType { get; set; }

    public string? ResponseLocation { get; set; }

    public byte[]? ResponseBody { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
