namespace TalentPass.Modules.DataSharing;

/// <summary>Settings of the data-sharing connectors (section <c>DataSharing</c>; docs/data-sharing.md).</summary>
internal sealed class DataSharingOptions
{
    public const string Section = "DataSharing";

    /// <summary>The exchange's base URL (ending in '/'); unset → the in-process stand-in when it runs, else every look-up is <c>unavailable</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The API key sent as <c>X-Api-Key</c>; unset with the stand-in → the stand-in's published demo key.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one look-up may take before it counts as <c>unavailable</c> (no retry).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Largest answer read; a longer body is <c>invalid</c>.</summary>
    public int MaxAnswerBytes { get; set; } = 64 * 1024;
}
