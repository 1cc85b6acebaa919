using System.Net;
using System.Text.RegularExpressions;
using TalentPass.IntegrationTests.Identity;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Recognition;

/// <summary>The recognition pages driven like a browser without JavaScript (cookie sign-in, anti-forgery form posts).</summary>
public sealed partial class RecognitionPagesTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmployerPage_ContactRecognisesAnEmployee_WithinTheQuota()
    {
        var office = await factory.CreateClientAsAsync(RecognitionApi.Office);
        var (enterprise, contact, _) = await RecognitionApi.EnterpriseWithContactAsync(factory);
        var employee = await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName(), level: "e", employerOrganisationId: enterprise);
        var year = BusinessTime.Today(TimeProvider.System).Year;
        await (await office.PutAsync(new Uri($"/api/v1/recognition/employers/{enterprise}/quotas/{year}/d", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { quota = 1 }), Ct)).ReadJsonAsync();
        var browser = await SignInAsync(contact, IdentityApi.StrongPassword);

        var page = await HtmlAsync(browser, "/recognition/employer");
        page.ShouldContain("data-testid=\"recognise-form\"");
        var done = await PostAsync(browser, "/recognition/employer", page, "self-recognise", new() { ["talentId"] = employee.ToString(), ["level"] = "d", ["reason"] = "技术骨干" });
        done.ShouldContain("证书 RC-");
        done.ShouldContain("data-testid=\"quota-remaining\">0<");
        var again = await PostAsync(browser, "/recognition/employer", page, "self-recognise", new() { ["talentId"] = employee.ToString(), ["level"] = "d", ["reason"] = "再次" });
        again.ShouldContain("data-error-code=\"recognition.not_an_upgrade\"");
    }

    [Fact]
    public async Task DetailPage_OfAnotherTalent_IsNotFound_AndTheCertificateCheckOfAnUnknownNumberIs404()
    {
        var (talent, _, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var id = await RecognitionApi.ApplyForReviewAsync(talent, "d");
        var otherName = IdentityApi.UniqueName("tal");
        var office = await factory.CreateClientAsAsync(RecognitionApi.Office);
        var account = await IdentityApi.CreateAccountAsync(office, otherName, [Roles.Talent], null);
        await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName(), level: "e", accountId: account.GetProperty("id").GetGuid());
        var other = await SignInAsync(otherName, IdentityApi.StrongPassword);

        var response = await other.GetAsync(new Uri($"/recognition/{id}", UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var officePage = await HtmlAsync(await SignInAsync(RecognitionApi.Office, TalentPassFactory.DemoPassword), $"/recognition/{id}");
        officePage.ShouldContain("data-testid=\"panel-form\"");
        (await factory.CreateAnonymousClient().GetAsync(new Uri("/recognition/verify/RC-1999-X-NOPE", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<HttpClient> SignInAsync(string username, string password)
    {
        var client = factory.CreateAnonymousClient();
        var html = await (await client.GetAsync(new Uri("/account/signin", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
        (await PostRawAsync(client, "/account/signin", html, "signin", new() { ["username"] = username, ["password"] = password })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return WebUtility.HtmlDecode(html);
    }

    private static async Task<string> PostAsync(HttpClient client, string path, string html, string handler, Dictionary<string, string> fields) =>
        WebUtility.HtmlDecode(await (await PostRawAsync(client, path, html, handler, fields)).Content.ReadAsStringAsync(Ct));

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string path, string html, string handler, Dictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = TokenPattern().Match(html).Groups[1].Value, ["_handler"] = handler };
        return client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form), Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
