using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Talents.Domain;
using TalentPass.Modules.Talents.Features.Access;
using TalentPass.Modules.Talents.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Features.Enterprises;

internal sealed record EnterpriseProjectInput
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(200, ErrorMessage = "最多200个字符 / At most 200 characters.")]
    public string? Name { get; init; }

    [StringLength(2000, ErrorMessage = "最多2000个字符 / At most 2000 characters.")]
    public string? Description { get; init; }

    /// <summary>Funding in integer fen (1 yuan = 100 fen).</summary>
    [Range(0, long.MaxValue, ErrorMessage = "不能为负数 / Must not be negative.")]
    public long FundingFen { get; init; }

    public DateOnly? StartsOn { get; init; }

    public DateOnly? EndsOn { get; init; }
}

internal sealed record EnterpriseCooperationInput
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(200, ErrorMessage = "最多200个字符 / At most 200 characters.")]
    public string? PartnerName { get; init; }

    [StringLength(2000, ErrorMessage = "最多2000个字符 / At most 2000 characters.")]
    public string? Description { get; init; }

    public DateOnly? Since { get; init; }
}

/// <summary>Create (with <see cref="OrganisationId"/>) or replace an enterprise profile; projects and cooperations are replaced as a whole.</summary>
internal sealed record SaveEnterpriseRequest
{
    public Guid? OrganisationId { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(18, ErrorMessage = "最多18个字符 / At most 18 characters.")]
    public string? CreditCode { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(50, ErrorMessage = "最多50个字符 / At most 50 characters.")]
    public string? LegalRepresentative { get; init; }

    public DateOnly? FoundedOn { get; init; }

    [StringLength(100, ErrorMessage = "最多100个字符 / At most 100 characters.")]
    public string? Industry { get; init; }

    public Guid? FounderTalentId { get; init; }

    public IReadOnlyList<EnterpriseProjectInput>? Projects { get; init; }

    public IReadOnlyList<EnterpriseCooperationInput>? Cooperations { get; init; }

    /// <summary>For updates: the version the edit was based on.</summary>
    public int? Version { get; init; }
}

internal sealed record EnterpriseProjectView(Guid Id, string Name, string? Description, long FundingFen, DateOnly? StartsOn, DateOnly? EndsOn);

internal sealed record EnterpriseCooperationView(Guid Id, string PartnerName, string? Description, DateOnly? Since);

internal sealed record EnterpriseView(
    Guid OrganisationId,
    string Name,
    string CreditCode,
    string LegalRepresentative,
    DateOnly? FoundedOn,
    string? Industry,
    Guid? FounderTalentId,
    string? FounderName,
    int EmployedTalents,
    IReadOnlyList<EnterpriseProjectView> Projects,
    IReadOnlyList<EnterpriseCooperationView> Cooperations,
    int Version);

internal sealed record EnterpriseListItem(Guid OrganisationId, string Name, string CreditCode, string? Industry, DateOnly? FoundedOn, int Projects, int Cooperations);

/// <summary>
/// Enterprise profiles (M-9): talent office, big-data bureau, departments and the operator see all; an
/// enterprise contact sees and edits only their own enterprise (others → 404). Only the talent office creates.
/// </summary>
internal sealed class EnterprisesHandler(TalentsDbContext db, TalentAccess access, IOrganisationDirectory organisations, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<EnterpriseListItem>>> ListAsync(CancellationToken ct)
    {
        if (!access.User.IsInAnyRole(TalentAccess.EnterpriseReaders))
        {
            return Error.Forbidden("auth.forbidden", "Not allowed.");
        }

        var query = db.Enterprises.AsNoTracking();
        if (!access.SeesWholeRegistry)
        {
            var own = access.User.OrganisationId ?? Guid.Empty;
            query = query.Where(e => e.OrganisationId == own);
        }

        var rows = await query
            .Select(e => new { e.OrganisationId, e.CreditCode, e.Industry, e.FoundedOn, Projects = e.Projects.Count, Cooperations = e.Cooperations.Count })
            .ToListAsync(ct);
        var names = (await organisations.ListAsync(OrganisationKind.Enterprise, ct)).ToDictionary(o => o.Id, o => o.Name);
        return rows
            .Select(r => new EnterpriseListItem(r.OrganisationId, names.GetValueOrDefault(r.OrganisationId, r.CreditCode), r.CreditCode, r.Industry, r.FoundedOn, r.Projects, r.Cooperations))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<Result<EnterpriseView>> GetAsync(Guid organisationId, CancellationToken ct)
    {
        if (!access.User.IsInAnyRole(TalentAccess.EnterpriseReaders))
        {
            return Error.Forbidden("auth.forbidden", "Not allowed.");
        }

        if (!access.CanSeeEnterprise(organisationId))
        {
            return TalentsErrors.EnterpriseNotFound;
        }

        var enterprise = await db.Enterprises.AsNoTracking()
            .Include(e => e.Projects)
            .Include(e => e.Cooperations)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.OrganisationId == organisationId, ct);
        return enterprise is null ? TalentsErrors.EnterpriseNotFound : await ViewAsync(enterprise, ct);
    }

    public async Task<Result<EnterpriseView>> CreateAsync(SaveEnterpriseRequest request, CancellationToken ct)
    {
        if (!access.IsTalentOffice)
        {
            return Error.Forbidden("auth.forbidden", "Not allowed.");
        }

        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        if (request.OrganisationId is not { } organisationId)
        {
            return Error.Validation("request.invalid", "organisationId: 必填 / Required.",
                new Dictionary<string, string[]> { ["organisationId"] = ["必填 / Required."] });
        }

        var organisation = await organisations.GetAsync(organisationId, ct);
        if (organisation is null || organisation.Kind != OrganisationKind.Enterprise)
        {
            return TalentsErrors.EnterpriseOrganisationInvalid;
        }

        if (await db.Enterprises.AnyAsync(e => e.OrganisationId == organisationId, ct))
        {
            return TalentsErrors.EnterpriseExists;
        }

        var code = UnifiedSocialCreditCode.Parse(request.CreditCode);
        if (!code.IsSuccess)
        {
            return code.Error.ForField("creditCode");
        }

        var now = clock.GetUtcNow();
        var enterprise = Enterprise.Create(organisationId, code.Value, now);
        if (await ApplyAsync(enterprise, code.Value, request, now, ct) is { } failed)
        {
            return failed;
        }

        db.Enterprises.Add(enterprise);
        if (await SaveAsync(ct) is { } conflict)
        {
            return conflict;
        }

        return await ViewAsync(enterprise, ct);
    }

    public async Task<Result<EnterpriseView>> UpdateAsync(Guid organisationId, SaveEnterpriseRequest request, CancellationToken ct)
    {
        if (!access.CanEditEnterprise(organisationId))
        {
            return access.CanSeeEnterprise(organisationId) || !access.User.IsInRole(Roles.EnterpriseContact)
                ? Error.Forbidden("auth.forbidden", "Not allowed.")
                : TalentsErrors.EnterpriseNotFound;
        }

        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        var enterprise = await db.Enterprises
            .Include(e => e.Projects)
            .Include(e => e.Cooperations)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.OrganisationId == organisationId, ct);
        if (enterprise is null)
        {
            return TalentsErrors.EnterpriseNotFound;
        }

        if (request.Version is { } version && version != enterprise.Version)
        {
            return TalentsErrors.VersionConflict;
        }

        var code = UnifiedSocialCreditCode.Parse(request.CreditCode);
        if (!code.IsSuccess)
        {
            return code.Error.ForField("creditCode");
        }

        if (await ApplyAsync(enterprise, code.Value, request, clock.GetUtcNow(), ct) is { } failed)
        {
            return failed;
        }

        if (await SaveAsync(ct) is { } conflict)
        {
            return conflict;
        }

        return await ViewAsync(enterprise, ct);
    }

    private static Error? Validate(SaveEnterpriseRequest request)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Collect<T>(string list, IReadOnlyList<T>? items)
            where T : class
        {
            for (var i = 0; i < (items?.Count ?? 0); i++)
            {
                if (RequestValidation.Validate(items![i])?.Fields is { } itemFields)
                {
                    foreach (var (key, messages) in itemFields)
                    {
                        fields[$"{list}[{i}].{key}"] = messages;
                    }
                }
            }
        }

        Collect("projects", request.Projects);
        Collect("cooperations", request.Cooperations);
        for (var i = 0; i < (request.Projects?.Count ?? 0); i++)
        {
            if (request.Projects![i] is { StartsOn: { } start, EndsOn: { } end } && end < start)
            {
                fields[$"projects[{i}].endsOn"] = ["结束日期早于开始日期 / The end date is before the start date."];
            }
        }

        if ((request.Projects?.Count ?? 0) > 100 || (request.Cooperations?.Count ?? 0) > 100)
        {
            fields["projects"] = ["最多100项 / At most 100 entries."];
        }

        return fields.Count == 0 ? null : Error.Validation("request.invalid", string.Join(" ", fields.Select(f => $"{f.Key}: {f.Value[0]}")), fields);
    }

    private async Task<Error?> ApplyAsync(Enterprise enterprise, UnifiedSocialCreditCode code, SaveEnterpriseRequest request, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Enterprises.AnyAsync(e => e.CreditCode == code.Value && e.OrganisationId != enterprise.OrganisationId, ct))
        {
            return TalentsErrors.CreditCodeDuplicate;
        }

        if (request.FounderTalentId is { } founder && !await db.Talents.AnyAsync(t => t.Id == founder, ct))
        {
            return TalentsErrors.FounderNotFound;
        }

        var id = enterprise.OrganisationId;
        enterprise.Update(
            code,
            request.LegalRepresentative!,
            request.FoundedOn,
            request.Industry,
            request.FounderTalentId,
            (request.Projects ?? []).Select(p => new EnterpriseProject(Guid.CreateVersion7(now), id, p.Name!.Trim(), Trim(p.Description), p.FundingFen, p.StartsOn, p.EndsOn)),
            (request.Cooperations ?? []).Select(c => new EnterpriseCooperation(Guid.CreateVersion7(now), id, c.PartnerName!.Trim(), Trim(c.Description), c.Since)),
            now);
        return null;
    }

    private async Task<Error?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return TalentsErrors.VersionConflict;
        }
        catch (DbUpdateException)
        {
            return TalentsErrors.CreditCodeDuplicate;
        }
    }

    private async Task<EnterpriseView> ViewAsync(Enterprise e, CancellationToken ct)
    {
        var organisation = await organisations.GetAsync(e.OrganisationId, ct);
        string? founder = null;
        if (e.FounderTalentId is { } founderId)
        {
            founder = await db.Talents.AsNoTracking().Where(t => t.Id == founderId).Select(t => t.Name).FirstOrDefaultAsync(ct);
        }

        var employed = await db.Talents.AsNoTracking().Where(t => t.EmployerOrganisationId == e.OrganisationId).Select(t => t.Id).Take(100_000).CountAsync(ct);
        return new EnterpriseView(
            e.OrganisationId,
            organisation?.Name ?? e.CreditCode,
            e.CreditCode,
            e.LegalRepresentative,
            e.FoundedOn,
            e.Industry,
            e.FounderTalentId,
            founder is null ? null : Masking.Name(founder),
            employed,
            e.Projects.OrderBy(p => p.StartsOn).ThenBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => new EnterpriseProjectView(p.Id, p.Name, p.Description, p.FundingFen, p.StartsOn, p.EndsOn)).ToList(),
            e.Cooperations.OrderBy(c => c.Since).ThenBy(c => c.PartnerName, StringComparer.Ordinal)
                .Select(c => new EnterpriseCooperationView(c.Id, c.PartnerName, c.Description, c.Since)).ToList(),
            e.Version);
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", async Task<Results<Ok<IReadOnlyList<EnterpriseListItem>>, ProblemHttpResult>> (EnterprisesHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ListAsync(ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("ListEnterprises")
            .WithSummary("Enterprise profiles the caller may see (an enterprise contact: their own)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{organisationId:guid}", async Task<Results<Ok<EnterpriseView>, ProblemHttpResult>> (Guid organisationId, EnterprisesHandler handler, CancellationToken ct) =>
            {
                var result = await handler.GetAsync(organisationId, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("GetEnterprise")
            .WithSummary("One enterprise profile with projects and cooperations")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<Results<Created<EnterpriseView>, ProblemHttpResult>> (SaveEnterpriseRequest request, EnterprisesHandler handler, CancellationToken ct) =>
            {
                var result = await handler.CreateAsync(request, ct);
                return result.IsSuccess ? TypedResults.Created($"/api/v1/enterprises/{result.Value.OrganisationId}", result.Value) : result.Error.ToProblem();
            })
            .WithName("CreateEnterprise")
            .WithSummary("Create the profile of an Identity enterprise organisation (talent office)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{organisationId:guid}", async Task<Results<Ok<EnterpriseView>, ProblemHttpResult>> (Guid organisationId, SaveEnterpriseRequest request, EnterprisesHandler handler, CancellationToken ct) =>
            {
                var result = await handler.UpdateAsync(organisationId, request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("UpdateEnterprise")
            .WithSummary("Replace an enterprise profile (talent office, or the enterprise's own contact)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
