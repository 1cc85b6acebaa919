using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Governance.Domain;
using TalentPass.Modules.Governance.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Governance.Features.Cases;

internal sealed record DecisionView(Guid Id, string Kind, string Outcome, string RuleCode, int RuleVersion, Guid? DecidedBy, string DeciderRole, string Reason, string? Ground, DateTimeOffset DecidedAt, string DocumentDigest, string? LedgerKind, long? LedgerIndex);

internal sealed record AppealView(Guid Id, string Grounds, DateTimeOffset FiledAt, DateTimeOffset DecideBy, string Status, DateTimeOffset? DecidedAt, Guid? DecidedBy, string? Reason);

/// <summary>A case as staff see it (the talent id only for the talent office, big-data bureau and auditors) or as the talent sees it.</summary>
internal sealed record CaseView(
    Guid Id,
    Guid? TalentId,
    string? MaskedName,
    string? Level,
    string? TalentStatus,
    string RuleCode,
    int RuleVersion,
    string RuleNameZh,
    string RuleNameEn,
    string Effect,
    string? TerminationGround,
    string DeciderRole,
    bool DeciderNotSender,
    string Status,
    string? Outcome,
    DateTimeOffset OpenedAt,
    Guid? OpenedBy,
    DateTimeOffset NoticeSentAt,
    DateTimeOffset RespondUntil,
    bool ResponsePeriodRunning,
    string? Response,
    DateTimeOffset? RespondedAt,
    DateTimeOffset? DecidedAt,
    Guid? DecidedBy,
    string? DecisionReason,
    DateTimeOffset? AppealUntil,
    JsonNode? Facts,
    AppealView? Appeal,
    IReadOnlyList<DecisionView> Decisions);

internal sealed record CaseListItem(Guid Id, string? MaskedName, string? Level, string RuleCode, int RuleVersion, string Effect, string Status, string? Outcome, DateTimeOffset OpenedAt, DateTimeOffset RespondUntil, bool ResponsePeriodRunning, bool AppealPending);

internal sealed record OpenCaseRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    public string? RuleCode { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    public Guid? TalentId { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(2000, MinimumLength = 2, ErrorMessage = "2–2000个字符 / 2–2000 characters.")]
    public string? Statement { get; init; }
}

internal sealed record DecideRequest
{
    /// <summary>True: apply the rule's effect; false: dismiss the case.</summary>
    [Required(ErrorMessage = "必填 / Required.")]
    public bool? Apply { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(1000, MinimumLength = 2, ErrorMessage = "2–1000个字符 / 2–1000 characters.")]
    public string? Reason { get; init; }
}

internal sealed record ReasonRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(1000, MinimumLength = 2, ErrorMessage = "2–1000个字符 / 2–1000 characters.")]
    public string? Reason { get; init; }
}

internal sealed record AppealDecisionRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    public bool? Upheld { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(1000, MinimumLength = 2, ErrorMessage = "2–1000个字符 / 2–1000 characters.")]
    public string? Reason { get; init; }
}

internal sealed record TextRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(2000, MinimumLength = 2, ErrorMessage = "2–2000个字符 / 2–2000 characters.")]
    public string? Text { get; init; }
}

/// <summary>The case queue and the decisions on cases (staff), scoped by <see cref="GovernanceAccess"/>.</summary>
internal sealed class CasesHandler(
    GovernanceDbContext db,
    GovernanceAccess access,
    CaseWorkflow workflow,
    ITalentDirectory talents,
    IAuditTrail audit,
    TimeProvider clock)
{
    public static readonly string[] Statuses = [CaseStatuses.Noticed, CaseStatuses.Decided, CaseStatuses.Dismissed, CaseStatuses.Reinstated];

    private bool SeesTalentIds => access.User.IsInAnyRole(Roles.TalentOffice, Roles.BigDataBureau, Roles.Auditor);

    public async Task<Page<CaseListItem>> ListAsync(string? status, string? rule, bool appealsOnly, PageRequest page, CancellationToken ct)
    {
        var ruleIds = access.Rules(db.Rules.AsNoTracking()).Select(r => r.Id);
        var query = db.Cases.AsNoTracking().Where(c => ruleIds.Contains(c.RuleId));
        if (!string.IsNullOrWhiteSpace(status))
        {
            query = query.Where(c => c.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(rule))
        {
            query = query.Where(c => c.RuleCode == rule.Trim());
        }

        if (appealsOnly)
        {
            var pending = db.Appeals.Where(a => a.Status == AppealStatuses.Pending).Select(a => a.CaseId);
            query = query.Where(c => pending.Contains(c.Id));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.OpenedAt).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var appeals = await db.Appeals.AsNoTracking().Where(a => ids.Contains(a.CaseId) && a.Status == AppealStatuses.Pending).Select(a => a.CaseId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var items = new List<CaseListItem>();
        foreach (var c in rows)
        {
            var talent = await talents.GetAsync(c.TalentId, ct);
            items.Add(new CaseListItem(c.Id, talent?.MaskedName, talent?.Level, c.RuleCode, c.RuleVersion, c.Effect, c.Status, c.Outcome, c.OpenedAt, c.RespondUntil,
                c.Status == CaseStatuses.Noticed && now < c.RespondUntil, appeals.Contains(c.Id)));
        }

        return new Page<CaseListItem>(items, page.SafePage, page.SafeSize, total);
    }

    public async Task<Result<CaseView>> GetAsync(Guid id, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        await audit.RecordAsync(new AuditRecord("governance.case_read", "talent", loaded.Value.Case.TalentId.ToString("D"), "case " + id.ToString("D")), ct);
        return await ViewAsync(db, talents, clock, loaded.Value.Case, loaded.Value.Rule, SeesTalentIds, ct);
    }

    public async Task<Result<CaseView>> OpenAsync(OpenCaseRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var rule = await db.Rules.AsNoTracking().FirstOrDefaultAsync(r => r.Code == request.RuleCode && r.Status == "active", ct);
        if (rule is null || !access.CanSee(rule))
        {
            return GovernanceErrors.RuleNotFound;
        }

        if (!access.MayDecide(rule))
        {
            return GovernanceErrors.NotDecider;
        }

        var facts = new JsonObject
        {
            ["rule"] = rule.Code + "@" + rule.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["openedBy"] = "staff",
            ["statement"] = request.Statement!.Trim(),
        };
        var opened = await workflow.OpenAsync(rule, request.TalentId!.Value, facts, access.User.AccountId, ct);
        return opened.IsSuccess ? await ViewAsync(db, talents, clock, opened.Value, rule, SeesTalentIds, ct) : opened.Error;
    }

    public Task<Result<CaseView>> DecideAsync(Guid id, DecideRequest request, CancellationToken ct) =>
        ActAsync(id, request, (c, r) => workflow.DecideAsync(c, r, access, request.Apply!.Value, request.Reason!.Trim(), ct), ct);

    public Task<Result<CaseView>> ReinstateAsync(Guid id, ReasonRequest request, CancellationToken ct) =>
        ActAsync(id, request, (c, r) => workflow.ReinstateAsync(c, r, access, request.Reason!.Trim(), ct), ct);

    public Task<Result<CaseView>> DecideAppealAsync(Guid id, AppealDecisionRequest request, CancellationToken ct) =>
        ActAsync(id, request, async (c, r) =>
        {
            var decided = await workflow.DecideAppealAsync(c, r, access, request.Upheld!.Value, request.Reason!.Trim(), ct);
            return decided.IsSuccess ? Result<CaseRow>.Success(c) : decided.Error;
        }, ct);

    private async Task<Result<CaseView>> ActAsync(Guid id, object request, Func<CaseRow, RuleRow, Task<Result<CaseRow>>> act, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var loaded = await LoadAsync(id, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var result = await act(loaded.Value.Case, loaded.Value.Rule);
        return result.IsSuccess ? await ViewAsync(db, talents, clock, result.Value, loaded.Value.Rule, SeesTalentIds, ct) : result.Error;
    }

    private async Task<Result<(CaseRow Case, RuleRow Rule)>> LoadAsync(Guid id, CancellationToken ct)
    {
        var @case = await db.Cases.FirstOrDefaultAsync(c => c.Id == id, ct);
        var rule = @case is null ? null : await db.Rules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == @case.RuleId, ct);
        return @case is null || rule is null || !access.CanSee(rule) ? GovernanceErrors.CaseNotFound : (@case, rule);
    }

    public static async Task<CaseView> ViewAsync(GovernanceDbContext db, ITalentDirectory talents, TimeProvider clock, CaseRow c, RuleRow rule, bool withTalentId, CancellationToken ct)
    {
        var talent = await talents.GetAsync(c.TalentId, ct);
        var appeal = await db.Appeals.AsNoTracking().FirstOrDefaultAsync(a => a.CaseId == c.Id, ct);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.CaseId == c.Id).OrderBy(d => d.DecidedAt).ToListAsync(ct);
        return new CaseView(
            c.Id, withTalentId ? c.TalentId : null, talent?.MaskedName, talent?.Level, talent?.Status, c.RuleCode, c.RuleVersion, rule.NameZh, rule.NameEn, c.Effect,
            rule.TerminationGround, rule.DeciderRole, rule.DeciderNotSender, c.Status, c.Outcome, c.OpenedAt, c.OpenedBy, c.NoticeSentAt, c.RespondUntil,
            c.Status == CaseStatuses.Noticed && clock.GetUtcNow() < c.RespondUntil, c.Response, c.RespondedAt, c.DecidedAt, c.DecidedBy, c.DecisionReason,
            c.AppealUntil, JsonNode.Parse(c.FactsJson),
            appeal is null ? null : new AppealView(appeal.Id, appeal.Grounds, appeal.FiledAt, appeal.DecideBy, appeal.Status, appeal.DecidedAt, appeal.DecidedBy, appeal.Reason),
            decisions.Select(d => new DecisionView(d.Id, d.Kind, d.Outcome, d.RuleCode, d.RuleVersion, d.DecidedBy, d.DeciderRole, d.Reason, d.Ground, d.DecidedAt, d.DocumentDigest, d.LedgerKind, d.LedgerIndex)).ToList());
    }

    public static void Map(RouteGroupBuilder governance)
    {
        var cases = governance.MapGroup("/cases").RequireAuthorization(p => p.RequireRole(GovernanceAccess.Staff));
        cases.MapGet("/", async (string? status, string? rule, bool? appeals, int? page, int? size, CasesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(status, rule, appeals == true, new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct)))
            .WithName("ListGovernanceCases")
            .WithSummary("The case queue (filter by status, rule code, pending appeals)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        cases.MapGet("/{id:guid}", async Task<Results<Ok<CaseView>, ProblemHttpResult>> (Guid id, CasesHandler handler, CancellationToken ct) =>
                ToResult(await handler.GetAsync(id, ct)))
            .WithName("GetGovernanceCase")
            .WithSummary("A case with its facts, response, decisions (with ledger evidence) and appeal (audited)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var deciders = cases.MapGroup("/").RequireAuthorization(p => p.RequireRole(GovernanceAccess.Deciders));
        deciders.MapPost("/", async Task<Results<Ok<CaseView>, ProblemHttpResult>> (OpenCaseRequest request, CasesHandler handler, CancellationToken ct) =>
                ToResult(await handler.OpenAsync(request, ct)))
            .WithName("OpenGovernanceCase")
            .WithSummary("Open a case under a rule by hand, with a statement of the facts; the notice goes to the talent")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        deciders.MapPost("/{id:guid}/decision", async Task<Results<Ok<CaseView>, ProblemHttpResult>> (Guid id, DecideRequest request, CasesHandler handler, CancellationToken ct) =>
                ToResult(await handler.DecideAsync(id, request, ct)))
            .WithName("DecideGovernanceCase")
            .WithSummary("Decide a case after the response period: apply the rule's effect or dismiss")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        deciders.MapPost("/{id:guid}/reinstatement", async Task<Results<Ok<CaseView>, ProblemHttpResult>> (Guid id, ReasonRequest request, CasesHandler handler, CancellationToken ct) =>
                ToResult(await handler.ReinstateAsync(id, request, ct)))
            .WithName("ReinstateGovernanceCase")
            .WithSummary("Lift a suspension (someone other than the original decider)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        deciders.MapPost("/{id:guid}/appeal/decision", async Task<Results<Ok<CaseView>, ProblemHttpResult>> (Guid id, AppealDecisionRequest request, CasesHandler handler, CancellationToken ct) =>
                ToResult(await handler.DecideAppealAsync(id, request, ct)))
            .WithName("DecideGovernanceAppeal")
            .WithSummary("Decide the talent's appeal (someone other than the original decider); upheld reinstates")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static Results<Ok<T>, ProblemHttpResult> ToResult<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
}

/// <summary>The talent's own cases: notices, the response, the appeal.</summary>
internal sealed class MyCasesHandler(GovernanceDbContext db, ICurrentUser user, ITalentDirectory talents, CaseWorkflow workflow, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<CaseView>>> ListAsync(CancellationToken ct)
    {
        if (await MeAsync(ct) is not { } talentId)
        {
            return GovernanceErrors.NoProfile;
        }

        var rows = await db.Cases.AsNoTracking().Where(c => c.TalentId == talentId).OrderByDescending(c => c.OpenedAt).Take(100).ToListAsync(ct);
        var views = new List<CaseView>();
        foreach (var c in rows)
        {
            var rule = await db.Rules.AsNoTracking().FirstAsync(r => r.Id == c.RuleId, ct);
            views.Add(await CasesHandler.ViewAsync(db, talents, clock, c, rule, false, ct) with { OpenedBy = null, DecidedBy = null });
        }

        return views;
    }

    public Task<Result<CaseView>> RespondAsync(Guid id, TextRequest request, CancellationToken ct) =>
        ActAsync(id, request, c => workflow.RespondAsync(c, request.Text!.Trim(), ct), ct);

    public Task<Result<CaseView>> AppealAsync(Guid id, TextRequest request, CancellationToken ct) =>
        ActAsync(id, request, async c =>
        {
            var filed = await workflow.AppealAsync(c, request.Text!.Trim(), ct);
            return filed.IsSuccess ? Result<CaseRow>.Success(c) : filed.Error;
        }, ct);

    private async Task<Result<CaseView>> ActAsync(Guid id, TextRequest request, Func<CaseRow, Task<Result<CaseRow>>> act, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        if (await MeAsync(ct) is not { } talentId)
        {
            return GovernanceErrors.NoProfile;
        }

        var @case = await db.Cases.FirstOrDefaultAsync(c => c.Id == id && c.TalentId == talentId, ct);
        if (@case is null)
        {
            return GovernanceErrors.CaseNotFound;
        }

        var result = await act(@case);
        if (!result.IsSuccess)
        {
            return result.Error;
        }

        var rule = await db.Rules.AsNoTracking().FirstAsync(r => r.Id == @case.RuleId, ct);
        return await CasesHandler.ViewAsync(db, talents, clock, @case, rule, false, ct) with { OpenedBy = null, DecidedBy = null };
    }

    private async Task<Guid?> MeAsync(CancellationToken ct) =>
        user.AccountId is { } account ? (await talents.FindByAccountAsync(account, ct))?.Id : null;

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/", async Task<Results<Ok<IReadOnlyList<CaseView>>, ProblemHttpResult>> (MyCasesHandler handler, CancellationToken ct) =>
                CasesHandler.ToResult(await handler.ListAsync(ct)))
            .WithName("ListMyGovernanceCases")
            .WithSummary("The talent's cases: notices, decisions, appeals")
            .ProducesProblem(StatusCodes.Status404NotFound);

        me.MapPost("/{id:guid}/response", async Task<Results<Ok<CaseView>, ProblemHttpResult>> (Guid id, TextRequest request, MyCasesHandler handler, CancellationToken ct) =>
                CasesHandler.ToResult(await handler.RespondAsync(id, request, ct)))
            .WithName("RespondToGovernanceCase")
            .WithSummary("The talent's statement (陈述申辩) while the case is open")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        me.MapPost("/{id:guid}/appeal", async Task<Results<Ok<CaseView>, ProblemHttpResult>> (Guid id, TextRequest request, MyCasesHandler handler, CancellationToken ct) =>
                CasesHandler.ToResult(await handler.AppealAsync(id, request, ct)))
            .WithName("AppealGovernanceDecision")
            .WithSummary("Appeal a decision before the appeal deadline")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
