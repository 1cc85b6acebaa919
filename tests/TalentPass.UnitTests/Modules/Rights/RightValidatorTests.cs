using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Rights.Catalogue;
using TalentPass.Modules.Rights.Contracts;

namespace TalentPass.UnitTests.Modules.Rights;

public sealed class RightValidatorTests
{
    private static readonly OrganisationSummary Department = new(Guid.NewGuid(), "dept-x", "部门", OrganisationKind.Department, null, true);
    private static readonly OrganisationSummary Partner = new(Guid.NewGuid(), "bank-x", "银行", OrganisationKind.Partner, null, true);
    private static readonly OrganisationSummary Hospital = new(Guid.NewGuid(), "sp-x", "医院", OrganisationKind.ServicePoint, null, true);
    private static readonly Dictionary<Guid, OrganisationSummary> Organisations = new[] { Department, Partner, Hospital }.ToDictionary(o => o.Id);

    private static RightInput Valid() => new()
    {
        Code = "green-channel",
        Kind = "government",
        NameZh = "绿色通道",
        NameEn = "Green channel",
        ProviderOrganisationId = Department.Id,
        Levels = ["A", "b"],
        FamilyRelations = ["parent"],
        ValidFrom = new DateOnly(2026, 1, 1),
        PolicyVersion = "v1",
        ServicePointOrganisationIds = [Hospital.Id],
        RequiresOnlineVerification = true,
        Quotas = [new RightQuota("per_talent", 12, "year")],
        Pools = [new RightPool("p1", "池", "Pool", 10)],
        ReversalWindowMinutes = 60,
    };

    [Fact]
    public void Validate_ValidInput_NormalisesLevelsAndKeepsEverything()
    {
        var result = RightValidator.Validate(Valid(), Guid.NewGuid(), 1, "active", Organisations);

        result.IsSuccess.ShouldBeTrue();
        result.Value!.Levels.ShouldBe(["a", "b"]);
        result.Value.ServicePointOrganisationIds.ShouldBe([Hospital.Id]);
        result.Value.Quotas.ShouldBe([new RightQuota("per_talent", 12, "year")]);
    }

    [Theory]
    [InlineData("code", "rights.code_invalid")]
    [InlineData("provider", "rights.provider_invalid")]
    [InlineData("levels", "rights.levels_invalid")]
    [InlineData("validity", "rights.validity_invalid")]
    [InlineData("offline", "rights.offline_conflict")]
    [InlineData("quota", "rights.quota_invalid")]
    [InlineData("pool", "rights.pool_invalid")]
    [InlineData("servicePoint", "rights.service_point_invalid")]
    public void Validate_OneProblem_RefusedWithItsCode(string problem, string code)
    {
        var input = problem switch
        {
            "code" => Valid() with { Code = "Bad Code" },
            "provider" => Valid() with { ProviderOrganisationId = Partner.Id }, // a partner cannot provide a government right
            "levels" => Valid() with { Levels = [] },
            "validity" => Valid() with { ValidTo = new DateOnly(2025, 12, 31) },
            "offline" => Valid() with { AllowsOfflineRedemption = true },
            "quota" => Valid() with { Quotas = [new RightQuota("per_talent", 1, "year"), new RightQuota("per_talent", 2, "month")] },
            "pool" => Valid() with { Pools = [new RightPool("p1", "池", "Pool", 0)] },
            _ => Valid() with { ServicePointOrganisationIds = [Guid.NewGuid()] },
        };

        var result = RightValidator.Validate(input, Guid.NewGuid(), 1, "active", Organisations);

        result.IsSuccess.ShouldBeFalse();
        result.Error!.Code.ShouldBe(code);
    }

    [Fact]
    public void ChangedFields_ValueAndQuotasChanged_NamesExactlyThose()
    {
        var before = RightValidator.Validate(Valid(), Guid.NewGuid(), 1, "active", Organisations).Value!;
        var after = before with { ValueFen = 100, Quotas = [new RightQuota("per_talent", 6, "year")], Revision = 2 };

        CatalogueWriter.ChangedFields(before, after).ShouldBe(["valueFen", "quotas"]);
        CatalogueWriter.ChangedFields(before, before with { Revision = 2 }).ShouldBeEmpty();
    }
}
