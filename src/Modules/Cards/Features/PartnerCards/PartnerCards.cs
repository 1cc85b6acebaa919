using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Cards.Contracts;
using TalentPass.Modules.Cards.Domain;
using TalentPass.Modules.Cards.Features.PartnerApplications;
using TalentPass.Modules.Cards.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Cards.Features.PartnerCards;

internal sealed record CardReasonRequest(string? Reason);

/// <summary>A card as its partner sees it (never a card number: the last four digits and the token's last four characters).</summary>
internal sealed record PartnerCardView(
    Guid Id,
    Guid ApplicationId,
    string CustomerRef,
    string Last4,
    string TokenHint,
    string Status,
    bool PartnerSuspended,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset StatusChangedAt,
    string? StatusReason,
    Guid? ReplacesCardId)
{
    public static PartnerCardView From(Card c) =>
        new(c.Id, c.ApplicationId, c.CustomerRef, c.Last4, c.TokenHint, c.Status, c.PartnerSuspended, c.IssuedAt, c.ActivatedAt, c.StatusChangedAt, c.StatusReason, c.ReplacesCardId);
}

/// <summary>Token rules and the card row a report creates (shared by issue and replacement).</summary>
internal static class CardTokenCheck
{
    public static Error? Validate(string? token, string? last4)
    {
        switch (CardTokenRules.Check(token))
        {
            case CardTokenRules.Verdict.LooksLikeCardNumber:
                return CardsErrors.FullCardNumberRefused;
            case CardTokenRules.Verdict.Invalid:
                return CardsErrors.TokenInvalid;
        }

        if (last4 is not null && CardTokenRules.LooksLikeCardNumber(last4))
        {
            return CardsErrors.FullCardNumberRefused;
        }

        return CardTokenRules.IsLast4(last4) ? null : CardsErrors.Last4Invalid;
    }

    /// <summary>The keyed hash a token is stored and looked up by, scoped to the partner.</summary>
    public static string Hash(IFieldProtector protector, Guid partnerId, string token) =>
        protector.BlindIndex($"card:{partnerId:N}:{token}");

    public static Card NewCard(IFieldProtector protector, CardApplication application, string token, string last4, DateTimeOffset now, Guid? replaces) => new()
    {
        Id = Guid.CreateVersion7(now),
        ApplicationId = application.Id,
        TalentId = application.TalentId,
        PartnerId = application.PartnerId,
        CustomerRef = application.CustomerRef,
        TokenHash = Hash(protector, application.PartnerId, token),
        TokenHint = token[^4..],
        Last4 = last4,
        Status = CardStatuses.Issued,
        IssuedAt = now,
        StatusChangedAt = now,
        ReplacesCardId = replaces,
        Version = 1,
    };

    /// <summary>Saves; a concurrent edit or a token taken meanwhile becomes its error (nothing saved).</summary>
    public static async Task<Error?> SaveAsync(CardsDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return CardsErrors.VersionConflict;
        }
        catch (DbUpdateException)
        {
            return CardsErrors.TokenInUse;
        }
    }
}

/// <summary>The partner's cards: list and search, activation, loss, replacement (new token, old card replaced) and cancellation.</summary>
internal sealed class PartnerCardsHandler(CardsDbContext db, PartnerScope scope, IFieldProtector protector, TimeProvider clock)
{
    public async Task<Result<Page<PartnerCardView>>> ListAsync(string? status, string? q, int page, int size, CancellationToken ct)
    {
        var partner = scope.PartnerId();
        if (!partner.IsSuccess)
        {
            return partner.Error;
        }

        var partnerId = partner.Value;
        var query = db.Cards.AsNoTracking().Where(c => c.PartnerId == partnerId);
        if (!string.IsNullOrWhiteSpace(status))
        {
            var s = status.Trim().ToLowerInvariant();
            if (!Card.AllStatuses.Contains(s, StringComparer.Ordinal))
            {
                return CardsErrors.StatusUnknown;
            }

            query = query.Where(c => c.Status == s);
        }

        var term = q?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            if (CardTokenRules.IsLast4(term))
            {
                query = query.Where(c => c.Last4 == term);
            }
            else if (term.StartsWith("tpc_", StringComparison.Ordinal))
            {
                query = query.Where(c => c.CustomerRef == term);
            }
            else
            {
                var hash = CardTokenCheck.Hash(protector, partnerId, term);
                query = query.Where(c => c.TokenHash == hash);
            }
        }

        var paging = new PageRequest(page, size);
        var rows = await query.OrderByDescending(c => c.IssuedAt).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.SafeSize).ToListAsync(ct);
        var counted = await query.Select(c => c.Id).Take((int)Page<PartnerCardView>.TotalCap + 1).CountAsync(ct);
        var capped = counted > Page<PartnerCardView>.TotalCap;
        return new Page<PartnerCardView>(rows.Select(PartnerCardView.From).ToList(), paging.SafePage, paging.SafeSize, capped ? Page<PartnerCardView>.TotalCap : counted, capped);
    }

    public async Task<Result<PartnerCardView>> GetAsync(Guid id, CancellationToken ct)
    {
        var partner = scope.PartnerId();
        if (!partner.IsSuccess)
        {
            return partner.Error;
        }

        var card = await db.Cards.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.PartnerId == partner.Value, ct);
        return card is null ? CardsErrors.CardNotFound : PartnerCardView.From(card);
    }

    public Task<Result<PartnerCardView>> ActivateAsync(Guid id, CancellationToken ct) =>
        TransitionAsync(id, [CardStatuses.Issued], CardStatuses.Active, null, "activated", ct);

    public Task<Result<PartnerCardView>> ReportLossAsync(Guid id, CardReasonRequest request, CancellationToken ct) =>
        request.Reason is { Length: > 500 }
            ? Task.FromResult<Result<PartnerCardView>>(CardsErrors.ReasonRequired)
            : TransitionAsync(id, [CardStatuses.Issued, CardStatuses.Active], CardStatuses.Lost, request.Reason?.Trim() is { Length: > 0 } r ? r : "lost", "reported lost", ct);

    public Task<Result<PartnerCardView>> CancelAsync(Guid id, CardReasonRequest request, CancellationToken ct) =>
        request.Reason?.Trim() is not { Length: > 0 and <= 500 } reason
            ? Task.FromResult<Result<PartnerCardView>>(CardsErrors.ReasonRequired)
            : TransitionAsync(id, Card.LiveStatuses, CardStatuses.Cancelled, reason, "cancelled", ct);

    /// <summary>A new card (new token) replaces a live card of the same application; the old one becomes <c>replaced</c>.</summary>
    public async Task<Result<PartnerCardView>> ReplaceAsync(Guid id, ReportCardRequest request, CancellationToken ct)
    {
        var partner = scope.PartnerId();
        if (!partner.IsSuccess)
        {
            return partner.Error;
        }

        var invalid = CardTokenCheck.Validate(request.CardToken, request.Last4);
        if (invalid is not null)
        {
            return invalid;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var old = await db.Cards.FirstOrDefaultAsync(c => c.Id == id && c.PartnerId == partner.Value, ct);
        if (old is null)
        {
            return CardsErrors.CardNotFound;
        }

        if (!old.IsLive)
        {
            return CardsErrors.TransitionInvalid(old.Status, "replaced");
        }

        var application = await db.Applications.FirstAsync(a => a.Id == old.ApplicationId, ct);
        var now = clock.GetUtcNow();
        var card = CardTokenCheck.NewCard(protector, application, request.CardToken!, request.Last4!, now, replaces: old.Id);
        if (await db.Cards.AnyAsync(c => c.PartnerId == card.PartnerId && c.TokenHash == card.TokenHash, ct))
        {
            return CardsErrors.TokenInUse;
        }

        old.ChangeStatus(CardStatuses.Replaced, "replaced", now);
        var saved = await CardTokenCheck.SaveAsync(db, ct);
        if (saved is null)
        {
            db.Cards.Add(card);
            saved = await CardTokenCheck.SaveAsync(db, ct);
        }

        if (saved is not null)
        {
            return saved;
        }

        await tx.CommitAsync(ct);
        return PartnerCardView.From(card);
    }

    private async Task<Result<PartnerCardView>> TransitionAsync(Guid id, IReadOnlyList<string> from, string to, string? reason, string action, CancellationToken ct)
    {
        var partner = scope.PartnerId();
        if (!partner.IsSuccess)
        {
            return partner.Error;
        }

        var card = await db.Cards.FirstOrDefaultAsync(c => c.Id == id && c.PartnerId == partner.Value, ct);
        if (card is null)
        {
            return CardsErrors.CardNotFound;
        }

        if (!from.Contains(card.Status, StringComparer.Ordinal))
        {
            return CardsErrors.TransitionInvalid(card.Status, action);
        }

        var now = clock.GetUtcNow();
        card.ChangeStatus(to, reason, now);
        if (to == CardStatuses.Active)
        {
            card.ActivatedAt = now;
        }

        if (to == CardStatuses.Cancelled)
        {
            var application = await db.Applications.FirstAsync(a => a.Id == card.ApplicationId, ct);
            if (application.Status == ApplicationStatuses.Issued)
            {
                application.Status = ApplicationStatuses.Closed;
                application.UpdatedAt = now;
                application.Version++;
            }
        }

        return await CardTokenCheck.SaveAsync(db, ct) is { } error ? error : PartnerCardView.From(card);
    }

    public static void Map(RouteGroupBuilder cards)
    {
        cards.MapGet("/", async Task<Results<Ok<Page<PartnerCardView>>, ProblemHttpResult>> (string? status, string? q, int? page, int? size, PartnerCardsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ListAsync(status, q, page ?? 1, size ?? PageRequest.DefaultSize, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("ListCards")
            .WithSummary("The calling partner's cards, newest first; q = last four digits, customer reference (tpc_…) or card token")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        cards.MapGet("/{id:guid}", async Task<Results<Ok<PartnerCardView>, ProblemHttpResult>> (Guid id, PartnerCardsHandler handler, CancellationToken ct) =>
                Respond(await handler.GetAsync(id, ct)))
            .WithName("GetCard")
            .WithSummary("One of the calling partner's cards")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        cards.MapPost("/{id:guid}/activate", async Task<Results<Ok<PartnerCardView>, ProblemHttpResult>> (Guid id, PartnerCardsHandler handler, CancellationToken ct) =>
                Respond(await handler.ActivateAsync(id, ct)))
            .WithName("ActivateCard")
            .WithSummary("Report an issued card activated")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        cards.MapPost("/{id:guid}/loss", async Task<Results<Ok<PartnerCardView>, ProblemHttpResult>> (Guid id, CardReasonRequest request, PartnerCardsHandler handler, CancellationToken ct) =>
                Respond(await handler.ReportLossAsync(id, request, ct)))
            .WithName("ReportCardLost")
            .WithSummary("Report a card lost (it verifies as refused until replaced)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        cards.MapPost("/{id:guid}/replace", async Task<Results<Ok<PartnerCardView>, ProblemHttpResult>> (Guid id, ReportCardRequest request, PartnerCardsHandler handler, CancellationToken ct) =>
                Respond(await handler.ReplaceAsync(id, request, ct)))
            .WithName("ReplaceCard")
            .WithSummary("Report a replacement card (new token and last four digits); the old card becomes replaced")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        cards.MapPost("/{id:guid}/cancel", async Task<Results<Ok<PartnerCardView>, ProblemHttpResult>> (Guid id, CardReasonRequest request, PartnerCardsHandler handler, CancellationToken ct) =>
                Respond(await handler.CancelAsync(id, request, ct)))
            .WithName("CancelCard")
            .WithSummary("Cancel a card with a reason (final)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Results<Ok<PartnerCardView>, ProblemHttpResult> Respond(Result<PartnerCardView> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
}
