namespace TalentPass.Modules.Cards.Domain;

/// <summary>
/// Application statuses. <c>pending</c> → <c>approved</c> | <c>refused</c>; <c>approved</c> → <c>issued</c> (a live card
/// exists); <c>issued</c> → <c>closed</c> (its card was cancelled); <c>pending</c> | <c>approved</c> | <c>issued</c> →
/// <c>withdrawn</c> (the talent withdrew consent). At most one open application (pending, approved, issued) per
/// talent and partner, so at most one live card per partner.
/// </summary>
internal static class ApplicationStatuses
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Refused = "refused";
    public const string Issued = "issued";
    public const string Withdrawn = "withdrawn";
    public const string Closed = "closed";

    public static IReadOnlyList<string> All { get; } = [Pending, Approved, Refused, Issued, Withdrawn, Closed];

    public static IReadOnlyList<string> Open { get; } = [Pending, Approved, Issued];

    public static bool IsOpen(string status) => Open.Contains(status, StringComparer.Ordinal);

    public static string? Normalise(string? status) =>
        status?.Trim().ToLowerInvariant() is { } s && All.Contains(s, StringComparer.Ordinal) ? s : null;
}

/// <summary>
/// A talent's application for a partner's card with the consent it carries: the terms version, the fields the
/// talent agreed to share and when. The shared values are kept encrypted (<see cref="SharedDataCipher"/>) from
/// the moment of consent and erased when consent is withdrawn or the application is refused.
/// </summary>
internal sealed class CardApplication
{
    public Guid Id { get; set; }

    public Guid TalentId { get; set; }

    public Guid PartnerId { get; set; }

    /// <summary>The opaque reference this partner knows the talent by (see <see cref="CardCustomer"/>).</summary>
    public string CustomerRef { get; set; } = string.Empty;

    public string Status { get; set; } = ApplicationStatuses.Pending;

    public string ConsentVersion { get; set; } = string.Empty;

    /// <summary>Comma-separated field names, e.g. <c>name,id_number,phone,level,category</c>.</summary>
    public string ConsentFields { get; set; } = string.Empty;

    public DateTimeOffset ConsentedAt { get; set; }

    public DateTimeOffset? ConsentWithdrawnAt { get; set; }

    /// <summary>IFieldProtector cipher of the JSON object of consented values; null once erased.</summary>
    public string? SharedDataCipher { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public Guid? DecidedBy { get; set; }

    public string? DecisionReason { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }

    public IReadOnlyList<string> Fields => ConsentFields.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// The opaque customer reference (<c>tpc_…</c>) a partner knows a talent by: random, one per partner and talent,
/// so partners cannot correlate their customers with each other's or with TalentPass's internal ids.
/// </summary>
internal sealed class CardCustomer
{
    public Guid PartnerId { get; set; }

    public Guid TalentId { get; set; }

    public string CustomerRef { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public static string NewReference()
    {
        Span<byte> bytes = stackalloc byte[12];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        return "tpc_" + Convert.ToHexStringLower(bytes);
    }
}
