namespace TalentPass.Modules.Contribution;

/// <summary>Settings of section <c>Contribution</c>.</summary>
internal sealed class ContributionOptions
{
    public const string Section = "Contribution";

    /// <summary>How often the redemption feed is polled when nothing wakes the consumer.</summary>
    public TimeSpan FeedPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int FeedBatchSize { get; set; } = 500;
}
