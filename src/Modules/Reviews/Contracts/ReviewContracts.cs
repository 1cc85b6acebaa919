namespace TalentPass.Modules.Reviews.Contracts;

/// <summary>
/// A talent's review (复核) in a campaign. <paramref name="Status"/>: <c>pending</c> (waiting for the talent),
/// <c>reverified</c> (confirmed automatically by data sharing), <c>confirmed</c> / <c>updated</c> (by the talent),
/// <c>overdue</c> (not done by <paramref name="DueOn"/>), <c>failed</c> (data sharing contradicts the registry: a clerk looks).
/// </summary>
public sealed record ReviewState(Guid ReviewId, Guid TalentId, Guid CampaignId, string Status, DateOnly DueOn, DateTimeOffset? CompletedAt);

/// <summary>Read access to reviews for governance (an overdue review is a suspension-rule condition, M-15 → M-13).</summary>
public interface IReviewDirectory
{
    /// <summary>The talent's latest review, if any.</summary>
    Task<ReviewState?> GetLatestAsync(Guid talentId, CancellationToken cancellationToken = default);

    /// <summary>Reviews overdue on <paramref name="on"/> (not completed, due before it), oldest due first.</summary>
    Task<IReadOnlyList<ReviewState>> ListOverdueAsync(DateOnly on, int max, CancellationToken cancellationToken = default);
}
