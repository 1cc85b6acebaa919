using System.ComponentModel.DataAnnotations;

namespace TalentPass.Modules.Identity;

/// <summary><c>Identity:Lockout</c>: how many consecutive failed sign-ins lock an account, and for how long.</summary>
internal sealed class IdentityLockoutOptions
{
    public const string Section = "Identity:Lockout";

    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary><c>Identity:Tokens</c>: lifetime of API bearer tokens.</summary>
internal sealed class IdentityTokenOptions
{
    public const string Section = "Identity:Tokens";

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);
}
