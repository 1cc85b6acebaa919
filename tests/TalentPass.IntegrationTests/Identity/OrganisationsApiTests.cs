using System.Net;
using System.Net.Http.Json;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.Identity;

public sealed class OrganisationsApiTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PartnerStaff_OtherBank_Returns404AndListShowsOnlyOwnBank()
    {
        var admin = await factory.CreateClientAsAsync("demo-talentoffice");
        var otherBank = await IdentityApi.OrganisationIdAsync(admin, "bank-icbc");
        var bank = await factory.CreateClientAsAsync("demo-bank");

        var other = await bank.GetAsync(new Uri($"/api/v1/organisations/{otherBank}", UriKind.Relative), Ct);
        var list = await (await bank.GetAsync(new Uri("/api/v1/organisations?size=200", UriKind.Relative), Ct)).ReadJsonAsync();

        await other.ShouldBeProblemAsync(HttpStatusCode.NotFound, "identity.organisation_not_found");
        list.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("code").GetString()).ShouldBe(["bank-zhongyuan"]);
    }

    [Fact]
    public async Task BigDataBureau_ReadsAllOrganisations()
    {
        var client = await factory.CreateClientAsAsync("demo-bigdata");

        // Searched by code: partner tests onboard banks of their own, so the demo bank need not be on the first page.
        var list = await (await client.GetAsync(new Uri("/api/v1/organisations?kind=partner&q=bank-icbc", UriKind.Relative), Ct)).ReadJsonAsync();
        var all = await (await client.GetAsync(new Uri("/api/v1/organisations?kind=partner", UriKind.Relative), Ct)).ReadJsonAsync();

        list.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("code").GetString()).ShouldContain("bank-icbc");
        all.GetProperty("items").EnumerateArray().ShouldAllBe(o => o.GetProperty("kind").GetString() == "partner");
        all.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Talent_Organisations_Returns403()
    {
        var client = await factory.CreateClientAsAsync("demo-talent");

        var response = await client.GetAsync(new Uri("/api/v1/organisations", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Operator_CreatesPartner_ThenDuplicateCodeIs409()
    {
        var client = await factory.CreateClientAsAsync("demo-operator");
        var code = "bank-" + Guid.NewGuid().ToString("N")[..8];

        var created = await client.PostAsJsonAsync("/api/v1/organisations", new { code, name = "测试银行（示例）", kind = "partner" }, Ct);
        var duplicate = await client.PostAsJsonAsync("/api/v1/organisations", new { code = code.ToUpperInvariant(), name = "另一个", kind = "partner" }, Ct);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await created.ReadJsonAsync()).GetProperty("kind").GetString().ShouldBe("partner");
        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, "identity.organisation_code_taken");
    }

    [Fact]
    public async Task Operator_CreatesTalentOffice_Returns403KindNotAllowed()
    {
        var client = await factory.CreateClientAsAsync("demo-operator");

        var response = await client.PostAsJsonAsync("/api/v1/organisations", new { code = "office-" + Guid.NewGuid().ToString("N")[..8], name = "测试", kind = "talent_office" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.organisation_kind_not_allowed");
    }

    [Theory]
    [InlineData("a", "名称", "partner", "identity.organisation_code_invalid")]
    [InlineData("has space", "名称", "partner", "identity.organisation_code_invalid")]
    [InlineData("{c}", "", "partner", "identity.organisation_name_invalid")]
    [InlineData("{c}", "名称", "castle", "identity.organisation_kind_unknown")]
    public async Task CreateOrganisation_InvalidInput_Returns400(string code, string name, string kind, string errorCode)
    {
        var client = await factory.CreateClientAsAsync("demo-talentoffice");
        code = code.Replace("{c}", "org-" + Guid.NewGuid().ToString("N")[..8], StringComparison.Ordinal);

        var response = await client.PostAsJsonAsync("/api/v1/organisations", new { code, name, kind }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, errorCode);
    }

    [Fact]
    public async Task UpdateOrganisation_StaleVersion_Returns409AndKeepsName()
    {
        var client = await factory.CreateClientAsAsync("demo-talentoffice");
        var created = await (await client.PostAsJsonAsync("/api/v1/organisations", new { code = "sp-" + Guid.NewGuid().ToString("N")[..8], name = "原名", kind = "service_point" }, Ct)).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();

        var first = await client.PutAsJsonAsync($"/api/v1/organisations/{id}", new { name = "新名", isActive = true, version = 1 }, Ct);
        var stale = await client.PutAsJsonAsync($"/api/v1/organisations/{id}", new { name = "过期", isActive = true, version = 1 }, Ct);
        var after = await (await client.GetAsync(new Uri($"/api/v1/organisations/{id}", UriKind.Relative), Ct)).ReadJsonAsync();

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict, "identity.concurrency_conflict");
        after.GetProperty("name").GetString().ShouldBe("新名");
    }
}
