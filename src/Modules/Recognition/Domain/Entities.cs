namespace TalentPass.Modules.Recognition.Domain;

/// <summary>
/// One recognition: an application (by standard or for expert review) or an employer's self-recognition, and its
/// decision. Personal data stays in the registry; only the talent id is kept here (the mailing address is encrypted).
/// </summary>
internal sealed class RecognitionApplication
{
    public Guid Id { get; set; }

    /// <summary>Human-readable number, e.g. <c>RA-2026-0190A3F2</c>.</summary>
    public string Number { get; set; } = string.Empty;

    public Guid TalentId { get; set; }

    public string Path { get; set; } = RecognitionPaths.Standard;

    public string Status { get; set; } = RecognitionStatus.Submitted;

    public string RequestedLevel { get; set; } = string.Empty;

    /// <summary>The level the talent held when applying (for the promotion rule and the record).</summary>
    public string? LevelAtSubmission { get; set; }

    /// <summary>By standard: the highest level of the matched criteria; by expert review: from the panel's mean.</summary>
    public string? RecommendedLevel { get; set; }

    public string? DecidedLevel { get; set; }

    public string CatalogueVersion { get; set; } = string.Empty;

    /// <summary>Criterion codes cited, comma-separated.</summary>
    public string? Criteria { get; set; }

    public string? Statement { get; set; }

    /// <summary>The talent's employer when applying; for the employer path, the recognising employer.</summary>
    public Guid? EmployerOrganisationId { get; set; }

    public Guid? SubmittedBy { get; set; }

    public bool SubmittedOnBehalf { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset? PanelFormedAt { get; set; }

    public Guid? PanelFormedBy { get; set; }

    public DateTimeOffset? PanelClosedAt { get; set; }

    /// <summary>Panel mean × 100 (integer; 8750 = 87.50).</summary>
    public int? ScoreX100 { get; set; }

    public int? ScoresCounted { get; set; }

    public Guid? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecisionReason { get; set; }

    public DateOnly? EffectiveOn { get; set; }

    /// <summary>Employer path: the quota year consumed (released again on revocation).</summary>
    public int? QuotaYear { get; set; }

    public string? CertificateNumber { get; set; }

    /// <summary><c>sha256:&lt;hex&gt;</c> of the canonical certificate record recorded in the ledger.</summary>
    public string? CertificateDigest { get; set; }

    public long? LedgerIndex { get; set; }

    public string? MailAddressCipher { get; set; }

    public string? MailCarrier { get; set; }

    public string? MailTrackingNumber { get; set; }

    public DateTimeOffset? MailedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public Guid? RevokedBy { get; set; }

    public string? RevokeReason { get; set; }

    public int Version { get; set; }

    public IReadOnlyList<string> CriterionCodes =>
        string.IsNullOrEmpty(Criteria) ? [] : Criteria.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public decimal? Score => ScoreX100 is { } s ? s / 100m : null;
}

/// <summary>An evidence document attached to an application; its SHA-256 is kept with it.</summary>
internal sealed class EvidenceDocument
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long SizeBytes { get; set; }

    /// <summary><c>sha256:&lt;64 hex&gt;</c>.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public byte[] Content { get; set; } = [];

    public DateTimeOffset UploadedAt { get; set; }

    public Guid? UploadedBy { get; set; }
}

/// <summary>A data-sharing look-up made for a criterion and what it established (null <see cref="Matched"/>: a clerk decides).</summary>
internal sealed class DataLookup
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public string CriterionCode { get; set; } = string.Empty;

    public string Source { get; set; } = string.Empty;

    public Guid? AnswerId { get; set; }

    public string Outcome { get; set; } = string.Empty;

    public bool? Matched { get; set; }

    public string Explanation { get; set; } = string.Empty;

    public string? AnswerSha256 { get; set; }

    public DateTimeOffset FetchedAt { get; set; }
}

/// <summary>A member of the expert pool: an existing staff account (any role) with its professional affiliation.</summary>
internal sealed class Expert
{
    public Guid AccountId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    public Guid? AffiliationOrganisationId { get; set; }

    public string? AffiliationName { get; set; }

    public string? Field { get; set; }

    public bool IsActive { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    public Guid? AddedBy { get; set; }
}

/// <summary>An expert on one application's panel: the conflict-of-interest declaration and the independent score.</summary>
internal sealed class PanelMember
{
    public Guid ApplicationId { get; set; }

    public Guid ExpertAccountId { get; set; }

    /// <summary>The expert works for the applicant's employer (found automatically): may not score.</summary>
    public bool EmployerConflict { get; set; }

    public DateTimeOffset? DeclaredAt { get; set; }

    /// <summary>null until declared; true: the expert declared a conflict and may not score.</summary>
    public bool? HasConflict { get; set; }

    public string? ConflictReason { get; set; }

    public int? Score { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset? ScoredAt { get; set; }

    public bool MayScore => !EmployerConflict && HasConflict != true;
}

/// <summary>A qualified employer's yearly quota of self-recognitions for one level; <see cref="Used"/> only moves atomically.</summary>
internal sealed class EmployerQuota
{
    public Guid OrganisationId { get; set; }

    public int Year { get; set; }

    public string Level { get; set; } = string.Empty;

    public int Quota { get; set; }

    public int Used { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
