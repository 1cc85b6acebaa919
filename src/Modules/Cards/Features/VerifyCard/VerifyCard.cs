using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TalentPass.Infrastructure.Http;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Cards.Contracts;
using TalentPass.Modules.Cards.Features.PartnerCards;
using TalentPass.Modules.Cards.Persistence;
using TalentPass.Modules.Codes.Contracts;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Cards.Features.VerifyCard;

internal sealed record VerifyCardRequest(string? CardToken);

/// <summary>
/// The answer for every token, shaped like the talent-code verification answer: <c>valid</c>, <c>suspended</c>,
/// <c>terminated</c>, <c>unknown</c> — plus <c>refused</c> for a card that exists but may not be used (lost,
/// replaced, cancelled, partner suspended), with <see cref="ReasonCode"/> saying why. Talent facts are given only
/// for valid, suspended and terminated.
/// </summary>
internal sealed record VerifyCardResponse(
    string Outcome,
    string ReasonCode,
    string Reason,
    string? Level,
    string? Category,
    string? MaskedName,
    IReadOnlyList<string>? Rights,
    string? CardStatus,
    string? Last4,
    Guid VerificationId,
    DateTimeOffset VerifiedAt);

/// <summary>
/// Card verification for a partner's terminal, scoped to the calling partner's cards: one indexed read of the card by
/// (partner, keyed token hash), one read of the talent's current level and status. The verification is queued to the
/// verification log (token only as its hash) and logged without the token.
/// </summary>
internal sealed partial class VerifyCardHandler(
    CardsDbContext db,
    ICurrentUser user,
    ITalentDirectory talents,
    ILevelRights rights,
    IFieldProtector protector,
    VerificationLog log,
    TimeProvider clock,
    ILogger<VerifyCardHandler> logger)
{
    public async Task<Result<VerifyCardResponse>> VerifyAsync(string? token, CancellationToken ct)
    {
        if (user.OrganisationId is not { } partnerId || !user.IsInRole(Roles.PartnerStaff))
        {
            return CardsErrors.NoOrganisation;
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            return CardsErrors.TokenMissing;
        }

        if (token.Length > 256)
        {
            return CardsErrors.TokenInvalid;
        }

        var hash = CardTokenCheck.Hash(protector, partnerId, token.Trim());
        var card = await db.Cards.AsNoTracking()
            .Where(c => c.PartnerId == partnerId && c.TokenHash == hash)
            .Select(c => new { c.Id, c.TalentId, c.Status, c.Last4, c.PartnerSuspended })
            .FirstOrDefaultAsync(ct);
        var talent = card is null ? null : await talents.GetAsync(card.TalentId, ct);

        var (outcome, reasonCode) = card switch
        {
            null => ("unknown", "card_unknown"),
            { PartnerSuspended: true } => ("refused", "partner_suspended"),
            { Status: CardStatuses.Lost } => ("refused", "card_lost"),
            { Status: CardStatuses.Replaced } => ("refused", "card_replaced"),
            { Status: CardStatuses.Cancelled } => ("refused", "card_cancelled"),
            _ when talent is null => ("unknown", "talent_unknown"),
            _ when talent.Status == "suspended" => ("suspended", "talent_suspended"),
            _ when talent.Status == "terminated" => ("terminated", "talent_terminated"),
            _ => ("valid", "valid"),
        };

        var now = clock.GetUtcNow();
        var row = new VerificationRow
        {
            Id = Guid.CreateVersion7(now),
            VerifiedAt = now,
            PartnerId = partnerId,
            AccountId = user.AccountId,
            Outcome = outcome,
            ReasonCode = reasonCode,
            CardId = card?.Id,
            TokenHash = hash,
        };
        log.Enqueue(row);
        LogVerified(logger, partnerId, outcome, reasonCode, card?.Id);

        var facts = outcome is "valid" or "suspended" or "terminated" ? talent : null;
        return new VerifyCardResponse(
            outcome,
            reasonCode,
            Reason(reasonCode),
            facts?.Level,
            facts?.Category,
            facts?.MaskedName,
            facts is null ? null : rights.RightsFor(facts.Level),
            card?.Status,
            card?.Last4,
            row.Id,
            now);
    }

    public static string Reason(string reasonCode) => reasonCode switch
    {
        "valid" => "有效的人才卡 / A valid talent card.",
        "talent_suspended" => "该人才的权益已暂停 / The talent's rights are suspended.",
        "talent_terminated" => "该人才的权益已终止 / The talent's rights are terminated.",
        "partner_suspended" => "贵机构的合作已暂停，人才卡暂不可用 / Your partnership is suspended: the card cannot be used.",
        "card_lost" => "该卡已挂失 / The card was reported lost.",
        "card_replaced" => "该卡已换卡，请使用新卡 / The card was replaced: use the new card.",
        "card_cancelled" => "该卡已注销 / The card is cancelled.",
        "talent_unknown" => "未找到持卡人 / The card holder was not found.",
        _ => "不是贵机构登记的人才卡 / Not a talent card registered by your organisation.",
    };

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Card verification by partner {PartnerId}: {Outcome} ({ReasonCode}), card {CardId}")]
    private static partial void LogVerified(ILogger logger, Guid partnerId, string outcome, string reasonCode, Guid? cardId);

    public static void Map(RouteGroupBuilder cards)
    {
        cards.MapPost("/verify", async Task<Results<Ok<VerifyCardResponse>, ProblemHttpResult>> (VerifyCardRequest request, VerifyCardHandler handler, CancellationToken ct) =>
            {
                var result = await handler.VerifyAsync(request.CardToken, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("VerifyCard")
            .WithSummary("Verify a talent card token at the partner's terminal (own cards only); 200 with the outcome for every token")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
