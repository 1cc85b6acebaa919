namespace TalentPass.Modules.Cards.Contracts;

public static class CardStatuses
{
    public const string Issued = "issued";
    public const string Active = "active";
    public const string Lost = "lost";
    public const string Replaced = "replaced";
    public const string Cancelled = "cancelled";
}

/// <summary>A talent card (人才卡): the partner's card token and the last four digits only — never a full card number.</summary>
public sealed record CardSummary(Guid Id, Guid TalentId, Guid PartnerOrganisationId, string Last4, string Status, DateTimeOffset IssuedAt);

public interface ICardDirectory
{
    Task<IReadOnlyList<CardSummary>> ListForTalentAsync(Guid talentId, CancellationToken cancellationToken = default);

    /// <summary>True when the talent holds an issued or active card of this partner.</summary>
    Task<bool> HoldsCardAsync(Guid talentId, Guid partnerOrganisationId, CancellationToken cancellationToken = default);

    /// <summary>The card a partner's terminal read (scoped to that partner).</summary>
    Task<CardSummary?> FindByTokenAsync(Guid partnerOrganisationId, string cardToken, CancellationToken cancellationToken = default);
}
