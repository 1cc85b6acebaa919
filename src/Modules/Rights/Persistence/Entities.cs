namespace TalentPass.Modules.Rights.Persistence;

/// <summary>One right of the catalogue (current state); list-valued fields are JSON arrays in TEXT columns.</summary>
internal sealed class RightRow
{
    public Guid Id { get; set; }

    public string Code { get; set; } = "";

    public string Kind { get; set; } = "";

    public string NameZh { get; set; } = "";

    public string NameEn { get; set; } = "";

    public string DescriptionZh { get; set; } = "";

    public string DescriptionEn { get; set; } = "";

    public Guid ProviderOrganisationId { get; set; }

    public string Levels { get; set; } = "[]";

    public string Categories { get; set; } = "[]";

    public string FamilyRelations { get; set; } = "[]";

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public string PolicyVersion { get; set; } = "";

    public string ServicePoints { get; set; } = "[]";

    public bool RequiresOnlineVerification { get; set; }

    public bool AllowsOfflineRedemption { get; set; }

    public bool StaticCodeAccepted { get; set; }

    public long ValueFen { get; set; }

    public string Quotas { get; set; } = "[]";

    public string Pools { get; set; } = "[]";

    public int ReversalWindowMinutes { get; set; }

    public string Status { get; set; } = "";

    public bool IsDemo { get; set; }

    /// <summary>1 at creation, +1 with every change; also the optimistic-concurrency token.</summary>
    public long Revision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? UpdatedBy { get; set; }
}

/// <summary>One revision of a right: the full definition as it was after the change (JSON), who, when, why.</summary>
internal sealed class RightRevisionRow
{
    public Guid RightId { get; set; }

    public long Revision { get; set; }

    public string Action { get; set; } = "";

    public string Definition { get; set; } = "";

    public string ChangedFields { get; set; } = "";

    public string? Note { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public Guid? ChangedBy { get; set; }
}

/// <summary>The single row whose revision grows with every catalogue change (the cache checks it).</summary>
internal sealed class CatalogueStateRow
{
    public int Id { get; set; }

    public long Revision { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A family member registered by a talent; name and ID number encrypted, masked copies for display.</summary>
internal sealed class FamilyMemberRow
{
    public Guid Id { get; set; }

    public Guid TalentId { get; set; }

    public string Relation { get; set; } = "";

    public string NameProtected { get; set; } = "";

    public string MaskedName { get; set; } = "";

    public string IdNumberProtected { get; set; } = "";

    public string IdNumberIndex { get; set; } = "";

    public string MaskedIdNumber { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RemovedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>A talent's financing application (融资申请) under a financial right, answered by the bank.</summary>
internal sealed class FinancingRow
{
    public Guid Id { get; set; }

    public string Reference { get; set; } = "";

    public Guid TalentId { get; set; }

    public string TalentMaskedName { get; set; } = "";

    public string TalentLevel { get; set; } = "";

    public Guid RightId { get; set; }

    public Guid BankOrganisationId { get; set; }

    public long AmountFen { get; set; }

    public int TermMonths { get; set; }

    public string Purpose { get; set; } = "";

    public string Status { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public Guid? AnsweredBy { get; set; }

    public long? ApprovedAmountFen { get; set; }

    public string? BankNote { get; set; }

    public int Version { get; set; }
}
