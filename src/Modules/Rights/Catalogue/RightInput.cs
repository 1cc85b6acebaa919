using System.ComponentModel.DataAnnotations;
using TalentPass.Modules.Rights.Contracts;

namespace TalentPass.Modules.Rights.Catalogue;

/// <summary>A right's definition as the catalogue managers send it (create: everything; update: everything + expected revision).</summary>
internal sealed record RightInput
{
    /// <summary>Stable code, lower-case letters, digits, '-' and '_' (2–64). Fixed after creation.</summary>
    public string? Code { get; init; }

    /// <summary><c>government</c>, <c>financial</c> or <c>consumer</c>.</summary>
    public string? Kind { get; init; }

    public string? NameZh { get; init; }

    public string? NameEn { get; init; }

    [StringLength(2000, ErrorMessage = "最多2000个字符 / At most 2000 characters.")]
    public string? DescriptionZh { get; init; }

    [StringLength(2000, ErrorMessage = "最多2000个字符 / At most 2000 characters.")]
    public string? DescriptionEn { get; init; }

    public Guid? ProviderOrganisationId { get; init; }

    /// <summary>Talent level codes: a…e, youth, social, reserve.</summary>
    public IReadOnlyList<string>? Levels { get; init; }

    /// <summary>Empty = every category.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Covered family relations besides the talent: parent, spouse, child.</summary>
    public IReadOnlyList<string>? FamilyRelations { get; init; }

    public DateOnly? ValidFrom { get; init; }

    public DateOnly? ValidTo { get; init; }

    public string? PolicyVersion { get; init; }

    public IReadOnlyList<Guid>? ServicePointOrganisationIds { get; init; }

    public bool RequiresOnlineVerification { get; init; }

    public bool AllowsOfflineRedemption { get; init; }

    public bool StaticCodeAccepted { get; init; }

    /// <summary>Nominal value or discount (让利) per redemption, in fen.</summary>
    public long ValueFen { get; init; }

    public IReadOnlyList<RightQuota>? Quotas { get; init; }

    public IReadOnlyList<RightPool>? Pools { get; init; }

    /// <summary>Minutes staff may reverse a redemption (0–10080).</summary>
    public int ReversalWindowMinutes { get; init; } = 30;

    /// <summary>Update only: the revision the editor saw (optimistic concurrency).</summary>
    public long? ExpectedRevision { get; init; }

    [StringLength(500, ErrorMessage = "最多500个字符 / At most 500 characters.")]
    public string? Note { get; init; }

    public static RightInput From(RightDefinition d, string? note = null) => new()
    {
        Code = d.Code,
        Kind = d.Kind,
        NameZh = d.NameZh,
        NameEn = d.NameEn,
        DescriptionZh = d.DescriptionZh,
        DescriptionEn = d.DescriptionEn,
        ProviderOrganisationId = d.ProviderOrganisationId,
        Levels = d.Levels,
        Categories = d.Categories,
        FamilyRelations = d.FamilyRelations,
        ValidFrom = d.ValidFrom,
        ValidTo = d.ValidTo,
        PolicyVersion = d.PolicyVersion,
        ServicePointOrganisationIds = d.ServicePointOrganisationIds,
        RequiresOnlineVerification = d.RequiresOnlineVerification,
        AllowsOfflineRedemption = d.AllowsOfflineRedemption,
        StaticCodeAccepted = d.StaticCodeAccepted,
        ValueFen = d.ValueFen,
        Quotas = d.Quotas,
        Pools = d.Pools,
        ReversalWindowMinutes = d.ReversalWindowMinutes,
        ExpectedRevision = d.Revision,
        Note = note,
    };
}

/// <summary>Withdraw or reinstate: the revision the editor saw and the reason.</summary>
internal sealed record RightStatusRequest
{
    public long? ExpectedRevision { get; init; }

    [StringLength(500, ErrorMessage = "最多500个字符 / At most 500 characters.")]
    public string? Note { get; init; }
}
