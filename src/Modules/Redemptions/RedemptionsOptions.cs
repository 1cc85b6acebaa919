using System.ComponentModel.DataAnnotations;

namespace TalentPass.Modules.Redemptions;

/// <summary>Settings of the Redemptions module (section <c>Redemptions</c>).</summary>
internal sealed class RedemptionsOptions
{
    public const string Section = "Redemptions";

    /// <summary>How long a lookup id (the answer to a scan) may be used to redeem.</summary>
    [Range(1, 120)]
    public int LookupValidityMinutes { get; set; } = 10;

    /// <summary>How old an offline redemption may be when it is synchronised (older ones become conflicts).</summary>
    [Range(1, 720)]
    public int OfflineSyncWindowHours { get; set; } = 72;

    /// <summary>Most items in one offline batch.</summary>
    [Range(1, 5000)]
    public int MaxOfflineBatch { get; set; } = 500;
}
