using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Audit.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Audit.Domain;

internal sealed class AuditLog(AuditDbContext db) : IAuditLog
{
    public async Task<Page<AuditEventView>> SearchAsync(AuditQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        var events = db.Events.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            events = action.EndsWith('*')
                ? events.Where(e => e.Action.StartsWith(action.TrimEnd('*')))
                : events.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim();
            events = Guid.TryParse(actor, out var actorId)
                ? events.Where(e => e.ActorAccountId == actorId)
                : events.Where(e => e.ActorName == actor.ToLowerInvariant() || e.ActorName == actor);
        }

        if (!string.IsNullOrWhiteSpace(query.SubjectType))
        {
            var subjectType = query.SubjectType.Trim();
            events = events.Where(e => e.SubjectType == subjectType);
        }

        if (!string.IsNullOrWhiteSpace(query.SubjectId))
        {
            var subjectId = query.SubjectId.Trim();
            events = events.Where(e => e.SubjectId == subjectId);
        }

        if (query.From is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            events = events.Where(e => e.OccurredAt >= fromUtc);
        }

        if (query.To is { } to)
        {
            var toUtc = to.ToUniversalTime();
            events = events.Where(e => e.OccurredAt < toUtc);
        }

        var total = await events.Take((int)Page<AuditEventView>.TotalCap + 1).CountAsync(cancellationToken);
        var rows = await events
            .OrderByDescending(e => e.OccurredAt)
            .ThenByDescending(e => e.Id)
            .Skip(page.Skip)
            .Take(page.SafeSize)
            .ToListAsync(cancellationToken);
        var items = rows.Select(e => new AuditEventView(
                e.Id,
                e.OccurredAt,
                e.Action,
                e.ActorAccountId,
                e.ActorName,
                e.ActorRoles.Length == 0 ? [] : e.ActorRoles.Split(','),
                e.OrganisationId,
                e.SubjectType,
                e.SubjectId,
                e.Detail,
                e.Succeeded,
                e.ClientIp))
            .ToList();
        var capped = total > Page<AuditEventView>.TotalCap;
        return new Page<AuditEventView>(items, page.SafePage, page.SafeSize, capped ? Page<AuditEventView>.TotalCap : total, capped);
    }
}
