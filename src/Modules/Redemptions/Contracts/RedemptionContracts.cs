namespace TalentPass.Modules.Redemptions.Contracts;

/// <summary>
/// One committed redemption or reversal, numbered in commit order. <paramref name="Kind"/> is <c>redeemed</c> or
/// <c>reversed</c> (a reversal carries the redemption's id and the same figures); <paramref name="Beneficiary"/> one
/// of <c>self|parent|spouse|child</c>; <paramref name="DiscountFen"/> the value given (让利) for contribution value;
/// <paramref name="Offline"/> true when it was redeemed offline and synchronised later.
/// </summary>
public sealed record RedemptionEvent(
    long Sequence,
    Guid RedemptionId,
    string Kind,
    Guid RightId,
    string RightCode,
    string RightKind,
    Guid ProviderOrganisationId,
    Guid ServicePointOrganisationId,
    Guid TalentId,
    string Level,
    string Category,
    string Beneficiary,
    string? PoolCode,
    long DiscountFen,
    bool Offline,
    DateTimeOffset OccurredAt);

/// <summary>
/// The durable, commit-ordered feed of redemptions (written in the same transaction as the redemption). Consumers
/// (contribution value, reports) keep their own cursor and read on.
/// </summary>
public interface IRedemptionFeed
{
    Task<IReadOnlyList<RedemptionEvent>> ReadAsync(long afterSequence, int max, CancellationToken cancellationToken = default);
}
