using TalentPass.Modules.Cards.Contracts;

namespace TalentPass.Modules.Cards.Domain;

/// <summary>
/// A card a partner reported issued for an application: the card token (kept only as a keyed hash and a 4-character
/// hint) and the last four digits of the card number. Live statuses are issued, active and lost; replaced and
/// cancelled are final. <see cref="PartnerSuspended"/> mirrors the partner's suspension so that verification needs
/// one indexed read.
/// </summary>
internal sealed class Card
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public Guid TalentId { get; set; }

    public Guid PartnerId { get; set; }

    public string CustomerRef { get; set; } = string.Empty;

    /// <summary>Keyed HMAC (IFieldProtector.BlindIndex) of partner id and token: look-ups without keeping the token.</summary>
    public string TokenHash { get; set; } = string.Empty;

    /// <summary>The token's last four characters, for people to tell cards apart.</summary>
    public string TokenHint { get; set; } = string.Empty;

    public string Last4 { get; set; } = string.Empty;

    public string Status { get; set; } = CardStatuses.Issued;

    public bool PartnerSuspended { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset? ActivatedAt { get; set; }

    public DateTimeOffset StatusChangedAt { get; set; }

    public string? StatusReason { get; set; }

    /// <summary>The lost card this one replaces, if any.</summary>
    public Guid? ReplacesCardId { get; set; }

    public int Version { get; set; }

    public static IReadOnlyList<string> LiveStatuses { get; } = [CardStatuses.Issued, CardStatuses.Active, CardStatuses.Lost];

    public static IReadOnlyList<string> AllStatuses { get; } =
        [CardStatuses.Issued, CardStatuses.Active, CardStatuses.Lost, CardStatuses.Replaced, CardStatuses.Cancelled];

    public bool IsLive => LiveStatuses.Contains(Status, StringComparer.Ordinal);

    public CardSummary ToSummary() => new(Id, TalentId, PartnerId, Last4, Status, IssuedAt);

    public void ChangeStatus(string status, string? reason, DateTimeOffset now)
    {
        Status = status;
        StatusReason = reason;
        StatusChangedAt = now;
        Version++;
    }
}
