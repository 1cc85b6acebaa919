using System.ComponentModel.DataAnnotations;

namespace TalentPass.Modules.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section (README.md, docs/webhooks.md).</summary>
internal sealed class WebhooksOptions
{
    public const string Section = "Webhooks";

    /// <summary>Run the dispatcher on this node (every node may: claims are leased and skip-locked on PostgreSQL).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for due events when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Events claimed per round (one per ordering key at most).</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Requests in flight at once (different ordering keys only).</summary>
    [Range(1, 1024)]
    public int MaxConcurrency { get; set; } = 64;

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A claim's lease; another node may take the event over after it (must exceed the request timeout).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Delay before the second attempt; doubled per attempt up to <see cref="MaxBackoff"/>, ±20% jitter.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>After this long since the first attempt an event is marked failed (visible, redeliverable).</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How long the previous secret keeps signing (second signature) after a rotation.</summary>
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Allow endpoints on loopback addresses (demo, tests, benchmarks). Off in production.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Allow endpoints on private networks (10/8, 172.16/12, 192.168/16, fc00::/7), e.g. a bank's internal gateway.</summary>
    public bool AllowPrivateNetworks { get; set; }
}
