namespace TalentPass.Modules.Recognition.Domain;

/// <summary>The panel's result: the mean of the counted scores (two decimals) and how many were counted.</summary>
internal sealed record PanelResult(decimal Mean, int Scores, int Counted, bool Trimmed);

/// <summary>
/// Aggregation of independent expert scores (0–100): with five or more scores the single highest and the single lowest
/// are dropped (one each, even when tied) and the rest averaged; with three or four all are averaged. Fewer than
/// <see cref="MinimumScores"/> scores give no result. The mean is rounded half away from zero to two decimals.
/// </summary>
internal static class ScoreAggregation
{
    public const int MinimumScores = 3;
    public const int TrimFrom = 5;

    public static PanelResult? Aggregate(IReadOnlyCollection<int> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count < MinimumScores)
        {
            return null;
        }

        var ordered = scores.Order().ToList();
        var trimmed = ordered.Count >= TrimFrom;
        var counted = trimmed ? ordered.Skip(1).Take(ordered.Count - 2).ToList() : ordered;
        var mean = Math.Round((decimal)counted.Sum() / counted.Count, 2, MidpointRounding.AwayFromZero);
        return new PanelResult(mean, ordered.Count, counted.Count, trimmed);
    }
}
