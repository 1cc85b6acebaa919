using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.IntegrationTests.Cards;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.Modules.Rights.Contracts;
using static TalentPass.IntegrationTests.Rights.RightsApi;

namespace TalentPass.IntegrationTests.Rights;

/// <summary>The talent's side: my rights by level, family members (encrypted, masked), financing applications answered by the bank.</summary>
public sealed class RightsTalentTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MyRights_LevelBAndLevelE_SeeWhatTheirLevelGives()
    {
        var (levelB, _) = await TalentAsync(factory, "b");
        var (levelE, _) = await TalentAsync(factory, "e");

        var b = await GetJsonAsync(levelB, "/api/v1/rights/me");
        var e = await GetJsonAsync(levelE, "/api/v1/rights/me");

        var codesB = b.GetProperty("rights").EnumerateArray().Select(r => r.GetProperty("right").GetProperty("code").GetString()).ToList();
        var codesE = e.GetProperty("rights").EnumerateArray().Select(r => r.GetProperty("right").GetProperty("code").GetString()).ToList();
        codesB.ShouldContain("medical-green-channel");
        codesB.ShouldContain("schooling-choice");
        codesB.ShouldNotContain("school-priority");
        codesE.ShouldNotContain("medical-green-channel");
        codesE.ShouldContain("talent-apartments");
        codesE.ShouldContain("bookstore-discount");
        var medical = b.GetProperty("rights").EnumerateArray().Single(r => r.GetProperty("right").GetProperty("code").GetString() == "medical-green-channel");
        medical.GetProperty("servicePoints")[0].GetProperty("code").GetString().ShouldBe("sp-hospital-1");
    }

    [Fact]
    public async Task Family_RegisterListRemove_EncryptedMaskedAndNoDuplicates()
    {
        var (talent, talentId) = await TalentAsync(factory, "c");
        var idNumber = TalentsApi.NewIdNumber(male: false);

        var added = await (await talent.PostAsJsonAsync("/api/v1/rights/me/family", new { relation = "spouse", name = "赵丽华", idNumber }, Ct)).ReadJsonAsync();
        var again = await talent.PostAsJsonAsync("/api/v1/rights/me/family", new { relation = "spouse", name = "赵丽华", idNumber }, Ct);
        var invalid = await talent.PostAsJsonAsync("/api/v1/rights/me/family", new { relation = "cousin", name = "赵", idNumber = "123" }, Ct);
        var list = await GetJsonAsync(talent, "/api/v1/rights/me/family");

        added.GetProperty("maskedName").GetString().ShouldBe("赵*华");
        added.GetProperty("maskedIdNumber").GetString().ShouldBe(TalentPass.SharedKernel.Masking.IdNumber(idNumber));
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "rights.family_member_duplicate");
        await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "rights.family_relation_invalid");
        list.GetArrayLength().ShouldBe(1);
        list.GetRawText().ShouldNotContain(idNumber);
        list.GetRawText().ShouldNotContain("赵丽华");

        await using var scope = factory.Services.CreateAsyncScope();
        var family = scope.ServiceProvider.GetRequiredService<IFamilyMembers>();
        (await family.ListAsync(talentId, Ct)).ShouldHaveSingleItem().Relation.ShouldBe(Beneficiaries.Spouse);
        var export = await scope.ServiceProvider.GetServices<IPersonalDataSource>().Single(s => s.Key == "rights").ExportAsync(talentId, Ct);
        export.Data.ToJsonString().ShouldContain(idNumber);

        var memberId = added.GetProperty("id").GetGuid();
        (await talent.DeleteAsync(new Uri($"/api/v1/rights/me/family/{memberId}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await GetJsonAsync(talent, "/api/v1/rights/me/family")).GetArrayLength().ShouldBe(0);
        (await family.GetAsync(memberId, Ct)).ShouldBeNull();
        var other = (await TalentAsync(factory, "c")).Client;
        await (await other.DeleteAsync(new Uri($"/api/v1/rights/me/family/{memberId}", UriKind.Relative), Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "rights.family_member_not_found");
    }

    [Fact]
    public async Task Financing_TalentAppliesBankAnswersOverPartnerApi_TalentSeesTheAnswer()
    {
        var (talent, _) = await TalentAsync(factory, "d");
        var bank = await factory.CreateClientAsAsync("demo-bank");
        var loan = await RightIdAsync(bank, "talent-loan");
        var bookstore = await RightIdAsync(bank, "bookstore-discount");

        var applied = await (await talent.PostAsJsonAsync("/api/v1/rights/me/financing", new { rightId = loan, amountYuan = 300_000, termMonths = 24, purpose = "设备采购" }, Ct)).ReadJsonAsync();
        var twice = await talent.PostAsJsonAsync("/api/v1/rights/me/financing", new { rightId = loan, amountYuan = 300_000, termMonths = 24, purpose = "设备采购" }, Ct);
        var notFinancial = await talent.PostAsJsonAsync("/api/v1/rights/me/financing", new { rightId = bookstore, amountYuan = 300_000, termMonths = 24, purpose = "x y" }, Ct);
        var id = applied.GetProperty("id").GetGuid();
        var queue = await GetJsonAsync(bank, "/api/v1/rights/financing?status=submitted&size=200");
        var tooMuch = await CardsApi.PostAsync(bank, $"/api/v1/rights/financing/{id}/answer", new { decision = "approved", approvedAmountYuan = 400_000 });
        var answered = await (await CardsApi.PostAsync(bank, $"/api/v1/rights/financing/{id}/answer", new { decision = "approved", approvedAmountYuan = 200_000, note = "额度20万元" })).ReadJsonAsync();
        var again = await CardsApi.PostAsync(bank, $"/api/v1/rights/financing/{id}/answer", new { decision = "declined" });
        var otherBank = await factory.CreateClientAsAsync("demo-merchant");
        var mine = await GetJsonAsync(talent, "/api/v1/rights/me/financing");

        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict, "rights.financing_open");
        await notFinancial.ShouldBeProblemAsync(HttpStatusCode.Conflict, "rights.financing_not_financial");
        queue.GetProperty("items").EnumerateArray().ShouldContain(i => i.GetProperty("id").GetGuid() == id);
        await tooMuch.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "rights.financing_amount_invalid");
        answered.GetProperty("status").GetString().ShouldBe("approved");
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "rights.financing_already_answered");
        await (await otherBank.GetAsync(new Uri($"/api/v1/rights/financing/{id}", UriKind.Relative), Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "rights.financing_not_found");
        var seen = mine.EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == id);
        seen.GetProperty("status").GetString().ShouldBe("approved");
        seen.GetProperty("approvedAmountFen").GetInt64().ShouldBe(20_000_000);
    }

    [Fact]
    public async Task Financing_LevelNotEligible_RefusedWithEligibilityCode()
    {
        var (talent, _) = await TalentAsync(factory, "social");
        var loan = await RightIdAsync(await factory.CreateClientAsAsync("demo-bank"), "talent-loan");

        var response = await talent.PostAsJsonAsync("/api/v1/rights/me/financing", new { rightId = loan, amountYuan = 100_000, termMonths = 12, purpose = "经营周转" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, RightEligibility.LevelNotEligible);
    }

    [Fact]
    public async Task Pages_TalentAndOffice_RenderRightsFamilyCatalogue()
    {
        var leader = await CookieBrowser.SignInAsync(factory, "demo-leader");
        var office = await CookieBrowser.SignInAsync(factory, "demo-talentoffice");

        var rights = WebUtility.HtmlDecode(await leader.GetStringAsync(new Uri("/me/rights", UriKind.Relative), Ct));
        var family = WebUtility.HtmlDecode(await leader.GetStringAsync(new Uri("/me/family", UriKind.Relative), Ct));
        var catalogue = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri("/rights/catalogue?kind=government", UriKind.Relative), Ct));

        rights.ShouldContain("就医绿色通道");
        rights.ShouldContain("人才定点医院（示例）");
        family.ShouldContain("刘*兰");
        catalogue.ShouldContain("人才公寓");
        catalogue.ShouldNotContain("购书八折优惠");
    }
}
