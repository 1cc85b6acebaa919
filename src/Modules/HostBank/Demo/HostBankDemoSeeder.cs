using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Demo;
using TalentPass.Modules.Cards.Contracts;
using TalentPass.Modules.HostBank.Domain;
using TalentPass.Modules.HostBank.Features.Reports;
using TalentPass.Modules.HostBank.Persistence;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.HostBank.Demo;

/// <summary>
/// Demo host banks: demo-talent (who holds a card of the first demo bank) chose that bank two quarters ago; the
/// enterprises demo-talent founded are linked and the last completed quarter is reported — the first enterprise
/// compliant (50% with the host bank), the second non-compliant (about 21%). With only one founded enterprise, the
/// quarter before the last shows it non-compliant instead.
/// </summary>
internal sealed class HostBankDemoSeeder(
    HostBankDbContext db,
    IAccountDirectory accounts,
    ITalentDirectory talents,
    ITalentPersonalData personalData,
    IServiceProvider services,
    ILedger ledger,
    TimeProvider clock) : IDemoSeeder
{
    public int Order => 200;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // Resolved late: the seeder is harmless (does nothing) in a host without the Partners or Cards module.
        var partners = services.GetService<IPartnerDirectory>();
        var cards = services.GetService<ICardDirectory>();
        if (partners is null || cards is null)
        {
            return;
        }

        var account = await accounts.FindAccountIdAsync("demo-talent", cancellationToken);
        var talent = account is { } id ? await talents.FindByAccountAsync(id, cancellationToken) : null;
        if (talent is null || await db.Choices.AnyAsync(c => c.TalentId == talent.Id, cancellationToken))
        {
            return;
        }

        PartnerInfo? bank = null;
        foreach (var candidate in (await partners.ListAsync(PartnerKinds.Financial, cancellationToken)).Where(p => p.Status == PartnerStatuses.Active))
        {
            if (await cards.HoldsCardAsync(talent.Id, candidate.OrganisationId, cancellationToken))
            {
                bank = candidate;
                break;
            }
        }

        var enterprises = await personalData.ListFoundedEnterprisesAsync(talent.Id, cancellationToken);
        if (bank is null || enterprises.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var last = Quarter.Of(BusinessTime.Today(clock)).Previous;
        var since = last.Previous.Start;
        var document = $$"""{"type":"host_bank_commitment","talent":"{{talent.Id}}","bank":"{{bank.Code}}","since":"{{since:yyyy-MM-dd}}","demo":true}""";
        var choice = new ChoiceRow
        {
            Id = Guid.CreateVersion7(now),
            TalentId = talent.Id,
            PartnerOrganisationId = bank.OrganisationId,
            Since = since,
            ChosenAt = now,
            ChosenBy = account,
            CommitmentDocument = document,
        };
        var appended = await ledger.AppendAsync(
            new LedgerEntryDraft(LedgerKinds.HostBankCommitment, LedgerDigest.Sha256(System.Text.Encoding.UTF8.GetBytes(document)), [bank.Code, $"talent:{talent.Id}"], "hostbank", now, $"hostbank:choice:{choice.Id}"),
            cancellationToken);
        choice.LedgerIndex = appended.IsSuccess ? appended.Value!.Index : null;
        db.Choices.Add(choice);
        foreach (var e in enterprises)
        {
            db.Links.Add(new LinkRow { EnterpriseOrganisationId = e.OrganisationId, TalentId = talent.Id, CreditCode = e.CreditCode, LinkedAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);

        // Yuan → fen: × 100.
        await ReportAsync(enterprises[0].OrganisationId, last, bank, (5_000_000, 3_000_000), (2_500_000, 1_500_000), now, cancellationToken);
        if (enterprises.Count > 1)
        {
            await ReportAsync(enterprises[1].OrganisationId, last, bank, (8_000_000, 4_000_000), (1_500_000, 1_000_000), now, cancellationToken);
        }
        else
        {
            await ReportAsync(enterprises[0].OrganisationId, last.Previous, bank, (8_000_000, 4_000_000), (1_500_000, 1_000_000), now, cancellationToken);
        }
    }

    private async Task ReportAsync(Guid enterprise, Quarter quarter, PartnerInfo bank, (long Deposits, long Loans) totalsYuan, (long Deposits, long Loans) hostYuan, DateTimeOffset now, CancellationToken ct)
    {
        var q = quarter.ToString();
        db.EnterpriseReports.Add(new EnterpriseReportRow
        {
            Id = Guid.CreateVersion7(now),
            EnterpriseOrganisationId = enterprise,
            Quarter = q,
            TotalDepositsFen = totalsYuan.Deposits * 100,
            TotalLoansFen = totalsYuan.Loans * 100,
            RevenueFen = 50_000_000L * 100,
            ValuationFen = 200_000_000L * 100,
            ReportedAt = now,
        });
        db.BankReports.Add(new BankReportRow
        {
            Id = Guid.CreateVersion7(now),
            EnterpriseOrganisationId = enterprise,
            Quarter = q,
            PartnerOrganisationId = bank.OrganisationId,
            DepositsFen = hostYuan.Deposits * 100,
            LoansFen = hostYuan.Loans * 100,
            ReportedAt = now,
        });
        await db.SaveChangesAsync(ct);
        await services.GetRequiredService<HostBankReports>().AssessAsync(enterprise, q, ct);
    }
}
