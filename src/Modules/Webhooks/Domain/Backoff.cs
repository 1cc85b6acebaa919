namespace TalentPass.Modules.Webhooks.Domain;

/// <summary>Exponential back-off with ±20% jitter: initial × 2^(attempt−1), capped.</summary>
internal static class Backoff
{
    public static TimeSpan Delay(int attempt, TimeSpan initial, TimeSpan max, double random)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var ticks = Math.Min(initial.Ticks * Math.Pow(2, exponent), max.Ticks);
        var jitter = 0.8 + (0.4 * Math.Clamp(random, 0, 1));
        return TimeSpan.FromTicks((long)(ticks * jitter));
    }
}
