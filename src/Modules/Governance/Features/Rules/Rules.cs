using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Governance.Domain;
using TalentPass.Modules.Governance.Features.Engine;
using TalentPass.Modules.Governance.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Governance.Features.Rules;

/// <summary>A rule version's content as sent by a client (create or new version).</summary>
internal sealed record RuleRequest
{
    [StringLength(40, MinimumLength = 3, ErrorMessage = "3–40个字符 / 3–40 characters.")]
    [RegularExpression("^[a-z0-9][a-z0-9-]*$", ErrorMessage = "小写字母、数字和连字符 / Lower-case letters, digits and hyphens.")]
    public string? Code { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(100, ErrorMessage = "最多100个字符 / At most 100 characters.")]
    public string? NameZh { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(100, ErrorMessage = "最多100个字符 / At most 100 characters.")]
    public string? NameEn { get; init; }

    public int? MisuseReportsMin { get; init; }

    public int? MisuseReportsDays { get; init; }

    public bool ReviewOverdue { get; init; }

    public bool LeftArea { get; init; }

    public bool ConfirmedSignal { get; init; }

    [Range(0, 60, ErrorMessage = "0–60")]
    public int ResponseWorkingDays { get; init; } = 5;

    [Required(ErrorMessage = "必填 / Required.")]
    public string? DeciderRole { get; init; }

    public bool DeciderNotSender { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    public string? Effect { get; init; }

    public Guid? EffectPartnerId { get; init; }

    public string? TerminationGround { get; init; }

    public RuleDefinition ToDefinition() => new(
        NameZh ?? "", NameEn ?? "", MisuseReportsMin, MisuseReportsMin is null ? null : MisuseReportsDays, ReviewOverdue, LeftArea, ConfirmedSignal,
        ResponseWorkingDays, DeciderRole ?? "", DeciderNotSender, Effect ?? "", EffectPartnerId, Effect == RuleEffects.Terminate ? TerminationGround : null);
}

internal sealed record RuleView(
    Guid Id,
    string Code,
    int Version,
    string NameZh,
    string NameEn,
    string OwnerKind,
    Guid? OwnerOrganisationId,
    int? MisuseReportsMin,
    int? MisuseReportsDays,
    bool ReviewOverdue,
    bool LeftArea,
    bool ConfirmedSignal,
    int ResponseWorkingDays,
    string DeciderRole,
    bool DeciderNotSender,
    string Effect,
    Guid? EffectPartnerId,
    string? TerminationGround,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt)
{
    public static RuleView From(RuleRow r) => new(r.Id, r.Code, r.Version, r.NameZh, r.NameEn, r.OwnerKind, r.OwnerOrganisationId, r.MisuseReportsMin,
        r.MisuseReportsDays, r.ReviewOverdue, r.LeftArea, r.ConfirmedSignal, r.ResponseWorkingDays, r.DeciderRole, r.DeciderNotSender, r.Effect,
        r.EffectPartnerId, r.TerminationGround, r.Status, r.CreatedAt, r.EndedAt);
}

internal sealed record EvaluateRequest(Guid? TalentId);

/// <summary>
/// Rules as versioned data: creating a rule (version 1), changing it (a new version; the old one is superseded, never
/// edited), retiring it — each within the author's remit (<see cref="RuleDefinition.CheckRemit"/>).
/// </summary>
internal sealed class RulesHandler(GovernanceDbContext db, GovernanceAccess access, TimeProvider clock)
{
    public async Task<Page<RuleView>> ListAsync(string? q, bool includeHistory, PageRequest page, CancellationToken ct)
    {
        var query = access.Rules(db.Rules.AsNoTracking());
        if (!includeHistory)
        {
            query = query.Where(r => r.Status == "active");
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(r => r.Code.Contains(term) || r.NameZh.Contains(term) || r.NameEn.Contains(term));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(r => r.Code).ThenByDescending(r => r.Version).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        return new Page<RuleView>(rows.Select(RuleView.From).ToList(), page.SafePage, page.SafeSize, total);
    }

    public async Task<Result<IReadOnlyList<RuleView>>> VersionsAsync(string code, CancellationToken ct)
    {
        var rows = await access.Rules(db.Rules.AsNoTracking()).Where(r => r.Code == code).OrderByDescending(r => r.Version).ToListAsync(ct);
        return rows.Count == 0 ? GovernanceErrors.RuleNotFound : rows.Select(RuleView.From).ToList();
    }

    public async Task<Result<RuleView>> CreateAsync(RuleRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrWhiteSpace(request.Code))
        {
            return GovernanceErrors.Invalid("code", "必填 / Required.");
        }

        var checkedRule = Check(request.ToDefinition(), null);
        if (!checkedRule.IsSuccess)
        {
            return checkedRule.Error;
        }

        if (await db.Rules.AnyAsync(r => r.Code == request.Code, ct))
        {
            return GovernanceErrors.RuleCodeTaken;
        }

        var row = NewRow(request.Code, 1, checkedRule.Value.Definition, checkedRule.Value.Owner);
        db.Rules.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return GovernanceErrors.RuleCodeTaken;
        }

        return RuleView.From(row);
    }

    /// <summary>A change is a new version; the active version is superseded (its cases keep pointing at it).</summary>
    public async Task<Result<RuleView>> ReviseAsync(string code, RuleRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var current = await db.Rules.FirstOrDefaultAsync(r => r.Code == code && r.Status == "active", ct);
        if (current is null || !access.CanSee(current))
        {
            return GovernanceErrors.RuleNotFound;
        }

        var checkedRule = Check(request.ToDefinition(), current);
        if (!checkedRule.IsSuccess)
        {
            return checkedRule.Error;
        }

        var latest = await db.Rules.Where(r => r.Code == code).MaxAsync(r => r.Version, ct);
        current.Status = "superseded";
        current.EndedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct); // first: the active-code unique index admits one active version
        var row = NewRow(code, latest + 1, checkedRule.Value.Definition, (current.OwnerKind, current.OwnerOrganisationId));
        db.Rules.Add(row);
        await db.SaveChangesAsync(ct);
        return RuleView.From(row);
    }

    public async Task<Result<RuleView>> RetireAsync(string code, CancellationToken ct)
    {
        var current = await db.Rules.FirstOrDefaultAsync(r => r.Code == code && r.Status == "active", ct);
        if (current is null || !access.CanSee(current))
        {
            return GovernanceErrors.RuleNotFound;
        }

        if (OwnerAllowed(current) is { } refused)
        {
            return refused;
        }

        current.Status = "retired";
        current.EndedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return RuleView.From(current);
    }

    private Result<(RuleDefinition Definition, (string Kind, Guid? Organisation) Owner)> Check(RuleDefinition definition, RuleRow? existing)
    {
        if (access.Owner() is not { } owner)
        {
            return GovernanceErrors.OutsideRemit;
        }

        if (definition.Validate() is { } invalid)
        {
            return invalid;
        }

        if (existing is not null && OwnerAllowed(existing) is { } refused)
        {
            return refused;
        }

        // A revision keeps the rule's owner; the remit is the owner's (the talent office may revise any rule).
        var ownerKind = existing?.OwnerKind ?? owner.Kind;
        var ownerOrganisation = existing is null ? owner.Organisation : existing.OwnerOrganisationId;
        return RuleDefinition.CheckRemit(ownerKind, ownerOrganisation, definition) is { } outside
            ? outside
            : (definition, (ownerKind, ownerOrganisation));
    }

    private Error? OwnerAllowed(RuleRow rule)
    {
        if (access.User.IsInRole(Roles.TalentOffice))
        {
            return null;
        }

        var owner = access.Owner();
        return owner is { } o && o.Kind == rule.OwnerKind && o.Organisation == rule.OwnerOrganisationId ? null : GovernanceErrors.OutsideRemit;
    }

    private RuleRow NewRow(string code, int version, RuleDefinition d, (string Kind, Guid? Organisation) owner)
    {
        var now = clock.GetUtcNow();
        return new RuleRow
        {
            Id = Guid.CreateVersion7(now),
            Code = code,
            Version = version,
            NameZh = d.NameZh.Trim(),
            NameEn = d.NameEn.Trim(),
            OwnerKind = owner.Kind,
            OwnerOrganisationId = owner.Organisation,
            MisuseReportsMin = d.MisuseReportsMin,
            MisuseReportsDays = d.MisuseReportsDays,
            ReviewOverdue = d.ReviewOverdue,
            LeftArea = d.LeftArea,
            ConfirmedSignal = d.ConfirmedSignal,
            ResponseWorkingDays = d.ResponseWorkingDays,
            DeciderRole = d.DeciderRole,
            DeciderNotSender = d.DeciderNotSender,
            Effect = d.Effect,
            EffectPartnerId = d.EffectPartnerId,
            TerminationGround = d.TerminationGround,
            Status = "active",
            CreatedAt = now,
            CreatedBy = access.User.AccountId,
        };
    }

    public static void Map(RouteGroupBuilder governance)
    {
        var rules = governance.MapGroup("/rules").RequireAuthorization(p => p.RequireRole(GovernanceAccess.Staff));
        rules.MapGet("/", async (string? q, bool? history, int? page, int? size, RulesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(q, history == true, new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct)))
            .WithName("ListGovernanceRules")
            .WithSummary("Suspension and termination rules visible to the caller (active versions; history=true for all versions)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        rules.MapGet("/{code}", async Task<Results<Ok<IReadOnlyList<RuleView>>, ProblemHttpResult>> (string code, RulesHandler handler, CancellationToken ct) =>
            {
                var result = await handler.VersionsAsync(code, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("GetGovernanceRuleVersions")
            .WithSummary("Every version of a rule, newest first")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var writers = new[] { Roles.TalentOffice, Roles.BigDataBureau, Roles.PartnerStaff };
        rules.MapPost("/", async Task<Results<Created<RuleView>, ProblemHttpResult>> (RuleRequest request, RulesHandler handler, CancellationToken ct) =>
            {
                var result = await handler.CreateAsync(request, ct);
                return result.IsSuccess ? TypedResults.Created($"/api/v1/governance/rules/{result.Value.Code}", result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(writers))
            .WithName("CreateGovernanceRule")
            .WithSummary("Create a rule (version 1) within the caller's remit")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        rules.MapPut("/{code}", async Task<Results<Ok<RuleView>, ProblemHttpResult>> (string code, RuleRequest request, RulesHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ReviseAsync(code, request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(writers))
            .WithName("ReviseGovernanceRule")
            .WithSummary("Change a rule: a new version supersedes the active one (history is kept)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        rules.MapPost("/{code}/retire", async Task<Results<Ok<RuleView>, ProblemHttpResult>> (string code, RulesHandler handler, CancellationToken ct) =>
            {
                var result = await handler.RetireAsync(code, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(writers))
            .WithName("RetireGovernanceRule")
            .WithSummary("Retire a rule (no further cases; its cases and versions stay)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        governance.MapPost("/evaluate", async (EvaluateRequest? request, RuleEngine engine, CancellationToken ct) =>
                TypedResults.Ok(await engine.EvaluateAsync(request?.TalentId, ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.TalentOffice, Roles.BigDataBureau))
            .WithName("EvaluateGovernanceRules")
            .WithSummary("Run the rule engine now (all candidates, or one talent): opens cases and sends notices, never decides")
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
