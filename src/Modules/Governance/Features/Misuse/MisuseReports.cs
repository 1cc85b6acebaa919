using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Cards.Contracts;
using TalentPass.Modules.Codes.Contracts;
using TalentPass.Modules.Governance.Persistence;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Governance.Features.Misuse;

/// <summary>A partner's report: the talent is identified by the card its terminal read or by the talent code it scanned.</summary>
internal sealed record PartnerMisuseReportRequest
{
    [StringLength(200)]
    public string? CardToken { get; init; }

    [StringLength(4000)]
    public string? Code { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(2000, MinimumLength = 2, ErrorMessage = "2–2000个字符 / 2–2000 characters.")]
    public string? Description { get; init; }

    public DateTimeOffset? OccurredAt { get; init; }
}

internal sealed record StaffMisuseReportRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    public Guid? TalentId { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(2000, MinimumLength = 2, ErrorMessage = "2–2000个字符 / 2–2000 characters.")]
    public string? Description { get; init; }

    public DateTimeOffset? OccurredAt { get; init; }
}

internal sealed record MisuseReportView(Guid Id, string? MaskedName, Guid? OrganisationId, string Channel, string Description, DateTimeOffset OccurredAt, DateTimeOffset CreatedAt);

/// <summary>
/// Misuse reports (M-13): by partners over the partner API (idempotent, scoped to the reporting partner) and by staff.
/// A report is a fact for the rules — it never changes a status by itself.
/// </summary>
internal sealed class MisuseReportsHandler(
    GovernanceDbContext db,
    ICurrentUser user,
    ITalentDirectory talents,
    ICardDirectory cards,
    IServiceProvider services,
    TimeProvider clock)
{
    public async Task<Result<MisuseReportView>> ReportAsPartnerAsync(PartnerMisuseReportRequest request, ClaimsPrincipalAccessor principal, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        if (user.OrganisationId is not { } partner)
        {
            return GovernanceErrors.NoPartner;
        }

        Guid? talentId = null;
        if (!string.IsNullOrWhiteSpace(request.CardToken))
        {
            talentId = (await cards.FindByTokenAsync(partner, request.CardToken.Trim(), ct))?.TalentId;
        }
        else if (!string.IsNullOrWhiteSpace(request.Code))
        {
            // Online verification of the scanned code (logged like any scan), available once Redemptions provides it.
            if (services.GetService<ICodeVerification>() is { } verification && principal.Principal is { } who)
            {
                talentId = (await verification.VerifyAsync(request.Code.Trim(), who, ct)).TalentId;
            }
        }
        else
        {
            return GovernanceErrors.SubjectRequired;
        }

        if (talentId is null)
        {
            return GovernanceErrors.SubjectNotFound;
        }

        return await AddAsync(talentId.Value, partner, "partner_api", request.Description!, request.OccurredAt, ct);
    }

    public async Task<Result<MisuseReportView>> ReportAsStaffAsync(StaffMisuseReportRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        if (await talents.GetAsync(request.TalentId!.Value, ct) is null)
        {
            return GovernanceErrors.TalentUnknown;
        }

        return await AddAsync(request.TalentId.Value, user.OrganisationId, "staff", request.Description!, request.OccurredAt, ct);
    }

    public async Task<Page<MisuseReportView>> ListAsync(Guid? talentId, PageRequest page, CancellationToken ct)
    {
        var query = db.MisuseReports.AsNoTracking();
        if (!user.IsInAnyRole(Roles.TalentOffice, Roles.Auditor, Roles.BigDataBureau))
        {
            var organisation = user.OrganisationId;
            query = query.Where(m => organisation != null && m.OrganisationId == organisation);
        }

        if (talentId is { } id)
        {
            query = query.Where(m => m.TalentId == id);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(m => m.OccurredAt).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        var items = new List<MisuseReportView>();
        foreach (var r in rows)
        {
            items.Add(new MisuseReportView(r.Id, (await talents.GetAsync(r.TalentId, ct))?.MaskedName, r.OrganisationId, r.Channel, r.Description, r.OccurredAt, r.CreatedAt));
        }

        return new Page<MisuseReportView>(items, page.SafePage, page.SafeSize, total);
    }

    private async Task<Result<MisuseReportView>> AddAsync(Guid talentId, Guid? organisation, string channel, string description, DateTimeOffset? occurredAt, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (occurredAt is { } at && (at > now.AddMinutes(5) || at < now.AddYears(-2)))
        {
            return GovernanceErrors.Invalid("occurredAt", "发生时间须在两年内且不晚于现在 / Within the last two years and not in the future.");
        }

        var row = new MisuseReportRow
        {
            Id = Guid.CreateVersion7(now),
            TalentId = talentId,
            OrganisationId = organisation,
            AccountId = user.AccountId,
            Channel = channel,
            Description = description.Trim(),
            OccurredAt = occurredAt ?? now,
            CreatedAt = now,
        };
        db.MisuseReports.Add(row);
        await db.SaveChangesAsync(ct);
        return new MisuseReportView(row.Id, (await talents.GetAsync(talentId, ct))?.MaskedName, organisation, channel, row.Description, row.OccurredAt, row.CreatedAt);
    }

    public static void Map(IEndpointRouteBuilder endpoints, RouteGroupBuilder governance)
    {
        endpoints.MapGroup("/api/v1/governance/partner").WithTags("Governance").RequirePartnerApi()
            .MapPost("/misuse-reports", async Task<Results<Created<MisuseReportView>, ProblemHttpResult>> (PartnerMisuseReportRequest request, HttpContext http, MisuseReportsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ReportAsPartnerAsync(request, new ClaimsPrincipalAccessor(http.User), ct);
                return result.IsSuccess ? TypedResults.Created($"/api/v1/governance/misuse-reports/{result.Value.Id}", result.Value) : result.Error.ToProblem();
            })
            .WithName("ReportMisuseAsPartner")
            .WithSummary("A partner reports misuse of a talent's card or code (partner API, Idempotency-Key)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var reports = governance.MapGroup("/misuse-reports");
        reports.MapPost("/", async Task<Results<Created<MisuseReportView>, ProblemHttpResult>> (StaffMisuseReportRequest request, MisuseReportsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ReportAsStaffAsync(request, ct);
                return result.IsSuccess ? TypedResults.Created($"/api/v1/governance/misuse-reports/{result.Value.Id}", result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.TalentOffice, Roles.BigDataBureau, Roles.ServicePointStaff, Roles.Department))
            .WithName("ReportMisuseAsStaff")
            .WithSummary("Staff report misuse of a talent's rights")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        reports.MapGet("/", async (Guid? talentId, int? page, int? size, MisuseReportsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(talentId, new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.TalentOffice, Roles.BigDataBureau, Roles.Auditor, Roles.PartnerStaff))
            .WithName("ListMisuseReports")
            .WithSummary("Misuse reports (a partner sees its own)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}

/// <summary>The caller's claims principal (for the code verification done on the partner's behalf).</summary>
internal sealed record ClaimsPrincipalAccessor(System.Security.Claims.ClaimsPrincipal? Principal);
