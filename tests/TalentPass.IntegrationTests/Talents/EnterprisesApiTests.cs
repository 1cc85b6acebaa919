using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.Talents;

public sealed class EnterprisesApiTests(TalentPassFactory factory)
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A random valid unified social credit code (GB 32100 check character computed here, independently).</summary>
    private static string NewCreditCode()
    {
        var body = "91410100" + new string(Enumerable.Range(0, 9).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray());
        var sum = body.Select((c, i) => Alphabet.IndexOf(c, StringComparison.Ordinal) * Weights[i]).Sum();
        var check = 31 - (sum % 31);
        return body + Alphabet[check == 31 ? 0 : check];
    }

    private async Task<Guid> NewEnterpriseOrganisationAsync(HttpClient office)
    {
        var code = "ent-" + Guid.NewGuid().ToString("N")[..8];
        var response = await office.PostAsJsonAsync("/api/v1/organisations", new { code, name = "测试企业" + code, kind = "enterprise" }, Ct);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static object Profile(Guid? organisationId, string creditCode, int? version = null) => new
    {
        organisationId,
        creditCode,
        legalRepresentative = "王建国",
        foundedOn = "2018-05-01",
        industry = "智能制造",
        projects = new[] { new { name = "智能产线", description = "示范产线", fundingFen = 123_456_78L, startsOn = "2024-01-01", endsOn = "2025-12-31" } },
        cooperations = new[] { new { partnerName = "郑州大学", description = "联合实验室", since = "2020-09-01" } },
        version,
    };

    [Fact]
    public async Task Create_ValidProfile_201WithProjectsAndCooperations()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var organisation = await NewEnterpriseOrganisationAsync(office);
        var creditCode = NewCreditCode();

        var response = await office.PostAsJsonAsync("/api/v1/enterprises", Profile(organisation, creditCode.ToLowerInvariant()), Ct);
        var view = await (await office.GetAsync(new Uri($"/api/v1/enterprises/{organisation}", UriKind.Relative), Ct)).ReadJsonAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        view.GetProperty("creditCode").GetString().ShouldBe(creditCode);
        view.GetProperty("name").GetString()!.ShouldStartWith("测试企业");
        view.GetProperty("projects")[0].GetProperty("fundingFen").GetInt64().ShouldBe(12_345_678);
        view.GetProperty("cooperations")[0].GetProperty("partnerName").GetString().ShouldBe("郑州大学");
    }

    [Theory]
    [InlineData("91350100M000100Y44", "credit_code.check_character")]
    [InlineData("91350100M000100Y4", "credit_code.length")]
    [InlineData("91350100M00O100Y43", "credit_code.format")]
    public async Task Create_InvalidCreditCode_400AndNothingStored(string creditCode, string code)
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var organisation = await NewEnterpriseOrganisationAsync(office);

        var response = await office.PostAsJsonAsync("/api/v1/enterprises", Profile(organisation, creditCode), Ct);
        var get = await office.GetAsync(new Uri($"/api/v1/enterprises/{organisation}", UriKind.Relative), Ct);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code)).GetProperty("errors").TryGetProperty("creditCode", out _).ShouldBeTrue();
        await get.ShouldBeProblemAsync(HttpStatusCode.NotFound, "talents.enterprise_not_found");
    }

    [Fact]
    public async Task Create_TwiceOrReusedCreditCode_409()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var first = await NewEnterpriseOrganisationAsync(office);
        var second = await NewEnterpriseOrganisationAsync(office);
        var creditCode = NewCreditCode();
        await office.PostAsJsonAsync("/api/v1/enterprises", Profile(first, creditCode), Ct);

        var twice = await office.PostAsJsonAsync("/api/v1/enterprises", Profile(first, NewCreditCode()), Ct);
        var reused = await office.PostAsJsonAsync("/api/v1/enterprises", Profile(second, creditCode), Ct);

        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict, "talents.enterprise_exists");
        await reused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "talents.credit_code_duplicate");
    }

    [Fact]
    public async Task Create_OrganisationThatIsNoEnterprise_400()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var response = await office.PostAsJsonAsync("/api/v1/enterprises", Profile(Guid.NewGuid(), NewCreditCode()), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "talents.enterprise_organisation_invalid");
    }

    [Fact]
    public async Task Create_BadProjectAndMissingFields_400WithPerFieldMessages()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var organisation = await NewEnterpriseOrganisationAsync(office);

        var response = await office.PostAsJsonAsync("/api/v1/enterprises", new
        {
            organisationId = organisation,
            creditCode = NewCreditCode(),
            projects = new[] { new { name = "", fundingFen = -1L, startsOn = "2025-01-01", endsOn = "2024-01-01" } },
        }, Ct);

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid")).GetProperty("errors");
        errors.TryGetProperty("legalRepresentative", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Create_ProjectErrors_ReportedPerItem()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var organisation = await NewEnterpriseOrganisationAsync(office);

        var response = await office.PostAsJsonAsync("/api/v1/enterprises", new
        {
            organisationId = organisation,
            creditCode = NewCreditCode(),
            legalRepresentative = "王建国",
            projects = new[] { new { name = "", fundingFen = -1L, startsOn = "2025-01-01", endsOn = "2024-01-01" } },
        }, Ct);

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid")).GetProperty("errors");
        errors.TryGetProperty("projects[0].name", out _).ShouldBeTrue();
        errors.TryGetProperty("projects[0].fundingFen", out _).ShouldBeTrue();
        errors.TryGetProperty("projects[0].endsOn", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task EnterpriseContact_SeesAndEditsOnlyOwnEnterprise()
    {
        var contact = await factory.CreateClientAsAsync("demo-enterprise");
        var own = await TalentsApi.OrganisationIdAsync(factory, "ENT-DEMO-001");
        var other = await TalentsApi.OrganisationIdAsync(factory, "ENT-DEMO-002");

        var list = await (await contact.GetAsync(new Uri("/api/v1/enterprises", UriKind.Relative), Ct)).ReadJsonAsync();
        var ownView = await (await contact.GetAsync(new Uri($"/api/v1/enterprises/{own}", UriKind.Relative), Ct)).ReadJsonAsync();
        var otherView = await contact.GetAsync(new Uri($"/api/v1/enterprises/{other}", UriKind.Relative), Ct);
        var otherEdit = await contact.PutAsJsonAsync($"/api/v1/enterprises/{other}", Profile(null, NewCreditCode()), Ct);
        var create = await contact.PostAsJsonAsync("/api/v1/enterprises", Profile(own, NewCreditCode()), Ct);

        list.EnumerateArray().Select(e => e.GetProperty("organisationId").GetGuid()).ShouldBe([own]);
        ownView.GetProperty("projects").GetArrayLength().ShouldBeGreaterThan(0);
        await otherView.ShouldBeProblemAsync(HttpStatusCode.NotFound, "talents.enterprise_not_found");
        await otherEdit.ShouldBeProblemAsync(HttpStatusCode.NotFound, "talents.enterprise_not_found");
        await create.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Update_ByTalentOffice_ReplacesListsAndStaleVersionConflicts()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var organisation = await NewEnterpriseOrganisationAsync(office);
        var creditCode = NewCreditCode();
        var created = await (await office.PostAsJsonAsync("/api/v1/enterprises", Profile(organisation, creditCode), Ct)).ReadJsonAsync();
        var version = created.GetProperty("version").GetInt32();

        var updated = await office.PutAsJsonAsync($"/api/v1/enterprises/{organisation}", new { creditCode, legalRepresentative = "李新", version }, Ct);
        var stale = await office.PutAsJsonAsync($"/api/v1/enterprises/{organisation}", new { creditCode, legalRepresentative = "赵旧", version }, Ct);
        var view = await (await office.GetAsync(new Uri($"/api/v1/enterprises/{organisation}", UriKind.Relative), Ct)).ReadJsonAsync();

        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict, "talents.version_conflict");
        view.GetProperty("legalRepresentative").GetString().ShouldBe("李新");
        view.GetProperty("projects").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("demo-bank")]
    [InlineData("demo-servicepoint")]
    [InlineData("demo-auditor")]
    [InlineData("demo-talent")]
    public async Task List_RolesWithoutAccess_403(string username)
    {
        var client = await factory.CreateClientAsAsync(username);

        var response = await client.GetAsync(new Uri("/api/v1/enterprises", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }
}
