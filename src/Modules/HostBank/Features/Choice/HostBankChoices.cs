using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Cards.Contracts;
using TalentPass.Modules.HostBank.Contracts;
using TalentPass.Modules.HostBank.Domain;
using TalentPass.Modules.HostBank.Persistence;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.HostBank.Features.Choice;

internal sealed record ChooseHostBankRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    public Guid? PartnerOrganisationId { get; init; }
}

internal sealed record ChoiceView(Guid Id, Guid PartnerOrganisationId, string BankName, DateOnly Since, DateOnly? Until, DateTimeOffset ChosenAt, long? LedgerIndex);

internal sealed record BankOption(Guid PartnerOrganisationId, string Name);

internal sealed record LinkedEnterpriseView(Guid OrganisationId, string Name, string CreditCode, string? LatestQuarter, string? LatestOutcome);

internal sealed record MyHostBankView(ChoiceView? Current, IReadOnlyList<ChoiceView> History, IReadOnlyList<BankOption> CardBanks, IReadOnlyList<LinkedEnterpriseView> Enterprises);

/// <summary>
/// A card holder's host bank (M-19): one at a time, chosen among the partner banks that issued the talent a card;
/// changing it ends the current choice (history kept). Each choice records the talent's 40% commitment in the
/// evidence ledger and links the enterprises the talent founded (from the talent registry).
/// </summary>
internal sealed partial class HostBankChoices(
    HostBankDbContext db,
    ICurrentUser user,
    ITalentDirectory talents,
    ITalentPersonalData personalData,
    ICardDirectory cards,
    IPartnerDirectory partners,
    IOrganisationDirectory organisations,
    ILedger ledger,
    TimeProvider clock,
    ILogger<HostBankChoices> logger) : IHostBankDirectory
{
    public async Task<HostBankChoice?> GetCurrentAsync(Guid talentId, CancellationToken cancellationToken = default)
    {
        var row = await db.Choices.AsNoTracking().FirstOrDefaultAsync(c => c.TalentId == talentId && c.EndedAt == null, cancellationToken);
        return row is null ? null : new HostBankChoice(row.TalentId, row.PartnerOrganisationId, row.Since);
    }

    /// <summary>The choice in effect on <paramref name="date"/> (the later one when a change happened that day).</summary>
    public async Task<ChoiceRow?> HostOnAsync(Guid talentId, DateOnly date, CancellationToken ct) =>
        (await db.Choices.AsNoTracking().Where(c => c.TalentId == talentId && c.Since <= date).ToListAsync(ct))
            .Where(c => c.Until is null || c.Until > date)
            .OrderByDescending(c => c.ChosenAt)
            .FirstOrDefault();

    private async Task<Result<TalentSummary>> CurrentTalentAsync(CancellationToken ct)
    {
        var talent = user.AccountId is { } account ? await talents.FindByAccountAsync(account, ct) : null;
        return talent is null ? HostBankErrors.NoTalent : talent;
    }

    public async Task<Result<MyHostBankView>> GetMineAsync(CancellationToken ct)
    {
        var talent = await CurrentTalentAsync(ct);
        if (!talent.IsSuccess)
        {
            return talent.Error!;
        }

        var id = talent.Value!.Id;
        var rows = await db.Choices.AsNoTracking().Where(c => c.TalentId == id).ToListAsync(ct);
        var history = new List<ChoiceView>();
        foreach (var row in rows.OrderByDescending(r => r.ChosenAt))
        {
            history.Add(await ViewAsync(row, ct));
        }

        var cardBanks = new List<BankOption>();
        foreach (var bank in (await partners.ListAsync(PartnerKinds.Financial, ct)).Where(p => p.Status == PartnerStatuses.Active))
        {
            if (await cards.HoldsCardAsync(id, bank.OrganisationId, ct))
            {
                cardBanks.Add(new BankOption(bank.OrganisationId, bank.Name));
            }
        }

        var enterprises = new List<LinkedEnterpriseView>();
        foreach (var founded in await personalData.ListFoundedEnterprisesAsync(id, ct))
        {
            var latest = await db.Assessments.AsNoTracking().Where(a => a.EnterpriseOrganisationId == founded.OrganisationId)
                .OrderByDescending(a => a.Quarter).FirstOrDefaultAsync(ct);
            var name = (await organisations.GetAsync(founded.OrganisationId, ct))?.Name ?? founded.CreditCode;
            enterprises.Add(new LinkedEnterpriseView(founded.OrganisationId, name, founded.CreditCode, latest?.Quarter, latest?.Outcome));
        }

        var currentId = rows.FirstOrDefault(r => r.EndedAt == null)?.Id;
        return new MyHostBankView(history.FirstOrDefault(h => h.Id == currentId), history, cardBanks, enterprises);
    }

    public Task<Result<ChoiceView>> ChooseAsync(ChooseHostBankRequest request, CancellationToken ct) => DecideAsync(request, change: false, ct);

    public Task<Result<ChoiceView>> ChangeAsync(ChooseHostBankRequest request, CancellationToken ct) => DecideAsync(request, change: true, ct);

    private async Task<Result<ChoiceView>> DecideAsync(ChooseHostBankRequest request, bool change, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var talent = await CurrentTalentAsync(ct);
        if (!talent.IsSuccess)
        {
            return talent.Error!;
        }

        var talentId = talent.Value!.Id;
        var bankId = request.PartnerOrganisationId!.Value;
        var bank = await partners.GetAsync(bankId, ct);
        if (bank is null || bank.Kind != PartnerKinds.Financial || bank.Status != PartnerStatuses.Active)
        {
            return HostBankErrors.PartnerNotEligible;
        }

        if (!await cards.HoldsCardAsync(talentId, bankId, ct))
        {
            return HostBankErrors.NoCard;
        }

        var current = await db.Choices.FirstOrDefaultAsync(c => c.TalentId == talentId && c.EndedAt == null, ct);
        if (!change && current is not null)
        {
            return HostBankErrors.AlreadyChosen;
        }

        if (change && current is null)
        {
            return HostBankErrors.NoHostBank;
        }

        if (current?.PartnerOrganisationId == bankId)
        {
            return HostBankErrors.SameBank;
        }

        var now = clock.GetUtcNow();
        var today = BusinessTime.Today(clock);
        var choice = new ChoiceRow
        {
            Id = Guid.CreateVersion7(now),
            TalentId = talentId,
            PartnerOrganisationId = bankId,
            Since = today,
            ChosenAt = now,
            ChosenBy = user.AccountId,
            CommitmentDocument = CommitmentDocument(talentId, bank, today, now),
        };

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (current is not null)
            {
                current.EndedAt = now;
                current.Until = today;
                await db.SaveChangesAsync(ct);
            }

            db.Choices.Add(choice);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                return HostBankErrors.AlreadyChosen; // a concurrent choice won (one current choice per talent)
            }

            await tx.CommitAsync(ct);
        }

        await LinkEnterprisesAsync(talentId, now, ct);
        choice.LedgerIndex = await RecordAsync(choice, bank, ct);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(choice, ct);
    }

    /// <summary>Copies the talent's founded enterprises from the registry (so a bank's report can be checked against its customer).</summary>
    public async Task LinkEnterprisesAsync(Guid talentId, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var founded in await personalData.ListFoundedEnterprisesAsync(talentId, ct))
        {
            var link = await db.Links.FirstOrDefaultAsync(l => l.EnterpriseOrganisationId == founded.OrganisationId, ct);
            if (link is null)
            {
                db.Links.Add(new LinkRow { EnterpriseOrganisationId = founded.OrganisationId, TalentId = talentId, CreditCode = founded.CreditCode, LinkedAt = now });
            }
            else if (link.TalentId != talentId)
            {
                link.TalentId = talentId;
                link.LinkedAt = now;
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static string CommitmentDocument(Guid talentId, PartnerInfo bank, DateOnly since, DateTimeOffset at) =>
        JsonSerializer.Serialize(new
        {
            type = "host_bank_commitment",
            talent = talentId,
            bank = bank.Code,
            since = since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            at = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            rule = "While revenue of the last year <= 80,000,000 yuan and equity valuation <= 300,000,000 yuan, at least 40% of the founded enterprises' deposit and loan business is placed with the host bank (M-19).",
        });

    private async Task<long?> RecordAsync(ChoiceRow choice, PartnerInfo bank, CancellationToken ct)
    {
        var appended = await ledger.AppendAsync(
            new LedgerEntryDraft(
                LedgerKinds.HostBankCommitment,
                LedgerDigest.Sha256(Encoding.UTF8.GetBytes(choice.CommitmentDocument)),
                [bank.Code, $"talent:{choice.TalentId}"],
                "hostbank",
                choice.ChosenAt,
                $"hostbank:choice:{choice.Id}"),
            ct);
        if (!appended.IsSuccess)
        {
            LogNotRecorded(logger, appended.Error!.Code);
            return null;
        }

        return appended.Value!.Index;
    }

    private async Task<ChoiceView> ViewAsync(ChoiceRow row, CancellationToken ct)
    {
        var name = (await organisations.GetAsync(row.PartnerOrganisationId, ct))?.Name ?? row.PartnerOrganisationId.ToString();
        return new ChoiceView(row.Id, row.PartnerOrganisationId, name, row.Since, row.Until, row.ChosenAt, row.LedgerIndex);
    }

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/", async Task<Results<Ok<MyHostBankView>, ProblemHttpResult>> (HostBankChoices handler, CancellationToken ct) =>
            {
                var result = await handler.GetMineAsync(ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
            })
            .WithName("GetMyHostBank")
            .WithSummary("The talent's host bank, its history, the banks that issued the talent a card, and the founded enterprises")
            .ProducesProblem(StatusCodes.Status404NotFound);

        me.MapPost("/choice", async Task<Results<Ok<ChoiceView>, ProblemHttpResult>> (ChooseHostBankRequest request, HostBankChoices handler, CancellationToken ct) =>
            {
                var result = await handler.ChooseAsync(request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
            })
            .WithName("ChooseHostBank")
            .WithSummary("Choose a host bank (a partner bank that issued the talent a card); refused while one is chosen")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        me.MapPost("/change", async Task<Results<Ok<ChoiceView>, ProblemHttpResult>> (ChooseHostBankRequest request, HostBankChoices handler, CancellationToken ct) =>
            {
                var result = await handler.ChangeAsync(request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
            })
            .WithName("ChangeHostBank")
            .WithSummary("Change the host bank: the current choice ends today, the new one starts today (history kept)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "A host-bank commitment was not recorded in the ledger ({Code})")]
    private static partial void LogNotRecorded(ILogger logger, string code);
}
