namespace TalentPass.Modules.Governance.Persistence;

/// <summary>One version of a suspension/termination rule. A change is a new row (version + 1); old versions stay.</summary>
internal sealed class RuleRow
{
    public Guid Id { get; set; }

    public string Code { get; set; } = "";

    public int Version { get; set; }

    public string NameZh { get; set; } = "";

    public string NameEn { get; set; } = "";

    /// <summary><c>talent_office</c>, <c>big_data_bureau</c> or <c>partner</c>.</summary>
    public string OwnerKind { get; set; } = "";

    public Guid? OwnerOrganisationId { get; set; }

    public int? MisuseReportsMin { get; set; }

    public int? MisuseReportsDays { get; set; }

    public bool ReviewOverdue { get; set; }

    public bool LeftArea { get; set; }

    public bool ConfirmedSignal { get; set; }

    public int ResponseWorkingDays { get; set; }

    public string DeciderRole { get; set; } = "";

    public bool DeciderNotSender { get; set; }

    public string Effect { get; set; } = "";

    public Guid? EffectPartnerId { get; set; }

    public string? TerminationGround { get; set; }

    /// <summary><c>active</c>, <c>superseded</c> or <c>retired</c>.</summary>
    public string Status { get; set; } = "active";

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? CreatedBy { get; set; }

    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>A misuse report about a talent by a partner (API) or by staff.</summary>
internal sealed class MisuseReportRow
{
    public Guid Id { get; set; }

    public Guid TalentId { get; set; }

    public Guid? OrganisationId { get; set; }

    public Guid? AccountId { get; set; }

    /// <summary><c>partner_api</c> or <c>staff</c>.</summary>
    public string Channel { get; set; } = "";

    public string Description { get; set; } = "";

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A suspicious pattern in the scan log, for review; never an effect on its own.</summary>
internal sealed class SignalRow
{
    public Guid Id { get; set; }

    public Guid TalentId { get; set; }

    public string Kind { get; set; } = "";

    public string Status { get; set; } = "open";

    public Guid FirstScanId { get; set; }

    public Guid SecondScanId { get; set; }

    public Guid? FirstOrganisationId { get; set; }

    public Guid? SecondOrganisationId { get; set; }

    public DateTimeOffset FirstAt { get; set; }

    public DateTimeOffset SecondAt { get; set; }

    public DateTimeOffset DetectedAt { get; set; }

    public Guid? ReviewedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewNote { get; set; }
}

/// <summary>How far the signal detector has read the scan log (one row, id 1); also its multi-node lock.</summary>
internal sealed class SignalCursorRow
{
    public int Id { get; set; }

    public DateTimeOffset AfterAt { get; set; }

    public Guid AfterId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The rule engine's last run (one row, id 1); updating it first serialises engines on several nodes.</summary>
internal sealed class EngineStateRow
{
    public int Id { get; set; }

    public DateTimeOffset LastRunAt { get; set; }
}

/// <summary>A case: a rule applied to a talent with the facts, the notice, the talent's response and the decision.</summary>
internal sealed class CaseRow
{
    public Guid Id { get; set; }

    public Guid TalentId { get; set; }

    public Guid RuleId { get; set; }

    public string RuleCode { get; set; } = "";

    public int RuleVersion { get; set; }

    public string Effect { get; set; } = "";

    public string Status { get; set; } = "noticed";

    /// <summary>JSON object of the facts found (reports, review, data-sharing answer, signals, staff statement).</summary>
    public string FactsJson { get; set; } = "{}";

    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>Null when the rule engine opened the case.</summary>
    public Guid? OpenedBy { get; set; }

    public DateTimeOffset NoticeSentAt { get; set; }

    public Guid? NoticeSentBy { get; set; }

    /// <summary>When the response period ends (the notice instant for a 0-day period; else the end of the last working day).</summary>
    public DateTimeOffset RespondUntil { get; set; }

    public string? Response { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }

    public string? Outcome { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public Guid? DecidedBy { get; set; }

    public string? DecisionReason { get; set; }

    /// <summary>Until when the talent may appeal the decision.</summary>
    public DateTimeOffset? AppealUntil { get; set; }

    public int Version { get; set; }
}

/// <summary>An appeal against a case's decision; decided by someone other than the original decider.</summary>
internal sealed class AppealRow
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public Guid TalentId { get; set; }

    public string Grounds { get; set; } = "";

    public DateTimeOffset FiledAt { get; set; }

    public DateTimeOffset DecideBy { get; set; }

    public string Status { get; set; } = "pending";

    public DateTimeOffset? DecidedAt { get; set; }

    public Guid? DecidedBy { get; set; }

    public string? Reason { get; set; }
}

/// <summary>Every decision (suspension, termination, dismissal, reinstatement, appeal) with rule version, facts, decider, evidence.</summary>
internal sealed class DecisionRow
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public Guid TalentId { get; set; }

    public string Kind { get; set; } = "";

    public string Outcome { get; set; } = "";

    public string RuleCode { get; set; } = "";

    public int RuleVersion { get; set; }

    public string FactsJson { get; set; } = "{}";

    public Guid? DecidedBy { get; set; }

    public string DeciderRole { get; set; } = "";

    public string Reason { get; set; } = "";

    public string? Ground { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    public string DocumentDigest { get; set; } = "";

    public string? LedgerKind { get; set; }

    public long? LedgerIndex { get; set; }
}

/// <summary>One partner's rights withheld from a talent (rule effect <c>suspend_partner</c>).</summary>
internal sealed class RestrictionRow
{
    public Guid Id { get; set; }

    public Guid TalentId { get; set; }

    public Guid PartnerOrganisationId { get; set; }

    public Guid CaseId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? LiftedAt { get; set; }
}
