using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Audit.Features.SearchAuditEvents;

internal static class SearchAuditEventsEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/events", HandleAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Auditor))
            .WithName("SearchAuditEvents")
            .WithSummary("Searches the audit log, newest first (auditors only).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Ok<Page<AuditEventView>>> HandleAsync(
        IAuditLog log,
        string? action,
        string? actor,
        string? subjectType,
        string? subjectId,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? page,
        int? size,
        CancellationToken cancellationToken)
    {
        var result = await log.SearchAsync(
            new AuditQuery(action, actor, subjectType, subjectId, from, to),
            new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize),
            cancellationToken);
        return TypedResults.Ok(result);
    }
}
