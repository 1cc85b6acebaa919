using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Cards.Contracts;
using TalentPass.Modules.Cards.Domain;
using TalentPass.Modules.Cards.Features.Events;
using TalentPass.Modules.Cards.Persistence;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Cards.Features.TalentCards;

internal sealed record ApplyForCardRequest(Guid? PartnerId, string? ConsentVersion, bool? Consent);

internal sealed record ConsentField(string Name, string Label);

/// <summary>The terms a talent consents to: the version to quote back, the fields shared and their purpose.</summary>
internal sealed record ConsentTermsView(string Version, IReadOnlyList<ConsentField> Fields, string Purpose);

internal sealed record PartnerOption(Guid Id, string Code, string Name, bool HasOpenApplication);

internal sealed record CardOffer(IReadOnlyList<PartnerOption> Partners, ConsentTermsView Terms);

internal sealed record MyApplication(
    Guid Id,
    Guid PartnerId,
    string PartnerName,
    string Status,
    string ConsentVersion,
    IReadOnlyList<string> ConsentFields,
    DateTimeOffset ConsentedAt,
    DateTimeOffset? ConsentWithdrawnAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt,
    string? DecisionReason);

internal sealed record MyCard(Guid Id, Guid ApplicationId, Guid PartnerId, string PartnerName, string Last4, string Status, DateTimeOffset IssuedAt, DateTimeOffset? ActivatedAt, string? StatusReason);

internal sealed record MyCardsView(IReadOnlyList<MyCard> Cards, IReadOnlyList<MyApplication> Applications);

/// <summary>
/// The talent's side: the partners to choose from with the consent terms, applying with consent, the own
/// applications and cards, and withdrawing consent (pending applications are withdrawn, an issued card is
/// cancelled and its partner told by webhook). Consent and withdrawal are written to the audit log.
/// </summary>
internal sealed class TalentCardsHandler(
    CardsDbContext db,
    ICurrentUser user,
    ITalentDirectory talents,
    ITalentPersonalData personalData,
    IPartnerDirectory partners,
    IFieldProtector protector,
    CardWebhooks webhooks,
    IAuditTrail audit,
    TimeProvider clock)
{
    public const string ConsentGranted = "cards.consent_granted";
    public const string ConsentWithdrawn = "cards.consent_withdrawn";

    public static ConsentTermsView Terms(bool english) => new(
        ConsentTerms.CurrentVersion,
        ConsentTerms.Fields.Select(f => new ConsentField(f, ConsentTerms.FieldLabel(f, english))).ToList(),
        ConsentTerms.Purpose(english));

    public async Task<Result<CardOffer>> OfferAsync(bool english, CancellationToken ct)
    {
        var talent = await CurrentTalentAsync(ct);
        if (talent is null)
        {
            return CardsErrors.NoProfile;
        }

        var open = await db.Applications.AsNoTracking()
            .Where(a => a.TalentId == talent.Id && ApplicationStatuses.Open.Contains(a.Status))
            .Select(a => a.PartnerId).ToListAsync(ct);
        var list = (await partners.ListAsync(PartnerKinds.Financial, ct))
            .Where(p => p.Status == PartnerStatuses.Active)
            .Select(p => new PartnerOption(p.OrganisationId, p.Code, p.Name, open.Contains(p.OrganisationId)))
            .ToList();
        return new CardOffer(list, Terms(english));
    }

    public async Task<Result<MyCardsView>> MineAsync(CancellationToken ct)
    {
        var talent = await CurrentTalentAsync(ct);
        if (talent is null)
        {
            return CardsErrors.NoProfile;
        }

        var applications = await db.Applications.AsNoTracking().Where(a => a.TalentId == talent.Id)
            .OrderByDescending(a => a.CreatedAt).Take(100).ToListAsync(ct);
        var cards = await db.Cards.AsNoTracking().Where(c => c.TalentId == talent.Id)
            .OrderByDescending(c => c.IssuedAt).Take(100).ToListAsync(ct);
        var names = new Dictionary<Guid, string>();
        foreach (var id in applications.Select(a => a.PartnerId).Concat(cards.Select(c => c.PartnerId)).Distinct())
        {
            names[id] = (await partners.GetAsync(id, ct))?.Name ?? "—";
        }

        return new MyCardsView(
            cards.Select(c => new MyCard(c.Id, c.ApplicationId, c.PartnerId, names[c.PartnerId], c.Last4, c.Status, c.IssuedAt, c.ActivatedAt, c.StatusReason)).ToList(),
            applications.Select(a => new MyApplication(a.Id, a.PartnerId, names[a.PartnerId], a.Status, a.ConsentVersion, a.Fields, a.ConsentedAt, a.ConsentWithdrawnAt, a.CreatedAt, a.DecidedAt, a.DecisionReason)).ToList());
    }

    public async Task<Result<MyApplication>> ApplyAsync(ApplyForCardRequest request, CancellationToken ct)
    {
        var talent = await CurrentTalentAsync(ct);
        if (talent is null)
        {
            return CardsErrors.NoProfile;
        }

        if (request.Consent != true)
        {
            return CardsErrors.ConsentRequired;
        }

        if (!string.Equals(request.ConsentVersion, ConsentTerms.CurrentVersion, StringComparison.Ordinal))
        {
            return CardsErrors.ConsentVersionOutdated;
        }

        var partner = request.PartnerId is { } pid ? await partners.GetAsync(pid, ct) : null;
        if (partner is not { Kind: PartnerKinds.Financial, Status: PartnerStatuses.Active })
        {
            return CardsErrors.PartnerUnknown;
        }

        if (talent.Status != "active")
        {
            return CardsErrors.TalentNotActive;
        }

        if (await db.Applications.AnyAsync(a => a.TalentId == talent.Id && a.PartnerId == partner.OrganisationId && ApplicationStatuses.Open.Contains(a.Status), ct))
        {
            return CardsErrors.ApplicationExists;
        }

        var identity = await personalData.GetIdentityAsync(talent.Id, $"cards.application:{partner.Code}", ct);
        if (identity is null)
        {
            return CardsErrors.NoProfile;
        }

        var now = clock.GetUtcNow();
        var shared = JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            [ConsentTerms.Name] = identity.Name,
            [ConsentTerms.IdNumber] = identity.IdNumber,
            [ConsentTerms.Phone] = identity.Phone,
            [ConsentTerms.Level] = talent.Level,
            [ConsentTerms.Category] = talent.Category,
        });

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.PartnerId == partner.OrganisationId && c.TalentId == talent.Id, ct);
        if (customer is null)
        {
            customer = new CardCustomer { PartnerId = partner.OrganisationId, TalentId = talent.Id, CustomerRef = CardCustomer.NewReference(), CreatedAt = now };
            db.Customers.Add(customer);
        }

        var application = new CardApplication
        {
            Id = Guid.CreateVersion7(now),
            TalentId = talent.Id,
            PartnerId = partner.OrganisationId,
            CustomerRef = customer.CustomerRef,
            Status = ApplicationStatuses.Pending,
            ConsentVersion = ConsentTerms.CurrentVersion,
            ConsentFields = string.Join(',', ConsentTerms.Fields),
            ConsentedAt = now,
            SharedDataCipher = protector.Protect(shared),
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        db.Applications.Add(application);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return CardsErrors.ApplicationExists; // the open-application unique index: a concurrent application won
        }

        await webhooks.EnqueueAsync(db, [CardWebhooks.ApplicationCreated(application)], ct);
        await tx.CommitAsync(ct);
        await audit.RecordAsync(new AuditRecord(ConsentGranted, "card_application", application.Id.ToString(), $"partner={partner.Code}; version={application.ConsentVersion}; fields={application.ConsentFields}"), ct);
        return View(application, partner.Name);
    }

    public async Task<Result<MyApplication>> WithdrawConsentAsync(Guid applicationId, CancellationToken ct)
    {
        var talent = await CurrentTalentAsync(ct);
        if (talent is null)
        {
            return CardsErrors.NoProfile;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId && a.TalentId == talent.Id, ct);
        if (application is null)
        {
            return CardsErrors.ApplicationNotFound;
        }

        if (!ApplicationStatuses.IsOpen(application.Status))
        {
            return CardsErrors.ApplicationClosed;
        }

        var now = clock.GetUtcNow();
        var events = new List<Webhooks.Contracts.WebhookEventDraft>();
        var liveCards = await db.Cards.Where(c => c.ApplicationId == application.Id && Card.LiveStatuses.Contains(c.Status)).ToListAsync(ct);
        foreach (var card in liveCards)
        {
            card.ChangeStatus(CardStatuses.Cancelled, "consent_withdrawn", now);
            events.Add(CardWebhooks.CardCancelled(card, "consent_withdrawn", now));
        }

        if (liveCards.Count == 0)
        {
            events.Add(CardWebhooks.ApplicationWithdrawn(application, now));
        }

        application.Status = ApplicationStatuses.Withdrawn;
        application.ConsentWithdrawnAt = now;
        application.SharedDataCipher = null;
        application.UpdatedAt = now;
        application.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CardsErrors.VersionConflict;
        }

        await webhooks.EnqueueAsync(db, events, ct);
        await tx.CommitAsync(ct);
        await audit.RecordAsync(new AuditRecord(ConsentWithdrawn, "card_application", application.Id.ToString(), $"cards_cancelled={liveCards.Count}"), ct);
        return View(application, (await partners.GetAsync(application.PartnerId, ct))?.Name ?? "—");
    }

    private static MyApplication View(CardApplication a, string partnerName) =>
        new(a.Id, a.PartnerId, partnerName, a.Status, a.ConsentVersion, a.Fields, a.ConsentedAt, a.ConsentWithdrawnAt, a.CreatedAt, a.DecidedAt, a.DecisionReason);

    private async Task<TalentSummary?> CurrentTalentAsync(CancellationToken ct) =>
        user.AccountId is { } account ? await talents.FindByAccountAsync(account, ct) : null;

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/", async Task<Results<Ok<MyCardsView>, ProblemHttpResult>> (TalentCardsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.MineAsync(ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("ListMyCards")
            .WithSummary("The signed-in talent's cards and card applications")
            .ProducesProblem(StatusCodes.Status404NotFound);

        me.MapGet("/offer", async Task<Results<Ok<CardOffer>, ProblemHttpResult>> (TalentCardsHandler handler, HttpContext http, CancellationToken ct) =>
            {
                var english = http.Request.Headers.AcceptLanguage.ToString().StartsWith("en", StringComparison.OrdinalIgnoreCase);
                var result = await handler.OfferAsync(english, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("GetCardOffer")
            .WithSummary("Active financial partners to apply to, and the consent terms (version, shared fields, purpose)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        me.MapPost("/applications", async Task<Results<Created<MyApplication>, ProblemHttpResult>> (ApplyForCardRequest request, TalentCardsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ApplyAsync(request, ct);
                return result.IsSuccess ? TypedResults.Created($"/api/v1/me/cards/applications/{result.Value.Id}", result.Value) : result.Error.ToProblem();
            })
            .WithName("ApplyForCard")
            .WithSummary("Apply for a partner's talent card, consenting to share the listed fields with it")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        me.MapPost("/applications/{id:guid}/withdraw", async Task<Results<Ok<MyApplication>, ProblemHttpResult>> (Guid id, TalentCardsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.WithdrawConsentAsync(id, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("WithdrawCardConsent")
            .WithSummary("Withdraw consent: the application is withdrawn and an issued card cancelled (the partner is told by webhook)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
