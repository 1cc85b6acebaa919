namespace TalentPass.Modules.HostBank.Persistence;

/// <summary>A talent's host-bank choice; the current one has no <see cref="EndedAt"/> (at most one per talent).</summary>
internal sealed class ChoiceRow
{
    public Guid Id { get; set; }

    public Guid TalentId { get; set; }

    public Guid PartnerOrganisationId { get; set; }

    /// <summary>First business day the bank is host; <see cref="Until"/> the day the next choice took over.</summary>
    public DateOnly Since { get; set; }

    public DateOnly? Until { get; set; }

    public DateTimeOffset ChosenAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public Guid? ChosenBy { get; set; }

    /// <summary>The canonical JSON of the commitment whose SHA-256 is in the evidence ledger.</summary>
    public string CommitmentDocument { get; set; } = "";

    public long? LedgerIndex { get; set; }
}

/// <summary>An enterprise founded by a talent who chose a host bank (from the talent registry).</summary>
internal sealed class LinkRow
{
    public Guid EnterpriseOrganisationId { get; set; }

    public Guid TalentId { get; set; }

    public string CreditCode { get; set; } = "";

    public DateTimeOffset LinkedAt { get; set; }
}

/// <summary>The host bank's deposits and loans of one enterprise for one quarter (fen).</summary>
internal sealed class BankReportRow
{
    public Guid Id { get; set; }

    public Guid EnterpriseOrganisationId { get; set; }

    public string Quarter { get; set; } = "";

    public Guid PartnerOrganisationId { get; set; }

    public long DepositsFen { get; set; }

    public long LoansFen { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    public Guid? ReportedBy { get; set; }
}

/// <summary>The enterprise's totals at all banks, revenue of the last year and equity valuation for one quarter (fen).</summary>
internal sealed class EnterpriseReportRow
{
    public Guid Id { get; set; }

    public Guid EnterpriseOrganisationId { get; set; }

    public string Quarter { get; set; } = "";

    public long TotalDepositsFen { get; set; }

    public long TotalLoansFen { get; set; }

    public long RevenueFen { get; set; }

    public long ValuationFen { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    public Guid? ReportedBy { get; set; }
}

/// <summary>TalentPass's decision for one enterprise and quarter, recorded as evidence.</summary>
internal sealed class AssessmentRow
{
    public Guid EnterpriseOrganisationId { get; set; }

    public string Quarter { get; set; } = "";

    public Guid TalentId { get; set; }

    public Guid PartnerOrganisationId { get; set; }

    public string Outcome { get; set; } = "";

    public long HostFen { get; set; }

    public long TotalFen { get; set; }

    public int? ShareBasisPoints { get; set; }

    public DateTimeOffset AssessedAt { get; set; }

    public string Document { get; set; } = "";

    public long? LedgerIndex { get; set; }
}
