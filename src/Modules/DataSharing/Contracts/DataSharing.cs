namespace TalentPass.Modules.DataSharing.Contracts;

/// <summary>The city's data-sharing sources (docs/data-sharing.md).</summary>
public static class DataSources
{
    public const string HouseholdRegistration = "household_registration";
    public const string EducationCredentials = "education_credentials";
    public const string SocialInsurance = "social_insurance";
    public const string BusinessRegistration = "business_registration";
    public const string Tax = "tax";
}

/// <summary>How a look-up ended. Only <see cref="Found"/> and <see cref="NotFound"/> are facts; the others mean "ask a clerk".</summary>
public enum DataSharingOutcome
{
    Found,
    NotFound,
    Unavailable,
    Invalid,
}

/// <summary>
/// One kept answer from a data-sharing source: what was asked, when, what came back, and the SHA-256 of the raw
/// answer. <see cref="Id"/> is the evidence reference a decision stores.
/// </summary>
public sealed record DataSharingAnswer(
    Guid Id,
    string Source,
    DataSharingOutcome Outcome,
    IReadOnlyDictionary<string, string> Fields,
    DateTimeOffset FetchedAt,
    string AnswerSha256,
    string? Problem);

public interface IDataSharing
{
    /// <summary>Looks a talent up in one source (the talent's ID number is resolved inside; never passed around).</summary>
    /// <param name="purpose">Why the data is needed (audited), e.g. <c>services:application:{id}</c>.</param>
    Task<DataSharingAnswer> LookUpAsync(Guid talentId, string source, string purpose, CancellationToken cancellationToken = default);

    Task<DataSharingAnswer?> GetAnswerAsync(Guid answerId, CancellationToken cancellationToken = default);
}
