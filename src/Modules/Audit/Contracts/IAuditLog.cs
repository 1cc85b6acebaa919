using TalentPass.SharedKernel;

namespace TalentPass.Modules.Audit.Contracts;

/// <summary>
/// Reads the audit log (newest first). Callers authorise: only auditors may read it (the API and the page
/// enforce <see cref="Roles.Auditor"/>).
/// </summary>
public interface IAuditLog
{
    Task<Page<AuditEventView>> SearchAsync(AuditQuery query, PageRequest page, CancellationToken cancellationToken = default);
}

/// <summary>Filters; all optional. <see cref="Actor"/> matches the actor's username or account id exactly.</summary>
public sealed record AuditQuery(
    string? Action = null,
    string? Actor = null,
    string? SubjectType = null,
    string? SubjectId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null);

public sealed record AuditEventView(
    Guid Id,
    DateTimeOffset OccurredAt,
    string Action,
    Guid? ActorAccountId,
    string ActorName,
    IReadOnlyList<string> ActorRoles,
    Guid? OrganisationId,
    string? SubjectType,
    string? SubjectId,
    string? Detail,
    bool Succeeded,
    string? ClientIp);
