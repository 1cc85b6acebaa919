using System.Net;
using System.Net.Http.Json;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.Identity;

public sealed class AccountsApiTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string, string, string?, HttpStatusCode, string> InvalidAccounts => new()
    {
        // username, displayName, password, role, organisation code, status, code
        { "ab", "测试", IdentityApi.StrongPassword, "talent", null, HttpStatusCode.BadRequest, "identity.username_invalid" },
        { "Has Space", "测试", IdentityApi.StrongPassword, "talent", null, HttpStatusCode.BadRequest, "identity.username_invalid" },
        { "x" + new string('a', 64), "测试", IdentityApi.StrongPassword, "talent", null, HttpStatusCode.BadRequest, "identity.username_invalid" },
        { "{u}", "测试", "Short1!", "talent", null, HttpStatusCode.BadRequest, "identity.password_weak" },
        { "{u}", "测试", "NoDigitsHere!!", "talent", null, HttpStatusCode.BadRequest, "identity.password_weak" },
        { "{u}", "测试", "NoSymbol12345", "talent", null, HttpStatusCode.BadRequest, "identity.password_weak" },
        { "{u}", "测试", "Aa1!" + new string('x', 130), "talent", null, HttpStatusCode.BadRequest, "identity.password_weak" },
        { "{u}", "", IdentityApi.StrongPassword, "talent", null, HttpStatusCode.BadRequest, "identity.display_name_invalid" },
        { "{u}", new string('名', 101), IdentityApi.StrongPassword, "talent", null, HttpStatusCode.BadRequest, "identity.display_name_invalid" },
        { "{u}", "测试", IdentityApi.StrongPassword, "wizard", null, HttpStatusCode.BadRequest, "identity.role_unknown" },
        { "{u}", "测试", IdentityApi.StrongPassword, "partner_staff", "talent-office", HttpStatusCode.BadRequest, "identity.role_organisation_mismatch" },
        { "{u}", "测试", IdentityApi.StrongPassword, "talent", "bank-zhongyuan", HttpStatusCode.BadRequest, "identity.role_organisation_mismatch" },
        { "{u}", "测试", IdentityApi.StrongPassword, "department", null, HttpStatusCode.BadRequest, "identity.role_organisation_mismatch" },
        { "{u}", "测试", IdentityApi.StrongPassword, "auditor", "bank-zhongyuan", HttpStatusCode.BadRequest, "identity.role_organisation_mismatch" },
        { "demo-bank", "测试", IdentityApi.StrongPassword, "partner_staff", "bank-zhongyuan", HttpStatusCode.Conflict, "identity.username_taken" },
    };

    [Theory]
    [MemberData(nameof(InvalidAccounts))]
    public async Task CreateAccount_InvalidInput_ReturnsCodeAndCreatesNothing(
        string username, string displayName, string password, string role, string? organisationCode, HttpStatusCode status, string code)
    {
        var admin = await factory.CreateClientAsAsync("demo-talentoffice");
        username = username.Replace("{u}", IdentityApi.UniqueName("bad"), StringComparison.Ordinal);
        Guid? organisationId = organisationCode is null ? null : await IdentityApi.OrganisationIdAsync(admin, organisationCode);
        var before = await CountAsync(admin, "测试");

        var response = await admin.PostAsJsonAsync("/api/v1/accounts", new { username, displayName, password, roles = new[] { role }, organisationId }, Ct);

        await response.ShouldBeProblemAsync(status, code);
        (await CountAsync(admin, "测试")).ShouldBe(before);
    }

    [Fact]
    public async Task CreateAccount_NoRoles_Returns400RolesRequired()
    {
        var admin = await factory.CreateClientAsAsync("demo-talentoffice");

        var response = await admin.PostAsJsonAsync(
            "/api/v1/accounts",
            new { username = IdentityApi.UniqueName("noroles"), displayName = "测试", password = IdentityApi.StrongPassword, roles = Array.Empty<string>() },
            Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "identity.roles_required");
    }

    [Fact]
    public async Task CreateAccount_UsernameInMixedCase_IsStoredLowerCaseAndCanSignIn()
    {
        var admin = await factory.CreateClientAsAsync("demo-talentoffice");
        var username = IdentityApi.UniqueName("Mixed");
        var bank = await IdentityApi.OrganisationIdAsync(admin, "bank-icbc");

        var account = await IdentityApi.CreateAccountAsync(admin, username, ["partner_staff"], bank);
        var token = await IdentityApi.RequestTokenAsync(factory.CreateAnonymousClient(), username.ToUpperInvariant(), IdentityApi.StrongPassword);

        account.GetProperty("username").GetString().ShouldBe(username.ToLowerInvariant());
        token.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CreateAccount_OperatorGrantsTalentOffice_Returns403RoleNotGrantable()
    {
        var operatorClient = await factory.CreateClientAsAsync("demo-operator");
        var office = await IdentityApi.OrganisationIdAsync(operatorClient, "talent-office");
        var username = IdentityApi.UniqueName("opgrant");

        var response = await operatorClient.PostAsJsonAsync(
            "/api/v1/accounts",
            new { username, displayName = "测试", password = IdentityApi.StrongPassword, roles = new[] { "talent_office" }, organisationId = office },
            Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.role_not_grantable");
        (await IdentityApi.RequestTokenAsync(factory.CreateAnonymousClient(), username, IdentityApi.StrongPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SetRoles_OperatorAddsAuditor_Returns403AndKeepsRoles()
    {
        var admin = await factory.CreateClientAsAsync("demo-talentoffice");
        var operatorClient = await factory.CreateClientAsAsync("demo-operator");
        var office = await IdentityApi.OrganisationIdAsync(admin, "talent-office");
        var account = await IdentityApi.CreateAccountAsync(admin, IdentityApi.UniqueName("officer"), ["talent_office"], office);
        var id = account.GetProperty("id").GetGuid();

        var response = await operatorClient.PutAsJsonAsync($"/api/v1/accounts/{id}/roles", new { roles = new[] { "talent_office", "auditor" } }, Ct);
        var after = await (await admin.GetAsync(new Uri($"/api/v1/accounts/{id}", UriKind.Relative), Ct)).ReadJsonAsync();

        (response.StatusCode == HttpStatusCode.Forbidden).ShouldBeTrue();
        after.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["talent_office"]);
    }

    [Fact]
    public async Task SetRoles_OwnAccount_Returns403SelfRoleChange()
    {
        var admin = await factory.CreateClientAsAsync("demo-talentoffice");
        var me = await (await admin.GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative), Ct)).ReadJsonAsync();

        var response = await admin.PutAsJsonAsync($"/api/v1/accounts/{me.GetProperty("id").GetGuid()}/roles", new { roles = new[] { "talent_office", "auditor" } }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.self_role_change");
    }

    [Fact]
    public async Task SetRoles_ByTalentOffice_IsAuditedAndVisibleToAuditor()
    {
        var admin = await factory.CreateClientAsAsync("demo-talentoffice");
        var auditor = await factory.CreateClientAsAsync("demo-auditor");
        var department = await IdentityApi.OrganisationIdAsync(admin, "dept-finance");
        var account = await IdentityApi.CreateAccountAsync(admin, IdentityApi.UniqueName("promote"), ["department"], department);
        var id = account.GetProperty("id").GetGuid();

        var changed = await admin.PutAsJsonAsync($"/api/v1/accounts/{id}/roles", new { roles = new[] { "department", "auditor" } }, Ct);
        var events = await (await auditor.GetAsync(new Uri($"/api/v1/audit/events?action=identity.roles_changed&subjectType=account&subjectId={id}", UriKind.Relative), Ct)).ReadJsonAsync();

        (await changed.ReadJsonAsync()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["auditor", "department"]);
        var item = events.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        item.GetProperty("actorName").GetString().ShouldBe("demo-talentoffice");
        item.GetProperty("actorRoles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["talent_office"]);
        item.GetProperty("detail").GetString()!.ShouldContain("[department] -> [auditor,department]");
        item.GetProperty("succeeded").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("demo-bank")]
    [InlineData("demo-department")]
    [InlineData("demo-auditor")]
    [InlineData("demo-talent")]
    public async Task AccountsApi_NonAdministrator_Returns403(string username)
    {
        var client = await factory.CreateClientAsAsync(username);

        var response = await client.GetAsync(new Uri("/api/v1/accounts", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task SearchAccounts_ByRoleAndOrganisation_FindsOnlyMatches()
    {
        var admin = await factory.CreateClientAsAsync("demo-talentoffice");
        var bank = await IdentityApi.OrganisationIdAsync(admin, "bank-zhongyuan");

        var page = await (await admin.GetAsync(new Uri($"/api/v1/accounts?role=partner_staff&organisationId={bank}&q=demo", UriKind.Relative), Ct)).ReadJsonAsync();

        page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("username").GetString()).ShouldBe(["demo-bank"]);
    }

    [Fact]
    public async Task SetPassword_Weak_Returns400AndOldPasswordStillWorks()
    {
        var admin = await factory.CreateClientAsAsync("demo-talentoffice");
        var username = IdentityApi.UniqueName("pwd");
        var account = await IdentityApi.CreateAccountAsync(admin, username, ["talent"], null);

        var response = await admin.PostAsJsonAsync($"/api/v1/accounts/{account.GetProperty("id").GetGuid()}/password", new { password = "weak" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "identity.password_weak");
        (await IdentityApi.RequestTokenAsync(factory.CreateAnonymousClient(), username, IdentityApi.StrongPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Deactivate_ExistingToken_StopsWorkingAtOnce()
    {
        var admin = await factory.CreateClientAsAsync("demo-talentoffice");
        var username = IdentityApi.UniqueName("session");
        var account = await IdentityApi.CreateAccountAsync(admin, username, ["talent"], null);
        var user = await factory.CreateClientAsAsync(username, IdentityApi.StrongPassword);
        (await user.GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.PostAsync(new Uri($"/api/v1/accounts/{account.GetProperty("id").GetGuid()}/deactivate", UriKind.Relative), null, Ct)).EnsureSuccessStatusCode();
        var after = await user.GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative), Ct);

        await after.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    private static async Task<long> CountAsync(HttpClient admin, string q)
    {
        var page = await (await admin.GetAsync(new Uri($"/api/v1/accounts?q={Uri.EscapeDataString(q)}&size=1", UriKind.Relative), Ct)).ReadJsonAsync();
        return page.GetProperty("total").GetInt64();
    }
}
