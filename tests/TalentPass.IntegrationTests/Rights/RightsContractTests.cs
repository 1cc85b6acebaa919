using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.Modules.Talents.Contracts;

namespace TalentPass.IntegrationTests.Rights;

/// <summary>The contracts other modules build on: the demo catalogue through <see cref="IRightsCatalogue"/> and family members.</summary>
public sealed class RightsContractTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Snapshot_DemoCatalogue_HasTheSeededRightsWithTheirRules()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var catalogue = scope.ServiceProvider.GetRequiredService<IRightsCatalogue>();
        var organisations = scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>();
        var hospital = (await organisations.ListAsync(OrganisationKind.ServicePoint, Ct)).Single(o => o.Code == "sp-hospital-1");

        var snapshot = await catalogue.GetSnapshotAsync(Ct);

        var codes = snapshot.Rights.Select(r => r.Code).ToList();
        codes.ShouldContain("medical-green-channel");
        codes.ShouldContain("talent-apartments");
        codes.ShouldContain("bookstore-discount");
        codes.ShouldContain("talent-loan");
        var medical = snapshot.Rights.Single(r => r.Code == "medical-green-channel");
        medical.Levels.ShouldBe(["a", "b", "c", "d"]);
        medical.FamilyRelations.ShouldBe(["parent", "spouse", "child"]);
        medical.ServicePointOrganisationIds.ShouldBe([hospital.Id]);
        medical.Quotas.ShouldContain(new RightQuota(QuotaScopes.PerTalent, 12, QuotaPeriods.Year));
        var apartments = snapshot.Rights.Single(r => r.Code == "talent-apartments");
        apartments.Pools.Select(p => (p.Code, p.Capacity)).ShouldBe([("provincial", 1000), ("district", 930), ("incubator", 236)]);
        (await catalogue.GetAsync(medical.Id, Ct)).ShouldBe(medical);
        RightEligibility.Check(medical, "b", "medicine", Beneficiaries.Parent, hospital.Id, new DateOnly(medical.ValidFrom.Year, 6, 1)).ShouldBeNull();
        RightEligibility.Check(medical, "e", "medicine", Beneficiaries.Self, hospital.Id, new DateOnly(medical.ValidFrom.Year, 6, 1)).ShouldBe(RightEligibility.LevelNotEligible);
    }

    [Fact]
    public async Task FamilyMembers_DemoLeader_HasHisMotherMasked()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IAccountDirectory>();
        var talents = scope.ServiceProvider.GetRequiredService<ITalentDirectory>();
        var family = scope.ServiceProvider.GetRequiredService<IFamilyMembers>();
        var leader = await talents.FindByAccountAsync((await accounts.FindAccountIdAsync("demo-leader", Ct))!.Value, Ct);

        var members = await family.ListAsync(leader!.Id, Ct);

        var mother = members.ShouldHaveSingleItem();
        mother.Relation.ShouldBe(Beneficiaries.Parent);
        mother.MaskedName.ShouldBe("刘*兰");
        (await family.GetAsync(mother.Id, Ct)).ShouldBe(mother);
    }
}
