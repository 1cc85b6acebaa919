namespace TalentPass.Modules.Rights.Contracts;

/// <summary>Stable codes used across the rights modules.</summary>
public static class RightKinds
{
    public const string Government = "government";
    public const string Financial = "financial";
    public const string Consumer = "consumer";
}

/// <summary>Who a redemption is for: the talent or a covered family member (MISSION.md N: parents, spouse, children).</summary>
public static class Beneficiaries
{
    public const string Self = "self";
    public const string Parent = "parent";
    public const string Spouse = "spouse";
    public const string Child = "child";
}

/// <summary>Quota scopes and periods.</summary>
public static class QuotaScopes
{
    public const string Overall = "overall";
    public const string PerTalent = "per_talent";
    public const string PerServicePoint = "per_service_point";
}

public static class QuotaPeriods
{
    /// <summary>The whole validity of the right.</summary>
    public const string None = "none";
    public const string Day = "day";
    public const string Month = "month";
    public const string Year = "year";
}

/// <summary>A limit on redemptions: e.g. per talent 2 per month, overall 100, per service point 30 per day (periods in Asia/Shanghai).</summary>
public sealed record RightQuota(string Scope, int Limit, string Period);

/// <summary>An inventory of countable goods the right hands out, e.g. talent apartments "provincial" 1,000 units.</summary>
public sealed record RightPool(string Code, string NameZh, string NameEn, int Capacity);

/// <summary>
/// One right (权益) of the catalogue, as other modules see it. <paramref name="Levels"/> are talent level codes
/// (<c>a</c>…<c>e</c>, <c>youth</c>, <c>social</c>, <c>reserve</c>); <paramref name="Categories"/> empty = every category;
/// <paramref name="FamilyRelations"/> the <see cref="Beneficiaries"/> besides <c>self</c> that are covered;
/// <paramref name="ServicePointOrganisationIds"/> where it is given (organisations of kind ServicePoint or Partner);
/// <paramref name="ValueFen"/> the nominal value or the discount given (让利) per redemption, in fen;
/// <paramref name="ReversalWindowMinutes"/> how long staff may reverse a redemption.
/// <paramref name="Revision"/> grows with every change of the right.
/// </summary>
public sealed record RightDefinition(
    Guid Id,
    string Code,
    string Kind,
    string NameZh,
    string NameEn,
    string DescriptionZh,
    string DescriptionEn,
    Guid ProviderOrganisationId,
    IReadOnlyList<string> Levels,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> FamilyRelations,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    string PolicyVersion,
    IReadOnlyList<Guid> ServicePointOrganisationIds,
    bool RequiresOnlineVerification,
    bool AllowsOfflineRedemption,
    bool StaticCodeAccepted,
    long ValueFen,
    IReadOnlyList<RightQuota> Quotas,
    IReadOnlyList<RightPool> Pools,
    int ReversalWindowMinutes,
    string Status,
    long Revision);

/// <summary>The whole active catalogue at one revision (small: a few hundred rights at most).</summary>
public sealed record RightsCatalogueSnapshot(long Revision, IReadOnlyList<RightDefinition> Rights);

/// <summary>
/// Read access to the rights catalogue for redemption, consultation and reports. <see cref="GetSnapshotAsync"/> is on
/// the redemption hot path: the implementation keeps the catalogue in memory and checks a revision row at most every
/// couple of seconds (changes on this node are seen at once).
/// </summary>
public interface IRightsCatalogue
{
    Task<RightsCatalogueSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default);

    /// <summary>Any right, active or not (history, reports).</summary>
    Task<RightDefinition?> GetAsync(Guid rightId, CancellationToken cancellationToken = default);
}

/// <summary>A family member a talent registered (name masked; the full name and ID number stay in the Rights module, encrypted).</summary>
public sealed record FamilyMember(Guid Id, Guid TalentId, string Relation, string MaskedName);

public interface IFamilyMembers
{
    Task<IReadOnlyList<FamilyMember>> ListAsync(Guid talentId, CancellationToken cancellationToken = default);

    Task<FamilyMember?> GetAsync(Guid familyMemberId, CancellationToken cancellationToken = default);
}

/// <summary>
/// What is left of a right's quotas for one talent now (null = no such quota). <paramref name="LeftInPools"/> by pool code.
/// </summary>
public sealed record RightUsage(Guid RightId, int UsedByTalentThisPeriod, int? LeftForTalent, int? LeftOverall, IReadOnlyDictionary<string, int> LeftInPools, DateTimeOffset? LastUsedAt);

/// <summary>
/// Quota usage for the talent's "my rights" page. Declared here, implemented by the Redemptions module (which owns
/// the counters); Rights pages resolve it from DI.
/// </summary>
public interface IRightsUsage
{
    Task<IReadOnlyDictionary<Guid, RightUsage>> GetForTalentAsync(Guid talentId, IReadOnlyList<Guid> rightIds, CancellationToken cancellationToken = default);
}

/// <summary>
/// The eligibility rule both the catalogue pages and redemption apply (one definition, no drift). Returns null when
/// the right may be given, otherwise a stable refusal code (<c>rights.level_not_eligible</c>, …).
/// </summary>
public static class RightEligibility
{
    public const string LevelNotEligible = "rights.level_not_eligible";
    public const string CategoryNotEligible = "rights.category_not_eligible";
    public const string BeneficiaryNotCovered = "rights.beneficiary_not_covered";
    public const string WrongServicePoint = "rights.wrong_service_point";
    public const string NotYetValid = "rights.not_yet_valid";
    public const string Expired = "rights.expired";
    public const string Withdrawn = "rights.withdrawn";

    public static string? Check(RightDefinition right, string level, string category, string beneficiary, Guid? servicePointOrganisationId, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(right);
        if (!string.Equals(right.Status, "active", StringComparison.Ordinal))
        {
            return Withdrawn;
        }

        if (on < right.ValidFrom)
        {
            return NotYetValid;
        }

        if (right.ValidTo is { } to && on > to)
        {
            return Expired;
        }

        if (!right.Levels.Contains(level, StringComparer.Ordinal))
        {
            return LevelNotEligible;
        }

        if (right.Categories.Count > 0 && !right.Categories.Contains(category, StringComparer.Ordinal))
        {
            return CategoryNotEligible;
        }

        if (beneficiary != Beneficiaries.Self && !right.FamilyRelations.Contains(beneficiary, StringComparer.Ordinal))
        {
            return BeneficiaryNotCovered;
        }

        if (servicePointOrganisationId is { } sp && right.ServicePointOrganisationIds.Count > 0 && !right.ServicePointOrganisationIds.Contains(sp))
        {
            return WrongServicePoint;
        }

        return null;
    }
}
