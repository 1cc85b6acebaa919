using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Governance.Domain;
using TalentPass.Modules.Governance.Persistence;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Governance.Features.Signals;

internal sealed record SignalView(
    Guid Id,
    Guid TalentId,
    string? MaskedName,
    string Kind,
    string Status,
    string? FirstOrganisation,
    string? SecondOrganisation,
    DateTimeOffset FirstAt,
    DateTimeOffset SecondAt,
    DateTimeOffset DetectedAt,
    DateTimeOffset? ReviewedAt,
    string? ReviewNote);

internal sealed record ReviewSignalRequest
{
    /// <summary>True: confirmed misuse (a rule may then act on it); false: dismissed.</summary>
    [Required(ErrorMessage = "必填 / Required.")]
    public bool? Confirm { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(1000, MinimumLength = 2, ErrorMessage = "2–1000个字符 / 2–1000 characters.")]
    public string? Note { get; init; }
}

/// <summary>Misuse signals for review (talent office and big-data bureau; auditors read).</summary>
internal sealed class SignalsHandler(GovernanceDbContext db, ICurrentUser user, ITalentDirectory talents, IOrganisationDirectory organisations, TimeProvider clock)
{
    public static readonly string[] Readers = [Roles.TalentOffice, Roles.BigDataBureau, Roles.Auditor];

    public async Task<Page<SignalView>> ListAsync(string? status, Guid? talentId, PageRequest page, CancellationToken ct)
    {
        var query = db.Signals.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            query = query.Where(s => s.Status == status);
        }

        if (talentId is { } id)
        {
            query = query.Where(s => s.TalentId == id);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(s => s.DetectedAt).ThenByDescending(s => s.Id).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        var items = new List<SignalView>();
        foreach (var s in rows)
        {
            items.Add(await ViewAsync(s, ct));
        }

        return new Page<SignalView>(items, page.SafePage, page.SafeSize, total);
    }

    public async Task<Result<SignalView>> ReviewAsync(Guid id, ReviewSignalRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var signal = await db.Signals.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (signal is null)
        {
            return GovernanceErrors.SignalNotFound;
        }

        if (signal.Status != SignalStatuses.Open)
        {
            return GovernanceErrors.SignalReviewed;
        }

        signal.Status = request.Confirm == true ? SignalStatuses.Confirmed : SignalStatuses.Dismissed;
        signal.ReviewedAt = clock.GetUtcNow();
        signal.ReviewedBy = user.AccountId;
        signal.ReviewNote = request.Note!.Trim();
        await db.SaveChangesAsync(ct);
        return await ViewAsync(signal, ct);
    }

    private async Task<SignalView> ViewAsync(SignalRow s, CancellationToken ct) => new(
        s.Id, s.TalentId, (await talents.GetAsync(s.TalentId, ct))?.MaskedName, s.Kind, s.Status,
        s.FirstOrganisationId is { } a ? (await organisations.GetAsync(a, ct))?.Name : null,
        s.SecondOrganisationId is { } b ? (await organisations.GetAsync(b, ct))?.Name : null,
        s.FirstAt, s.SecondAt, s.DetectedAt, s.ReviewedAt, s.ReviewNote);

    public static void Map(RouteGroupBuilder governance)
    {
        var signals = governance.MapGroup("/signals").RequireAuthorization(p => p.RequireRole(Readers));
        signals.MapGet("/", async (string? status, Guid? talentId, int? page, int? size, SignalsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(status, talentId, new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct)))
            .WithName("ListMisuseSignals")
            .WithSummary("Misuse signals from the scan log, newest first (filter by status, talent)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        signals.MapPost("/{id:guid}/review", async Task<Results<Ok<SignalView>, ProblemHttpResult>> (Guid id, ReviewSignalRequest request, SignalsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ReviewAsync(id, request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.TalentOffice, Roles.BigDataBureau))
            .WithName("ReviewMisuseSignal")
            .WithSummary("Confirm or dismiss a signal (a confirmed signal may be a rule's condition; it never suspends by itself)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
