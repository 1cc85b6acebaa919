using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.Modules.Rights.Contracts;
using static TalentPass.IntegrationTests.Rights.RightsApi;

namespace TalentPass.IntegrationTests.Rights;

/// <summary>Catalogue management: versioned edits with history, withdrawal instead of deletion, validation and remit.</summary>
public sealed class RightsCatalogueTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EditAndWithdraw_ByTalentOffice_NewRevisionsWithHistoryAndCatalogueFollowsAtOnce()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var provider = await TalentsApi.OrganisationIdAsync(factory, "dept-social");
        var hospital = await TalentsApi.OrganisationIdAsync(factory, "sp-hospital-1");
        var body = RightBody(UniqueCode(), RightKinds.Government, provider, hospital);
        var created = await CreateAsync(office, body);
        var id = created.GetProperty("right").GetProperty("id").GetGuid();
        created.GetProperty("right").GetProperty("revision").GetInt64().ShouldBe(1);
        await using var scope = factory.Services.CreateAsyncScope();
        var catalogue = scope.ServiceProvider.GetRequiredService<IRightsCatalogue>();
        (await catalogue.GetSnapshotAsync(Ct)).Rights.ShouldContain(r => r.Id == id);

        body["valueFen"] = 2500;
        body["expectedRevision"] = 1;
        body["note"] = "提高优惠";
        var updated = await (await office.PutAsJsonAsync($"/api/v1/rights/catalogue/{id}", body, Ct)).ReadJsonAsync();
        var stale = await office.PutAsJsonAsync($"/api/v1/rights/catalogue/{id}", body, Ct);
        var withdrawn = await (await office.PostAsJsonAsync($"/api/v1/rights/catalogue/{id}/withdraw", new { expectedRevision = 2, note = "政策到期" }, Ct)).ReadJsonAsync();

        updated.GetProperty("right").GetProperty("revision").GetInt64().ShouldBe(2);
        updated.GetProperty("right").GetProperty("valueFen").GetInt64().ShouldBe(2500);
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict, "rights.revision_conflict");
        withdrawn.GetProperty("right").GetProperty("status").GetString().ShouldBe("withdrawn");
        var history = withdrawn.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("revision").GetInt64(), h.GetProperty("action").GetString())).ToList();
        history.ShouldBe([(3L, "withdrawn"), (2L, "updated"), (1L, "created")]);
        withdrawn.GetProperty("history")[1].GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()).ShouldBe(["valueFen"]);
        (await catalogue.GetSnapshotAsync(Ct)).Rights.ShouldNotContain(r => r.Id == id);
        (await catalogue.GetAsync(id, Ct))!.Status.ShouldBe("withdrawn");
        await (await office.DeleteAsync(new Uri($"/api/v1/rights/catalogue/{id}", UriKind.Relative), Ct)).ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed, "http.method_not_allowed");
    }

    [Fact]
    public async Task Create_InvalidDefinition_RefusedWithCodeAndNothingAdded()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var provider = await TalentsApi.OrganisationIdAsync(factory, "dept-social");
        var code = UniqueCode();
        var body = RightBody(code, RightKinds.Government, provider);
        body["levels"] = new[] { "z" };
        body["quotas"] = new[] { new { scope = "per_talent", limit = 0, period = "week" } };

        var response = await office.PostAsJsonAsync("/api/v1/rights/catalogue", body, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "rights.levels_invalid");
        problem.GetProperty("errors").TryGetProperty("quotas", out _).ShouldBeTrue();
        var page = await GetJsonAsync(office, $"/api/v1/rights/catalogue?q={code}");
        page.GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Create_GovernmentRightWithPartnerProvider_RefusedProviderInvalid()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var bank = await TalentsApi.OrganisationIdAsync(factory, "bank-zhongyuan");

        var response = await office.PostAsJsonAsync("/api/v1/rights/catalogue", RightBody(UniqueCode(), RightKinds.Government, bank), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "rights.provider_invalid");
    }

    [Fact]
    public async Task Remit_DepartmentAndMerchantAndOperator_ManageOnlyTheirOwn()
    {
        var science = await TalentsApi.OrganisationIdAsync(factory, "dept-science");
        var education = await TalentsApi.OrganisationIdAsync(factory, "dept-education");
        var bookstore = await TalentsApi.OrganisationIdAsync(factory, "merchant-bookstore");
        var department = await factory.CreateClientAsAsync("demo-department");
        var merchant = await factory.CreateClientAsAsync("demo-merchant");
        var operatorClient = await factory.CreateClientAsAsync("demo-operator");
        var medical = await RightIdAsync(department, "medical-green-channel");

        var own = await department.PostAsJsonAsync("/api/v1/rights/catalogue", RightBody(UniqueCode(), RightKinds.Government, science), Ct);
        var other = await department.PostAsJsonAsync("/api/v1/rights/catalogue", RightBody(UniqueCode(), RightKinds.Government, education), Ct);
        var merchantOwn = await merchant.PostAsJsonAsync("/api/v1/rights/catalogue", RightBody(UniqueCode(), RightKinds.Consumer, bookstore), Ct);
        var merchantWithdraws = await merchant.PostAsJsonAsync($"/api/v1/rights/catalogue/{medical}/withdraw", new { note = "x" }, Ct);
        var operatorConsumer = await operatorClient.PostAsJsonAsync("/api/v1/rights/catalogue", RightBody(UniqueCode(), RightKinds.Consumer, bookstore), Ct);
        var operatorGovernment = await operatorClient.PostAsJsonAsync("/api/v1/rights/catalogue", RightBody(UniqueCode(), RightKinds.Government, science), Ct);
        var talent = await factory.CreateClientAsAsync("demo-talent");

        own.StatusCode.ShouldBe(HttpStatusCode.Created);
        await other.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "rights.outside_remit");
        merchantOwn.StatusCode.ShouldBe(HttpStatusCode.Created);
        await merchantWithdraws.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "rights.outside_remit");
        operatorConsumer.StatusCode.ShouldBe(HttpStatusCode.Created);
        await operatorGovernment.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "rights.outside_remit");
        (await GetJsonAsync(department, $"/api/v1/rights/catalogue/{medical}")).GetProperty("right").GetProperty("status").GetString().ShouldBe("active");
        await (await talent.GetAsync(new Uri("/api/v1/rights/catalogue", UriKind.Relative), Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Search_ByKindAndLevel_FiltersAndPaginates()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var consumer = await GetJsonAsync(office, "/api/v1/rights/catalogue?kind=consumer&size=200");
        var levelA = await GetJsonAsync(office, "/api/v1/rights/catalogue?level=a&kind=government&status=active&size=200");
        var firstPage = await GetJsonAsync(office, "/api/v1/rights/catalogue?size=2&page=1");

        consumer.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("kind").GetString() == "consumer");
        consumer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ShouldContain("bookstore-discount");
        var codesA = levelA.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        codesA.ShouldContain("schooling-choice");
        codesA.ShouldNotContain("school-priority");
        firstPage.GetProperty("items").GetArrayLength().ShouldBe(2);
        firstPage.GetProperty("total").GetInt64().ShouldBeGreaterThanOrEqualTo(9);
    }
}
