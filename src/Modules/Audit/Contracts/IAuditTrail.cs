namespace TalentPass.Modules.Audit.Contracts;

/// <summary>
/// Writes the audit log: sign-ins, permission changes and every read of unmasked personal data. The actor,
/// their organisation, the client address and the time are taken from the current request by the
/// implementation. Never put personal data itself into <see cref="AuditRecord.Detail"/>.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default);
}

/// <param name="Action">Stable code, e.g. <c>auth.sign_in</c>, <c>identity.roles_changed</c>, <c>talents.personal_data_read</c>.</param>
/// <param name="SubjectType">What was acted on, e.g. <c>talent</c>, <c>account</c>.</param>
/// <param name="SubjectId">Its id (never an ID-card number).</param>
/// <param name="Detail">Free text without personal data, e.g. which fields were unmasked.</param>
/// <param name="Succeeded">False for refused attempts (failed sign-in, forbidden read).</param>
/// <param name="ActorName">Overrides the actor's name when there is no signed-in user yet (sign-in attempts).</param>
public sealed record AuditRecord(
    string Action,
    string? SubjectType = null,
    string? SubjectId = null,
    string? Detail = null,
    bool Succeeded = true,
    string? ActorName = null);
