using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Identity.Persistence;

namespace TalentPass.IntegrationTests.Identity;

public sealed partial class AuthenticationTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Token_DemoCredentials_ReturnsBearerTokenForCurrentAccount()
    {
        var client = factory.CreateAnonymousClient();

        var response = await IdentityApi.RequestTokenAsync(client, "demo-department", TalentPassFactory.DemoPassword);
        var token = await response.ReadJsonAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        var me = await (await client.GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative), Ct)).ReadJsonAsync();

        token.GetProperty("token_type").GetString().ShouldBe("Bearer");
        token.GetProperty("expires_in").GetInt64().ShouldBeGreaterThan(0);
        me.GetProperty("username").GetString().ShouldBe("demo-department");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["department"]);
        me.GetProperty("organisation").GetProperty("kind").GetString().ShouldBe("department");
        me.GetProperty("organisation").GetProperty("name").GetString()!.ShouldContain("科技局");
    }

    [Fact]
    public async Task Token_WrongPassword_Returns401InvalidCredentials()
    {
        var response = await IdentityApi.RequestTokenAsync(factory.CreateAnonymousClient(), "demo-enterprise", "Wrong@12345");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }

    [Fact]
    public async Task Token_UnknownUser_ReturnsSameAnswerAsWrongPassword()
    {
        var response = await IdentityApi.RequestTokenAsync(factory.CreateAnonymousClient(), "no-such-user-" + Guid.NewGuid().ToString("N")[..8], "Wrong@12345");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }

    [Fact]
    public async Task Token_FiveWrongPasswords_LocksAccountUntilUnlocked()
    {
        var admin = await factory.CreateClientAsAsync("demo-talentoffice");
        var username = IdentityApi.UniqueName("lockme");
        var account = await IdentityApi.CreateAccountAsync(admin, username, ["talent"], null);
        var anonymous = factory.CreateAnonymousClient();

        for (var i = 1; i <= 4; i++)
        {
            await (await IdentityApi.RequestTokenAsync(anonymous, username, "Wrong#Pass2026")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        }

        var fifth = await IdentityApi.RequestTokenAsync(anonymous, username, "Wrong#Pass2026");
        await fifth.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "auth.locked_out");
        var correct = await IdentityApi.RequestTokenAsync(anonymous, username, IdentityApi.StrongPassword);
        await correct.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "auth.locked_out");
        correct.Headers.RetryAfter.ShouldNotBeNull();

        var unlocked = await admin.PostAsync(new Uri($"/api/v1/accounts/{account.GetProperty("id").GetGuid()}/unlock", UriKind.Relative), null, Ct);
        (await unlocked.ReadJsonAsync()).GetProperty("isLockedOut").GetBoolean().ShouldBeFalse();
        (await IdentityApi.RequestTokenAsync(anonymous, username, IdentityApi.StrongPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_DeactivatedAccount_Returns403AccountDisabled()
    {
        var admin = await factory.CreateClientAsAsync("demo-talentoffice");
        var username = IdentityApi.UniqueName("inactive");
        var account = await IdentityApi.CreateAccountAsync(admin, username, ["talent"], null);
        (await admin.PostAsync(new Uri($"/api/v1/accounts/{account.GetProperty("id").GetGuid()}/deactivate", UriKind.Relative), null, Ct)).EnsureSuccessStatusCode();

        var response = await IdentityApi.RequestTokenAsync(factory.CreateAnonymousClient(), username, IdentityApi.StrongPassword);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.account_disabled");
    }

    [Fact]
    public async Task BrowserSession_AccountDeactivated_RefusedAtOnceAndCookieCleared()
    {
        var admin = await factory.CreateClientAsAsync("demo-talentoffice");
        var username = IdentityApi.UniqueName("session");
        var account = await IdentityApi.CreateAccountAsync(admin, username, ["talent"], null);
        var browser = await SignInWithFormAsync(username, IdentityApi.StrongPassword, "/me");
        (await browser.GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.PostAsync(new Uri($"/api/v1/accounts/{account.GetProperty("id").GetGuid()}/deactivate", UriKind.Relative), null, Ct)).EnsureSuccessStatusCode();
        var refused = await browser.GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative), Ct);

        await refused.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        refused.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("tp.auth=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SignInPage_LinksToThePublicEvidenceCheck()
    {
        var client = factory.CreateAnonymousClient();

        var html = await client.GetStringAsync(new Uri("/account/signin", UriKind.Relative), Ct);
        var evidence = await client.GetAsync(new Uri("/evidence/verify", UriKind.Relative), Ct);

        html.ShouldContain("href=\"/evidence/verify\" data-testid=\"evidence-link\"");
        evidence.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ApiWithoutCredentials_Returns401ProblemNotRedirect()
    {
        var response = await factory.CreateAnonymousClient().GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task PageWithoutCookie_RedirectsToSignInWithReturnUrl()
    {
        var response = await factory.CreateAnonymousClient().GetAsync(new Uri("/accounts", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/signin?returnUrl=%2Faccounts");
    }

    [Fact]
    public async Task BrowserSignIn_CookieOnForbiddenApi_Returns403ProblemNotRedirect()
    {
        var browser = await SignInWithFormAsync("demo-bank", TalentPassFactory.DemoPassword, "/organisations");

        var page = await browser.GetAsync(new Uri("/organisations", UriKind.Relative), Ct);
        var api = await browser.GetAsync(new Uri("/api/v1/accounts", UriKind.Relative), Ct);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync(Ct)).ShouldContain("bank-zhongyuan");
        await api.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task BrowserSignIn_WrongPassword_ShowsErrorAndSetsNoCookie()
    {
        var client = factory.CreateAnonymousClient();
        var token = await ReadSignInFormAsync(client, "/account/signin");

        var response = await client.PostAsync(
            new Uri("/account/signin", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "signin",
                ["username"] = "demo-bank",
                ["password"] = "Wrong@12345",
            }),
            Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("data-error-code=\"auth.invalid_credentials\"");
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(c => c.StartsWith("tp.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BrowserSignIn_ForeignReturnUrl_RedirectsHome()
    {
        var client = factory.CreateAnonymousClient();
        var form = await ReadSignInFormAsync(client, "/account/signin?returnUrl=%2F%2Fevil.example%2F");

        var response = await PostSignInAsync(client, form, "/account/signin?returnUrl=%2F%2Fevil.example%2F", "demo-operator", TalentPassFactory.DemoPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldNotContain("evil");
    }

    [Fact]
    public async Task DataProtectionKeys_AreStoredInTheDatabase()
    {
        await IdentityApi.RequestTokenAsync(factory.CreateAnonymousClient(), "demo-auditor", TalentPassFactory.DemoPassword);

        var count = await factory.WithScopeAsync(sp => sp.GetRequiredService<IdentityDbContext>().DataProtectionKeys.CountAsync(Ct));

        count.ShouldBeGreaterThan(0);
    }

    private async Task<HttpClient> SignInWithFormAsync(string username, string password, string returnUrl)
    {
        var client = factory.CreateAnonymousClient();
        var path = "/account/signin?returnUrl=" + Uri.EscapeDataString(returnUrl);
        var form = await ReadSignInFormAsync(client, path);
        var response = await PostSignInAsync(client, form, path, username, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Ct));
        response.Headers.Location!.ToString().ShouldEndWith(returnUrl);
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("tp.auth=", StringComparison.Ordinal));
        return client; // the factory's client keeps cookies like a browser
    }

    private static async Task<string> ReadSignInFormAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("id=\"username\"");
        html.ShouldContain("id=\"password\"");
        return TokenPattern().Match(html).Groups[1].Value;
    }

    private static Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string token, string path, string username, string password) =>
        client.PostAsync(
            new Uri(path, UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "signin",
                ["username"] = username,
                ["password"] = password,
            }),
            Ct);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
