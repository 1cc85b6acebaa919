using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Recognition.Domain;
using TalentPass.Modules.Recognition.Features.Shared;
using TalentPass.Modules.Recognition.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Recognition.Features.Employers;

internal sealed record SetQuotaRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    public int? Quota { get; init; }
}

internal sealed record SelfRecognitionRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    public Guid? TalentId { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    public string? Level { get; init; }

    /// <summary>Defaults to today; its year is the quota year.</summary>
    public DateOnly? EffectiveOn { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(500, ErrorMessage = "最多500个字符 / At most 500 characters.")]
    public string? Reason { get; init; }
}

internal sealed record QuotaView(Guid OrganisationId, string OrganisationName, int Year, string Level, int Quota, int Used, int Remaining);

/// <summary>
/// Employer self-recognition (用人单位自主认定): the talent office qualifies an enterprise by giving it a yearly quota per
/// level; the enterprise's contact recognises its own employees within the quota. A quota place is taken by ONE
/// conditional update (<c>used = used + 1 WHERE used &lt; quota</c>) in the same transaction as the recognition row, so
/// parallel requests never exceed the quota on SQLite (one writer) or PostgreSQL (row lock, re-checked predicate).
/// If the registry then refuses the level, the place and the row are given back. The office audits and revokes.
/// </summary>
internal sealed class EmployersHandler(
    RecognitionDbContext db,
    RecognitionAccess access,
    ITalentDirectory talents,
    IOrganisationDirectory organisations,
    RecognitionEffects effects,
    ApplicationViewBuilder views,
    TimeProvider clock)
{
    public async Task<Result<QuotaView>> SetQuotaAsync(Guid organisationId, int year, string level, SetQuotaRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        if (request.Quota is not (>= 0 and <= 1000) || year is < 2020 or > 2100)
        {
            return RecognitionErrors.QuotaInvalid;
        }

        var normalised = RecognitionLevels.Normalise(level);
        if (normalised is null || !RecognitionLevels.IsGrantable(normalised))
        {
            return RecognitionErrors.LevelUnknown;
        }

        var organisation = await organisations.GetAsync(organisationId, ct);
        if (organisation is null || organisation.Kind != OrganisationKind.Enterprise)
        {
            return RecognitionErrors.OrganisationNotEnterprise;
        }

        var now = clock.GetUtcNow();
        var quota = await db.Quotas.FirstOrDefaultAsync(q => q.OrganisationId == organisationId && q.Year == year && q.Level == normalised, ct);
        if (quota is null)
        {
            quota = new EmployerQuota { OrganisationId = organisationId, Year = year, Level = normalised, Quota = request.Quota.Value, Used = 0, UpdatedAt = now };
            db.Quotas.Add(quota);
            await db.SaveChangesAsync(ct);
        }
        else
        {
            // conditional: never below what is used at this instant (a concurrent recognition may have taken a place)
            var q = request.Quota.Value;
            var changed = await db.Quotas.Where(x => x.OrganisationId == organisationId && x.Year == year && x.Level == normalised && x.Used <= q)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Quota, q).SetProperty(x => x.UpdatedAt, now), ct);
            if (changed == 0)
            {
                return RecognitionErrors.QuotaBelowUsed;
            }

            await db.Entry(quota).ReloadAsync(ct);
        }

        return new QuotaView(organisationId, organisation.Name, year, normalised, quota.Quota, quota.Used, quota.Quota - quota.Used);
    }

    /// <summary>Quotas: the talent office sees all (or one organisation's), an enterprise contact their own.</summary>
    public async Task<IReadOnlyList<QuotaView>> ListQuotasAsync(Guid? organisationId, int? year, CancellationToken ct)
    {
        var query = db.Quotas.AsNoTracking();
        if (!access.IsTalentOffice)
        {
            var own = access.User.OrganisationId ?? Guid.Empty;
            query = query.Where(q => q.OrganisationId == own);
        }
        else if (organisationId is { } org)
        {
            query = query.Where(q => q.OrganisationId == org);
        }

        if (year is { } y)
        {
            query = query.Where(q => q.Year == y);
        }

        var rows = await query.OrderByDescending(q => q.Year).ThenBy(q => q.OrganisationId).ThenBy(q => q.Level).Take(500).ToListAsync(ct);
        var names = new Dictionary<Guid, string>();
        foreach (var id in rows.Select(r => r.OrganisationId).Distinct())
        {
            names[id] = (await organisations.GetAsync(id, ct))?.Name ?? "—";
        }

        return rows.Select(r => new QuotaView(r.OrganisationId, names[r.OrganisationId], r.Year, r.Level, r.Quota, r.Used, r.Quota - r.Used)).ToList();
    }

    public async Task<Result<ApplicationView>> RecogniseAsync(SelfRecognitionRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        if (access.User.OrganisationId is not { } employer || !access.IsEnterpriseContact)
        {
            return RecognitionErrors.EmployerNotQualified;
        }

        var talent = await talents.GetAsync(request.TalentId!.Value, ct);
        if (talent is null || talent.EmployerOrganisationId != employer)
        {
            return RecognitionErrors.NotAnEmployee;
        }

        if (talent.AccountId is { } own && own == access.AccountId)
        {
            return RecognitionErrors.SamePerson;
        }

        var level = RecognitionLevels.Normalise(request.Level);
        if (level is null || !RecognitionLevels.IsGrantable(level))
        {
            return RecognitionErrors.LevelUnknown;
        }

        if (talent.Status != "active")
        {
            return RecognitionErrors.TalentNotActive;
        }

        if (!RecognitionLevels.Raises(talent.Level, level))
        {
            return RecognitionErrors.NotAnUpgrade;
        }

        var today = BusinessTime.Today(clock);
        var effectiveOn = request.EffectiveOn ?? today;
        if (effectiveOn > today || effectiveOn < today.AddYears(-1))
        {
            return RecognitionErrors.EffectiveDateInvalid;
        }

        var year = effectiveOn.Year;
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var application = new RecognitionApplication
        {
            Id = id,
            Number = $"RA-{today.Year}-{RecognitionEffects.Suffix(id)}",
            TalentId = talent.Id,
            Path = RecognitionPaths.Employer,
            Status = RecognitionStatus.Approved,
            RequestedLevel = level,
            LevelAtSubmission = talent.Level,
            RecommendedLevel = level,
            DecidedLevel = level,
            CatalogueVersion = CriteriaCatalogue.Current.Version,
            Statement = request.Reason!.Trim(),
            EmployerOrganisationId = employer,
            SubmittedBy = access.User.AccountId,
            SubmittedAt = now,
            DecidedBy = access.User.AccountId,
            DecidedAt = now,
            DecisionReason = request.Reason!.Trim(),
            EffectiveOn = effectiveOn,
            QuotaYear = year,
            Version = 1,
        };
        RecognitionEffects.IssueCertificate(application);

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // the first statement of the transaction takes the write lock (SQLite) / the row lock (PostgreSQL)
            var taken = await db.Quotas.Where(q => q.OrganisationId == employer && q.Year == year && q.Level == level && q.Used < q.Quota)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.Used, q => q.Used + 1).SetProperty(q => q.UpdatedAt, now), ct);
            if (taken == 0)
            {
                await transaction.RollbackAsync(ct);
                var exists = await db.Quotas.AnyAsync(q => q.OrganisationId == employer && q.Year == year && q.Level == level, ct);
                return exists ? RecognitionErrors.QuotaExhausted : RecognitionErrors.EmployerNotQualified;
            }

            db.Applications.Add(application);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        var changed = await effects.ChangeLevelAsync(application, level, effectiveOn, $"用人单位自主认定 {application.Number} / Employer self-recognition {application.Number}", ct);
        if (!changed.IsSuccess)
        {
            await using var undo = await db.Database.BeginTransactionAsync(ct);
            await db.Quotas.Where(q => q.OrganisationId == employer && q.Year == year && q.Level == level && q.Used > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.Used, q => q.Used - 1), ct);
            await db.Applications.Where(a => a.Id == id).ExecuteDeleteAsync(ct);
            await undo.CommitAsync(ct);
            return changed.Error;
        }

        application.LedgerIndex = await effects.RecordAsync(application, ct);
        await db.SaveChangesAsync(ct);
        await effects.NotifyAsync(application, talent, ct);
        return await views.BuildAsync(application, ct);
    }

    public static void Map(RouteGroupBuilder office, RouteGroupBuilder employers)
    {
        office.MapPut("/employers/{organisationId:guid}/quotas/{year:int}/{level}", async Task<Results<Ok<QuotaView>, ProblemHttpResult>> (Guid organisationId, int year, string level, SetQuotaRequest request, EmployersHandler handler, CancellationToken ct) =>
            {
                var result = await handler.SetQuotaAsync(organisationId, year, level, request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("SetRecognitionQuota")
            .WithSummary("Qualify an enterprise for self-recognition: its quota for a year and level (talent office)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        employers.MapGet("/quotas", async (Guid? organisationId, int? year, EmployersHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListQuotasAsync(organisationId, year, ct)))
            .WithName("ListRecognitionQuotas")
            .WithSummary("Self-recognition quotas (the talent office: all; an enterprise contact: their own)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        employers.MapPost("/self-recognitions", async Task<Results<Created<ApplicationView>, ProblemHttpResult>> (SelfRecognitionRequest request, EmployersHandler handler, CancellationToken ct) =>
            {
                var result = await handler.RecogniseAsync(request, ct);
                return result.IsSuccess ? TypedResults.Created($"/api/v1/recognition/applications/{result.Value.Id}", result.Value) : result.Error.ToProblem();
            })
            .WithName("SelfRecogniseEmployee")
            .WithSummary("Recognise an employee within the enterprise's yearly quota (enterprise contact)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
