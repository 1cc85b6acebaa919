namespace TalentPass.Modules.Talents.Domain;

/// <summary>Where a profile value came from: declared by the talent, or verified (by whom, from which source).</summary>
internal static class ProvenanceState
{
    public const string SelfDeclared = "self_declared";
    public const string Verified = "verified";
}

/// <summary>Data sources of verified values: <c>manual</c>, <c>import:&lt;file&gt;</c>, <c>household_registry</c>, …</summary>
internal static class DataSources
{
    public const string Manual = "manual";
    public const string SelfService = "self_service";
    public const string ChangeRequest = "change_request";
    public const string HouseholdRegistry = "household_registry";
    public const string Demo = "demo";

    public static string Import(string file) => "import:" + file;
}

/// <summary>The provenance of one profile field of one talent.</summary>
internal sealed class FieldProvenance
{
    private FieldProvenance()
    {
    }

    public Guid TalentId { get; private set; }

    public string Field { get; private set; } = string.Empty;

    public string State { get; private set; } = ProvenanceState.SelfDeclared;

    public Guid? VerifiedBy { get; private set; }

    public string Source { get; private set; } = DataSources.SelfService;

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsVerified => State == ProvenanceState.Verified;

    public static FieldProvenance SelfDeclared(Guid talentId, string field, DateTimeOffset now) => new()
    {
        TalentId = talentId,
        Field = field,
        State = ProvenanceState.SelfDeclared,
        Source = DataSources.SelfService,
        UpdatedAt = now,
    };

    public static FieldProvenance Verified(Guid talentId, string field, Guid? verifiedBy, string source, DateTimeOffset now) => new()
    {
        TalentId = talentId,
        Field = field,
        State = ProvenanceState.Verified,
        VerifiedBy = verifiedBy,
        Source = source,
        UpdatedAt = now,
    };

    public void MarkSelfDeclared(DateTimeOffset now)
    {
        State = ProvenanceState.SelfDeclared;
        VerifiedBy = null;
        Source = DataSources.SelfService;
        UpdatedAt = now;
    }

    public void MarkVerified(Guid? verifiedBy, string source, DateTimeOffset now)
    {
        State = ProvenanceState.Verified;
        VerifiedBy = verifiedBy;
        Source = source;
        UpdatedAt = now;
    }
}
