using System.ComponentModel.DataAnnotations;

namespace TalentPass.Modules.Partners;

/// <summary><c>Partners</c>: partner-API security settings (validated on start).</summary>
internal sealed class PartnersOptions
{
    public const string Section = "Partners";

    /// <summary>How far a signed request's timestamp may be from the server clock, either way.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:15:00")]
    public TimeSpan SignatureWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a stored idempotent response is replayed for the same key.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Requests per minute per partner unless the partner has its own limit.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPerMinute { get; set; } = 1200;

    /// <summary>Largest request body accepted on the partner API (bytes).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long one node trusts its cached view of a partner's status, limit and API keys.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CacheInterval { get; set; } = TimeSpan.FromSeconds(2);
}
