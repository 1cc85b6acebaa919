namespace TalentPass.Modules.Cards;

/// <summary>Settings of the Cards module (section <c>Cards</c>).</summary>
internal sealed class CardsOptions
{
    public const string Section = "Cards";

    /// <summary>How often the talent feed is polled when nothing wakes the consumer.</summary>
    public TimeSpan FeedPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Feed events turned into webhook events per transaction.</summary>
    public int FeedBatchSize { get; set; } = 200;
}
