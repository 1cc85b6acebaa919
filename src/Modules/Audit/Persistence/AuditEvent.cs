namespace TalentPass.Modules.Audit.Persistence;

/// <summary>One row of <c>audit_events</c>. Append-only: nothing in the code base updates or deletes it.</summary>
internal sealed class AuditEvent
{
    public Guid Id { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public required string Action { get; init; }

    public Guid? ActorAccountId { get; init; }

    public required string ActorName { get; init; }

    /// <summary>Comma-separated role codes at the time of the event.</summary>
    public required string ActorRoles { get; init; }

    public Guid? OrganisationId { get; init; }

    public string? SubjectType { get; init; }

    public string? SubjectId { get; init; }

    public string? Detail { get; init; }

    public bool Succeeded { get; init; }

    public string? ClientIp { get; init; }
}
