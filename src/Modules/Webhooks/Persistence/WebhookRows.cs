namespace TalentPass.Modules.Webhooks.Persistence;

/// <summary>A partner's webhook endpoint: where events go and the secret they are signed with (encrypted at rest).</summary>
internal sealed class EndpointRow
{
    public Guid PartnerOrganisationId { get; set; }

    public string Url { get; set; } = "";

    public bool Enabled { get; set; }

    /// <summary>The current signing secret (<c>whsec_…</c>) protected with <c>IFieldProtector</c>.</summary>
    public string SecretCipher { get; set; } = "";

    public DateTimeOffset SecretCreatedAt { get; set; }

    /// <summary>The secret before the last rotation, still used for a second signature until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecretCipher { get; set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>The last sequence number handed out for one (partner, ordering key) stream.</summary>
internal sealed class StreamRow
{
    public Guid PartnerOrganisationId { get; set; }

    public string OrderingKey { get; set; } = "";

    public long LastSequence { get; set; }
}

internal static class OutboxStatuses
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}

/// <summary>One event for one partner, from enqueue to confirmed delivery (or failure after the maximum age).</summary>
internal sealed class OutboxRow
{
    public Guid Id { get; set; }

    public Guid PartnerOrganisationId { get; set; }

    public string Type { get; set; } = "";

    public string OrderingKey { get; set; } = "";

    /// <summary>1, 2, 3 … within (partner, ordering key), in commit order of the enqueuing transactions.</summary>
    public long Sequence { get; set; }

    public string DataJson { get; set; } = "{}";

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset EnqueuedAt { get; set; }

    public string Status { get; set; } = OutboxStatuses.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? FirstAttemptAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
}
