using System.ComponentModel.DataAnnotations;

namespace TalentPass.Modules.Notifications;

/// <summary>Configuration section <c>Notifications</c>.</summary>
internal sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    public SmsOptions Sms { get; set; } = new();
}

/// <summary>
/// <c>Notifications:Sms</c>. Without <see cref="BaseUrl"/> the sender uses the in-process stand-in (development and demo,
/// <c>StandIns:Enabled</c>); with neither, messages wait in the outbox and each attempt records "gateway not configured".
/// </summary>
internal sealed class SmsOptions : IValidatableObject
{
    /// <summary>The gateway's base address (ending in '/'); the sender posts to <c>{BaseUrl}messages</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Sent as the <c>X-Api-Key</c> header. Required with <see cref="BaseUrl"/>; the stand-in accepts any key.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Runs the background sender on this node (every node may run it: rows are claimed, never sent twice).</summary>
    public bool SenderEnabled { get; set; } = true;

    [Range(0.05, 300)]
    public double PollSeconds { get; set; } = 5;

    [Range(0.05, 3600)]
    public double RetryBaseSeconds { get; set; } = 10;

    [Range(0.05, 86400)]
    public double MaxBackoffSeconds { get; set; } = 900;

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    [Range(1, 120)]
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>How long a claimed row stays invisible to other senders (longer than one send with its timeout).</summary>
    [Range(5, 3600)]
    public double LeaseSeconds { get; set; } = 60;

    [Range(1, 500)]
    public int BatchSize { get; set; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is not null && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult("Notifications:Sms:ApiKey is required when Notifications:Sms:BaseUrl is set.", [nameof(ApiKey)]);
        }
    }

    /// <summary>The delay before attempt <paramref name="attempts"/> + 1: doubling from the base, capped.</summary>
    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoffSeconds, RetryBaseSeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30))));
}
