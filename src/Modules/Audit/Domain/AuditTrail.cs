using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Audit.Persistence;

namespace TalentPass.Modules.Audit.Domain;

/// <summary>
/// Appends to <c>audit_events</c> through its own DbContext, so a record is written even when the caller's
/// unit of work is rolled back or never saved. Outside a request (CLI, jobs) the actor is <c>system</c>.
/// </summary>
internal sealed class AuditTrail(
    AuditDbContext db,
    ICurrentUser currentUser,
    TimeProvider clock,
    IHttpContextAccessor? httpContextAccessor = null) : IAuditTrail
{
    public const string SystemActor = "system";

    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var http = httpContextAccessor?.HttpContext;
        var signedIn = http is null ? currentUser.AccountId is not null : currentUser.IsAuthenticated;
        var name = record.ActorName
            ?? (signedIn ? http?.User.FindFirstValue(ClaimTypes.Name) : null)
            ?? (http is null ? SystemActor : "anonymous");
        var roles = signedIn || http is null ? string.Join(',', currentUser.Roles.Order(StringComparer.Ordinal)) : string.Empty;
        db.Events.Add(new AuditEvent
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            OccurredAt = clock.GetUtcNow(),
            Action = Clip(record.Action, 100)!,
            ActorAccountId = currentUser.AccountId,
            ActorName = Clip(name, 100)!,
            ActorRoles = Clip(roles, 300)!,
            OrganisationId = currentUser.OrganisationId,
            SubjectType = Clip(record.SubjectType, 50),
            SubjectId = Clip(record.SubjectId, 100),
            Detail = Clip(record.Detail, 1000),
            Succeeded = record.Succeeded,
            ClientIp = http?.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static string? Clip(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
