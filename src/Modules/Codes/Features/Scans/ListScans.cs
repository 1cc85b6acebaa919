using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Codes.Features.Subjects;
using TalentPass.Modules.Codes.Persistence;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Codes.Features.Scans;

/// <summary>One scan as its viewer may see it: the talent sees who (organisation) and when; staff see whom (masked).</summary>
internal sealed record ScanView(
    Guid Id,
    DateTimeOffset ScannedAt,
    string Outcome,
    string? OrganisationName,
    string? Level,
    string? MaskedName,
    string? Mode);

/// <summary>
/// The scan log, scoped absolutely: a talent sees the scans of their own code (by their status-list entry, which
/// only their codes carry); service-point and partner staff see their organisation's scans (their own when
/// they have no organisation). Nobody else reads it.
/// </summary>
internal sealed class ListScansHandler(
    CodesDbContext db,
    ScanWriter writer,
    SubjectRegistry subjects,
    ITalentDirectory talents,
    IOrganisationDirectory organisations,
    ICurrentUser user)
{
    public static readonly string[] Readers = [Roles.Talent, Roles.ServicePointStaff, Roles.PartnerStaff];

    public async Task<Result<Page<ScanView>>> ListAsync(PageRequest page, CancellationToken ct)
    {
        await writer.FlushAsync(ct);
        IQueryable<ScanRow> query;
        var forTalent = user.IsInRole(Roles.Talent) && !user.IsInAnyRole(Roles.ServicePointStaff, Roles.PartnerStaff);
        if (forTalent)
        {
            if (user.AccountId is not { } accountId || await talents.FindByAccountAsync(accountId, ct) is not { } talent)
            {
                return CodesErrors.NoTalent;
            }

            if (await subjects.FindAsync(talent.Id, ct) is not { } subject)
            {
                return new Page<ScanView>([], page.SafePage, page.SafeSize, 0);
            }

            query = db.Scans.AsNoTracking().Where(s => s.StatusListId == subject.StatusListId && s.StatusListIndex == subject.StatusListIndex);
        }
        else if (user.OrganisationId is { } organisationId)
        {
            query = db.Scans.AsNoTracking().Where(s => s.OrganisationId == organisationId);
        }
        else
        {
            var accountId = user.AccountId;
            query = db.Scans.AsNoTracking().Where(s => s.AccountId == accountId);
        }

        var total = await query.Take((int)Page<ScanView>.TotalCap + 1).CountAsync(ct);
        var rows = await query.OrderByDescending(s => s.ScannedAt).ThenByDescending(s => s.Id)
            .Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        var names = new Dictionary<Guid, string?>();
        foreach (var id in rows.Where(r => r.OrganisationId is not null).Select(r => r.OrganisationId!.Value).Distinct())
        {
            names[id] = (await organisations.GetAsync(id, ct))?.Name;
        }

        var items = rows.Select(r => new ScanView(
                r.Id,
                r.ScannedAt,
                r.Outcome,
                r.OrganisationId is { } o ? names.GetValueOrDefault(o) : null,
                r.Level,
                forTalent ? null : r.MaskedName,
                r.Mode))
            .ToList();
        return new Page<ScanView>(items, page.SafePage, page.SafeSize, Math.Min(total, Page<ScanView>.TotalCap), total > Page<ScanView>.TotalCap);
    }

    public static void Map(RouteGroupBuilder codes)
    {
        codes.MapGet("/scans", async Task<Results<Ok<Page<ScanView>>, ProblemHttpResult>> (int? page, int? pageSize, ListScansHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ListAsync(new PageRequest(page ?? 1, pageSize ?? PageRequest.DefaultSize), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(Readers))
            .WithName("ListScans")
            .WithSummary("Scans of my code (talent) or my organisation's scans (service-point and partner staff), newest first")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
