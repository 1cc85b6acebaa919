using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TalentPass.Modules.Identity.Domain;

/// <summary><c>Identity:Sessions</c>: how long one node trusts its last look at an account before re-reading it.</summary>
internal sealed class IdentitySessionOptions
{
    public const string Section = "Identity:Sessions";

    /// <summary>
    /// Changes made on this node take effect at once (the entry is dropped on save); changes made on another node
    /// take effect on this one within this interval. Zero re-reads the account on every request.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// What the authentication handler last read about an account (active, lockout, version), kept for a short interval so
/// that a busy scanner or partner system does not cost one database read per request.
/// </summary>
internal sealed class AccountValidityCache(TimeProvider clock, IOptions<IdentitySessionOptions> options)
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<Guid, Entry> entries = new();

    public bool TryGet(Guid accountId, out AccountValidity validity)
    {
        if (entries.TryGetValue(accountId, out var entry) && clock.GetUtcNow() - entry.ReadAt < options.Value.RecheckInterval)
        {
            validity = entry.Validity;
            return true;
        }

        validity = default;
        return false;
    }

    public void Set(Guid accountId, AccountValidity validity)
    {
        if (options.Value.RecheckInterval <= TimeSpan.Zero)
        {
            return;
        }

        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[accountId] = new Entry(validity, clock.GetUtcNow());
    }

    /// <summary>Called after any change to the account row on this node.</summary>
    public void Invalidate(Guid accountId) => entries.TryRemove(accountId, out _);

    private sealed record Entry(AccountValidity Validity, DateTimeOffset ReadAt);
}

/// <summary>The parts of an account that decide whether its sessions and tokens still count. Exists = false: deleted.</summary>
internal readonly record struct AccountValidity(bool Exists, bool IsActive, DateTimeOffset? LockoutEnd, int Version);
