using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Talents.Domain;
using TalentPass.Modules.Talents.Features.Access;
using TalentPass.Modules.Talents.Features.ProfileInput;
using TalentPass.Modules.Talents.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Features.RegisterTalent;

/// <summary>A new talent registered by the talent office. Values entered by staff are recorded as verified (source <c>manual</c> unless given).</summary>
internal sealed record RegisterTalentRequest : ProfileFieldsInput
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(50, ErrorMessage = "最多50个字符 / At most 50 characters.")]
    public string? Name { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(18, ErrorMessage = "最多18个字符 / At most 18 characters.")]
    public string? IdNumber { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(10, ErrorMessage = "最多10个字符 / At most 10 characters.")]
    public string? Level { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(20, ErrorMessage = "最多20个字符 / At most 20 characters.")]
    public string? Category { get; init; }

    public DateOnly? EffectiveOn { get; init; }

    public Guid? EmployerOrganisationId { get; init; }

    public Guid? AccountId { get; init; }

    /// <summary>Data source of the entered values, e.g. <c>manual</c> (default) or <c>household_registry</c>.</summary>
    [StringLength(200, ErrorMessage = "最多200个字符 / At most 200 characters.")]
    public string? Source { get; init; }
}

internal sealed record RegisteredTalent(Guid Id, int Version);

/// <summary>
/// Registers a talent (talent office only). Bad input → 400 with per-field messages (ID number errors keep the
/// <c>identity_number.*</c> codes); a known ID number → 409 <c>talents.id_number_duplicate</c>; nothing is
/// written on any error.
/// </summary>
internal sealed class RegisterTalentHandler(
    TalentsDbContext db,
    TalentAccess access,
    IFieldProtector protector,
    IOrganisationDirectory organisations,
    TimeProvider clock)
{
    public async Task<Result<RegisteredTalent>> HandleAsync(RegisterTalentRequest request, CancellationToken ct)
    {
        if (!access.IsTalentOffice)
        {
            return Error.Forbidden("auth.forbidden", "Not allowed.");
        }

        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var idNumber = ResidentIdNumber.Parse(request.IdNumber);
        if (!idNumber.IsSuccess)
        {
            return idNumber.Error.ForField("idNumber");
        }

        var level = TalentLevel.Normalise(request.Level);
        if (level is null)
        {
            return TalentsErrors.LevelUnknown;
        }

        var category = TalentCategory.Normalise(request.Category);
        if (category is null)
        {
            return TalentsErrors.CategoryUnknown;
        }

        var today = BusinessTime.Today(clock);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, raw) in request.ProfileValues())
        {
            var normalised = ProfileFields.Normalise(ProfileFields.Find(key)!, raw, today.Year);
            if (normalised.IsSuccess)
            {
                values[key] = normalised.Value;
            }
            else
            {
                foreach (var (k, v) in normalised.Error.Fields!)
                {
                    errors[TalentsErrors.JsonName(k)] = v;
                }
            }
        }

        if (errors.Count > 0)
        {
            return Error.Validation("request.invalid", string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")), errors);
        }

        string? employerName = values[ProfileFields.EmployerName];
        if (request.EmployerOrganisationId is { } employerId)
        {
            var organisation = await organisations.GetAsync(employerId, ct);
            if (organisation is null || organisation.Kind != OrganisationKind.Enterprise)
            {
                return TalentsErrors.EmployerInvalid;
            }

            employerName ??= organisation.Name;
            values[ProfileFields.EmployerName] = employerName;
        }

        var hash = protector.BlindIndex(Talent.IdIndexKey(idNumber.Value));
        if (await db.Talents.AnyAsync(t => t.IdNumberHash == hash, ct))
        {
            return TalentsErrors.IdNumberDuplicate;
        }

        if (request.AccountId is { } accountId && await db.Talents.AnyAsync(t => t.AccountId == accountId, ct))
        {
            return TalentsErrors.AccountAlreadyLinked;
        }

        var now = clock.GetUtcNow();
        var source = string.IsNullOrWhiteSpace(request.Source) ? DataSources.Manual : request.Source.Trim();
        var verifiedBy = access.User.AccountId;
        var talent = Talent.Register(Guid.CreateVersion7(now), request.Name!.Trim(), idNumber.Value, level, category, request.EffectiveOn ?? today, protector, now, source, verifiedBy);
        foreach (var (key, value) in values)
        {
            if (value is not null && key != ProfileFields.EmployerName)
            {
                talent.SetValue(key, value, protector, now);
            }
        }

        talent.SetEmployer(request.EmployerOrganisationId, employerName, now);
        talent.LinkAccount(request.AccountId, now);
        db.Talents.Add(talent);
        db.LevelHistory.Add(new LevelHistoryEntry(Guid.CreateVersion7(now), talent.Id, null, level, null, category, talent.LevelEffectiveOn,
            "登记 / Registered", verifiedBy, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Talents.AnyAsync(t => t.IdNumberHash == hash, ct))
            {
                return TalentsErrors.IdNumberDuplicate;
            }

            if (request.AccountId is { } linked && await db.Talents.AnyAsync(t => t.AccountId == linked, ct))
            {
                return TalentsErrors.AccountAlreadyLinked;
            }

            throw;
        }

        return new RegisteredTalent(talent.Id, talent.Version);
    }

    public static void Map(RouteGroupBuilder talents)
    {
        talents.MapPost("/", async Task<Results<Created<RegisteredTalent>, ProblemHttpResult>> (RegisterTalentRequest request, RegisterTalentHandler handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(request, ct);
                return result.IsSuccess
                    ? TypedResults.Created($"/api/v1/talents/{result.Value.Id}", result.Value)
                    : result.Error.ToProblem();
            })
            .WithName("RegisterTalent")
            .WithSummary("Register a talent (talent office)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
