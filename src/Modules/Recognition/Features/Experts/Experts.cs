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
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Recognition.Features.Experts;

internal sealed record AddExpertRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(64, ErrorMessage = "最多64个字符 / At most 64 characters.")]
    public string? Username { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(100, ErrorMessage = "最多100个字符 / At most 100 characters.")]
    public string? DisplayName { get; init; }

    /// <summary>The organisation the expert works for, if registered (an expert from the applicant's employer may not score).</summary>
    public Guid? AffiliationOrganisationId { get; init; }

    [StringLength(100, ErrorMessage = "最多100个字符 / At most 100 characters.")]
    public string? AffiliationName { get; init; }

    [StringLength(100, ErrorMessage = "最多100个字符 / At most 100 characters.")]
    public string? Field { get; init; }
}

internal sealed record ExpertView(Guid AccountId, string DisplayName, Guid? AffiliationOrganisationId, string? AffiliationName, string? Field, bool IsActive, DateTimeOffset AddedAt);

/// <summary>
/// The expert pool: existing accounts (no new role — any staff or enterprise account, e.g. a department's or an
/// enterprise's) registered by the talent office with their affiliation. Being in the pool is what lets an account
/// see and score the panels it sits on.
/// </summary>
internal sealed class ExpertsHandler(RecognitionDbContext db, RecognitionAccess access, IAccountDirectory accounts, TimeProvider clock)
{
    public async Task<Result<ExpertView>> AddAsync(AddExpertRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var accountId = await accounts.FindAccountIdAsync(request.Username!.Trim().ToLowerInvariant(), ct);
        if (accountId is null)
        {
            return RecognitionErrors.ExpertAccountUnknown;
        }

        var expert = await db.Experts.FirstOrDefaultAsync(e => e.AccountId == accountId, ct);
        if (expert is null)
        {
            expert = new Expert { AccountId = accountId.Value, AddedAt = clock.GetUtcNow(), AddedBy = access.User.AccountId };
            db.Experts.Add(expert);
        }

        expert.DisplayName = request.DisplayName!.Trim();
        expert.AffiliationOrganisationId = request.AffiliationOrganisationId;
        expert.AffiliationName = request.AffiliationName?.Trim();
        expert.Field = request.Field?.Trim();
        expert.IsActive = true;
        await db.SaveChangesAsync(ct);
        return View(expert);
    }

    public async Task<Result<ExpertView>> DeactivateAsync(Guid accountId, CancellationToken ct)
    {
        var expert = await db.Experts.FirstOrDefaultAsync(e => e.AccountId == accountId, ct);
        if (expert is null)
        {
            return RecognitionErrors.ExpertUnknown(accountId);
        }

        expert.IsActive = false;
        await db.SaveChangesAsync(ct);
        return View(expert);
    }

    public async Task<Page<ExpertView>> ListAsync(string? q, PageRequest page, CancellationToken ct)
    {
        var query = db.Experts.AsNoTracking().Where(e => e.IsActive);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(e => e.DisplayName.Contains(term) || (e.Field != null && e.Field.Contains(term)) || (e.AffiliationName != null && e.AffiliationName.Contains(term)));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(e => e.DisplayName).ThenBy(e => e.AccountId).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        return new Page<ExpertView>(items.Select(View).ToList(), page.SafePage, page.SafeSize, total);
    }

    public Task<bool> IsExpertAsync(CancellationToken ct) => db.Experts.AnyAsync(e => e.AccountId == access.AccountId && e.IsActive, ct);

    private static ExpertView View(Expert e) => new(e.AccountId, e.DisplayName, e.AffiliationOrganisationId, e.AffiliationName, e.Field, e.IsActive, e.AddedAt);

    public static void Map(RouteGroupBuilder office)
    {
        office.MapGet("/experts", async (string? q, int? page, int? size, ExpertsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(q, new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct)))
            .WithName("ListRecognitionExperts")
            .WithSummary("The expert pool (talent office)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        office.MapPost("/experts", async Task<Results<Ok<ExpertView>, ProblemHttpResult>> (AddExpertRequest request, ExpertsHandler handler, CancellationToken ct) =>
                RecognitionHttp.Reply(await handler.AddAsync(request, ct)))
            .WithName("AddRecognitionExpert")
            .WithSummary("Add an existing account to the expert pool, or update it (talent office)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        office.MapPost("/experts/{accountId:guid}/deactivation", async Task<Results<Ok<ExpertView>, ProblemHttpResult>> (Guid accountId, ExpertsHandler handler, CancellationToken ct) =>
                RecognitionHttp.Reply(await handler.DeactivateAsync(accountId, ct)))
            .WithName("DeactivateRecognitionExpert")
            .WithSummary("Remove an expert from the pool for new panels (talent office)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
