namespace TalentPass.Modules.Talents.Domain;

/// <summary>
/// The talent-related profile of an enterprise (M-9: project and business-cooperation information). Keyed by
/// the Identity organisation id of kind Enterprise; the organisation's name lives in Identity.
/// </summary>
internal sealed class Enterprise
{
    private Enterprise()
    {
    }

    public Guid OrganisationId { get; private set; }

    public string CreditCode { get; private set; } = string.Empty;

    public string LegalRepresentative { get; private set; } = string.Empty;

    public DateOnly? FoundedOn { get; private set; }

    public string? Industry { get; private set; }

    public Guid? FounderTalentId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public List<EnterpriseProject> Projects { get; private set; } = [];

    public List<EnterpriseCooperation> Cooperations { get; private set; } = [];

    public static Enterprise Create(Guid organisationId, UnifiedSocialCreditCode creditCode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(creditCode);
        return new Enterprise
        {
            OrganisationId = organisationId,
            CreditCode = creditCode.Value,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 0,
        };
    }

    public void Update(
        UnifiedSocialCreditCode creditCode,
        string legalRepresentative,
        DateOnly? foundedOn,
        string? industry,
        Guid? founderTalentId,
        IEnumerable<EnterpriseProject> projects,
        IEnumerable<EnterpriseCooperation> cooperations,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(creditCode);
        CreditCode = creditCode.Value;
        LegalRepresentative = legalRepresentative.Trim();
        FoundedOn = foundedOn;
        Industry = string.IsNullOrWhiteSpace(industry) ? null : industry.Trim();
        FounderTalentId = founderTalentId;
        Projects.Clear();
        Projects.AddRange(projects);
        Cooperations.Clear();
        Cooperations.AddRange(cooperations);
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>A project of an enterprise; funding in integer fen (CNY).</summary>
internal sealed class EnterpriseProject
{
    public EnterpriseProject(Guid id, Guid enterpriseId, string name, string? description, long fundingFen, DateOnly? startsOn, DateOnly? endsOn)
    {
        Id = id;
        EnterpriseId = enterpriseId;
        Name = name;
        Description = description;
        FundingFen = fundingFen;
        StartsOn = startsOn;
        EndsOn = endsOn;
    }

    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    public long FundingFen { get; private set; }

    public DateOnly? StartsOn { get; private set; }

    public DateOnly? EndsOn { get; private set; }
}

/// <summary>A business cooperation of an enterprise with a partner.</summary>
internal sealed class EnterpriseCooperation
{
    public EnterpriseCooperation(Guid id, Guid enterpriseId, string partnerName, string? description, DateOnly? since)
    {
        Id = id;
        EnterpriseId = enterpriseId;
        PartnerName = partnerName;
        Description = description;
        Since = since;
    }

    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string PartnerName { get; private set; }

    public string? Description { get; private set; }

    public DateOnly? Since { get; private set; }
}
