using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Cards.Domain;
using TalentPass.Modules.Cards.Features.PartnerCards;
using TalentPass.Modules.Cards.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Cards.Features.PartnerApplications;

internal sealed record RefuseApplicationRequest(string? Reason);

internal sealed record ReportCardRequest(string? CardToken, string? Last4);

/// <summary>An application as its partner sees it: the consented fields in clear (only while consent stands).</summary>
internal sealed record PartnerApplicationView(
    Guid Id,
    string CustomerRef,
    string Status,
    string ConsentVersion,
    IReadOnlyList<string> ConsentFields,
    DateTimeOffset ConsentedAt,
    IReadOnlyDictionary<string, string?>? SharedData,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt,
    string? DecisionReason);

/// <summary>
/// The partner's application queue: list (paginated, own applications only, consented fields decrypted and the
/// read audited), approve, refuse with a reason, and report the card issued (token and last four digits only).
/// </summary>
internal sealed class PartnerApplicationsHandler(CardsDbContext db, PartnerScope scope, IFieldProtector protector, IAuditTrail audit, TimeProvider clock)
{
    public const string SharedDataRead = "cards.shared_data_read";

    public async Task<Result<Page<PartnerApplicationView>>> ListAsync(string? status, int page, int size, CancellationToken ct)
    {
        var partner = scope.PartnerId();
        if (!partner.IsSuccess)
        {
            return partner.Error;
        }

        var normalised = string.IsNullOrWhiteSpace(status) ? ApplicationStatuses.Pending : ApplicationStatuses.Normalise(status);
        if (normalised is null)
        {
            return CardsErrors.StatusUnknown;
        }

        var paging = new PageRequest(page, size);
        var partnerId = partner.Value;
        var query = db.Applications.AsNoTracking().Where(a => a.PartnerId == partnerId && a.Status == normalised);
        var rows = await query.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Skip(paging.Skip).Take(paging.SafeSize).ToListAsync(ct);
        var counted = await query.Select(a => a.Id).Take((int)Page<PartnerApplicationView>.TotalCap + 1).CountAsync(ct);
        var capped = counted > Page<PartnerApplicationView>.TotalCap;
        await AuditReadAsync(rows, ct);
        return new Page<PartnerApplicationView>(rows.Select(View).ToList(), paging.SafePage, paging.SafeSize, capped ? Page<PartnerApplicationView>.TotalCap : counted, capped);
    }

    public async Task<Result<PartnerApplicationView>> GetAsync(Guid id, CancellationToken ct)
    {
        var partner = scope.PartnerId();
        if (!partner.IsSuccess)
        {
            return partner.Error;
        }

        var row = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.PartnerId == partner.Value, ct);
        if (row is null)
        {
            return CardsErrors.ApplicationNotFound;
        }

        await AuditReadAsync([row], ct);
        return View(row);
    }

    public Task<Result<PartnerApplicationView>> ApproveAsync(Guid id, CancellationToken ct) =>
        DecideAsync(id, ApplicationStatuses.Approved, null, ct);

    public Task<Result<PartnerApplicationView>> RefuseAsync(Guid id, RefuseApplicationRequest request, CancellationToken ct)
    {
        var reason = request.Reason?.Trim();
        return string.IsNullOrEmpty(reason) || reason.Length > 500
            ? Task.FromResult<Result<PartnerApplicationView>>(CardsErrors.ReasonRequired)
            : DecideAsync(id, ApplicationStatuses.Refused, reason, ct);
    }

    /// <summary>The partner reports the card it issued for an approved application of its own.</summary>
    public async Task<Result<PartnerCardView>> ReportIssuedAsync(Guid id, ReportCardRequest request, CancellationToken ct)
    {
        var partner = scope.PartnerId();
        if (!partner.IsSuccess)
        {
            return partner.Error;
        }

        var checkedToken = CardTokenCheck.Validate(request.CardToken, request.Last4);
        if (checkedToken is not null)
        {
            return checkedToken;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id && a.PartnerId == partner.Value, ct);
        if (application is null)
        {
            return CardsErrors.ApplicationNotFound;
        }

        if (application.Status != ApplicationStatuses.Approved)
        {
            return CardsErrors.ApplicationNotApproved;
        }

        var now = clock.GetUtcNow();
        var card = CardTokenCheck.NewCard(protector, application, request.CardToken!, request.Last4!, now, replaces: null);
        if (await db.Cards.AnyAsync(c => c.PartnerId == card.PartnerId && c.TokenHash == card.TokenHash, ct))
        {
            return CardsErrors.TokenInUse;
        }

        db.Cards.Add(card);
        application.Status = ApplicationStatuses.Issued;
        application.UpdatedAt = now;
        application.Version++;
        var saved = await CardTokenCheck.SaveAsync(db, ct);
        if (saved is not null)
        {
            return saved;
        }

        await tx.CommitAsync(ct);
        return PartnerCardView.From(card);
    }

    private async Task<Result<PartnerApplicationView>> DecideAsync(Guid id, string status, string? reason, CancellationToken ct)
    {
        var partner = scope.PartnerId();
        if (!partner.IsSuccess)
        {
            return partner.Error;
        }

        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id && a.PartnerId == partner.Value, ct);
        if (application is null)
        {
            return CardsErrors.ApplicationNotFound;
        }

        if (application.Status != ApplicationStatuses.Pending)
        {
            return CardsErrors.ApplicationNotPending;
        }

        var now = clock.GetUtcNow();
        application.Status = status;
        application.DecidedAt = now;
        application.DecidedBy = scope.AccountId;
        application.DecisionReason = reason;
        application.UpdatedAt = now;
        application.Version++;
        if (status == ApplicationStatuses.Refused)
        {
            application.SharedDataCipher = null; // no card will be issued: the shared data is no longer needed
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CardsErrors.VersionConflict;
        }

        return View(application);
    }

    private async Task AuditReadAsync(IReadOnlyList<CardApplication> rows, CancellationToken ct)
    {
        var read = rows.Where(r => r.SharedDataCipher is not null).Select(r => r.Id.ToString()).ToList();
        if (read.Count > 0)
        {
            await audit.RecordAsync(new AuditRecord(SharedDataRead, "card_application", read.Count == 1 ? read[0] : null, "applications=" + string.Join(',', read)), ct);
        }
    }

    private PartnerApplicationView View(CardApplication a)
    {
        IReadOnlyDictionary<string, string?>? shared = null;
        if (a.SharedDataCipher is not null)
        {
            var all = JsonSerializer.Deserialize<Dictionary<string, string?>>(protector.Unprotect(a.SharedDataCipher)) ?? [];
            shared = a.Fields.ToDictionary(f => f, f => all.GetValueOrDefault(f));
        }

        return new PartnerApplicationView(a.Id, a.CustomerRef, a.Status, a.ConsentVersion, a.Fields, a.ConsentedAt, shared, a.CreatedAt, a.DecidedAt, a.DecisionReason);
    }

    public static void Map(RouteGroupBuilder cards)
    {
        cards.MapGet("/applications", async Task<Results<Ok<Page<PartnerApplicationView>>, ProblemHttpResult>> (string? status, int? page, int? size, PartnerApplicationsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ListAsync(status, page ?? 1, size ?? PageRequest.DefaultSize, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("ListCardApplications")
            .WithSummary("The calling partner's card applications (default: pending), oldest first, with the consented fields; the read is audited")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        cards.MapGet("/applications/{id:guid}", async Task<Results<Ok<PartnerApplicationView>, ProblemHttpResult>> (Guid id, PartnerApplicationsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.GetAsync(id, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("GetCardApplication")
            .WithSummary("One of the calling partner's card applications; the read is audited")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        cards.MapPost("/applications/{id:guid}/approve", async Task<Results<Ok<PartnerApplicationView>, ProblemHttpResult>> (Guid id, PartnerApplicationsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ApproveAsync(id, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("ApproveCardApplication")
            .WithSummary("Approve a pending application")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        cards.MapPost("/applications/{id:guid}/refuse", async Task<Results<Ok<PartnerApplicationView>, ProblemHttpResult>> (Guid id, RefuseApplicationRequest request, PartnerApplicationsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.RefuseAsync(id, request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("RefuseCardApplication")
            .WithSummary("Refuse a pending application with a reason (the shared data is erased)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        cards.MapPost("/applications/{id:guid}/card", async Task<Results<Created<PartnerCardView>, ProblemHttpResult>> (Guid id, ReportCardRequest request, PartnerApplicationsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ReportIssuedAsync(id, request, ct);
                return result.IsSuccess ? TypedResults.Created($"/api/v1/cards/{result.Value.Id}", result.Value) : result.Error.ToProblem();
            })
            .WithName("ReportCardIssued")
            .WithSummary("Report the card issued for an approved application: card token and last four digits only (a full card number is refused)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
