using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Demo;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Rights.Catalogue;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.Modules.Rights.Domain;
using TalentPass.Modules.Rights.Family;
using TalentPass.Modules.Rights.Financing;
using TalentPass.Modules.Rights.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Rights.Demo;

/// <summary>
/// Seeds the demo catalogue (<see cref="DemoRights"/>, marked demo), demo-leader's mother as a family member and one
/// open financing application of demo-talent to bank-zhongyuan.
/// </summary>
internal sealed class RightsDemoSeeder(
    RightsDbContext db,
    CatalogueWriter writer,
    FamilyRegister family,
    FinancingDesk financing,
    IOrganisationDirectory organisations,
    IAccountDirectory accounts,
    ITalentDirectory talents,
    TimeProvider clock) : IDemoSeeder
{
    public int Order => 210;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Rights.AnyAsync(cancellationToken))
        {
            return;
        }

        var byCode = (await organisations.ListAsync(null, cancellationToken)).ToDictionary(o => o.Code, o => o.Id, StringComparer.Ordinal);
        var validFrom = new DateOnly(BusinessTime.Today(clock).Year, 1, 1);
        var now = clock.GetUtcNow();
        foreach (var seed in DemoRights.All)
        {
            if (!byCode.TryGetValue(seed.Provider, out var provider) || seed.ServicePoints.Any(sp => !byCode.ContainsKey(sp)))
            {
                continue;
            }

            var definition = new RightDefinition(
                Guid.CreateVersion7(now), seed.Code, seed.Kind, seed.NameZh, seed.NameEn, seed.DescriptionZh, seed.DescriptionEn, provider,
                seed.Levels, [], seed.Family, validFrom, validFrom.AddYears(2).AddDays(-1), DemoRights.PolicyVersion,
                seed.ServicePoints.Select(sp => byCode[sp]).ToList(), seed.Online, seed.Offline, seed.StaticCode, seed.ValueFen,
                seed.Quotas, seed.Pools, seed.ReversalMinutes, RightCodes.Active, 1);
            await writer.AddAsync(definition, isDemo: true, by: null, "示例数据 / Demo data", cancellationToken);
        }

        if (await TalentAsync("demo-leader", cancellationToken) is { } leader)
        {
            var idNumber = DemoRights.LeaderMotherIdNumber17 + ResidentIdNumber.CheckCharacter(DemoRights.LeaderMotherIdNumber17);
            await family.AddAsync(leader.Id, new AddFamilyMemberRequest { Relation = Beneficiaries.Parent, Name = DemoRights.LeaderMotherName, IdNumber = idNumber }, cancellationToken);
        }

        var loan = await db.Rights.AsNoTracking().SingleOrDefaultAsync(r => r.Code == DemoRights.TalentLoan, cancellationToken);
        if (loan is not null && await TalentAsync("demo-talent", cancellationToken) is { } talent)
        {
            await financing.ApplyAsync(talent, loan.Id, new FinancingRequest { AmountYuan = 500_000, TermMonths = 36, Purpose = "研发设备采购（示例） / Research equipment (demo)" }, cancellationToken);
        }
    }

    private async Task<TalentSummary?> TalentAsync(string username, CancellationToken ct) =>
        await accounts.FindAccountIdAsync(username, ct) is { } account ? await talents.FindByAccountAsync(account, ct) : null;
}
