namespace TalentPass.Modules.Reviews;

/// <summary>Settings of the Reviews module (section <c>Reviews</c>).</summary>
internal sealed class ReviewsOptions
{
    public const string Section = "Reviews";

    /// <summary>
    /// Review cycle per level code in months: a talent whose last completed review is younger than the cycle of their
    /// level is skipped by a level campaign. Levels not listed use <see cref="DefaultCycleMonths"/>.
    /// </summary>
    public Dictionary<string, int> CycleMonths { get; set; } = new(StringComparer.Ordinal)
    {
        ["a"] = 12,
        ["b"] = 12,
        ["c"] = 12,
        ["d"] = 12,
        ["e"] = 12,
    };

    /// <summary>Cycle of the levels not in <see cref="CycleMonths"/> (youth, social, reserve): every two years.</summary>
    public int DefaultCycleMonths { get; set; } = 24;

    /// <summary>Working days a talent has to confirm or update a review when the campaign does not say.</summary>
    public int DefaultResponseWorkingDays { get; set; } = 20;

    /// <summary>A reminder goes out when this many calendar days or fewer are left before the due date.</summary>
    public int ReminderDaysBefore { get; set; } = 5;

    /// <summary>How often the job populates campaigns, re-verifies, reminds and flags overdue reviews.</summary>
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Talents read from the registry per step of a level campaign's launch.</summary>
    public int LaunchBatchSize { get; set; } = 200;

    public int CycleFor(string level) => CycleMonths.TryGetValue(level, out var months) ? months : DefaultCycleMonths;
}
