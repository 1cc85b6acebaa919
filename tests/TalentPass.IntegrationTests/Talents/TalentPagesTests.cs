using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.Talents;

/// <summary>The server-rendered pages, driven like a browser without JavaScript: cookie sign-in, GET forms, POST forms with anti-forgery tokens.</summary>
public sealed partial class TalentPagesTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> BrowserAsync(string username, string password = TalentPassFactory.DemoPassword)
    {
        var client = factory.CreateAnonymousClient();
        var html = await (await client.GetAsync(new Uri("/account/signin", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
        var response = await client.PostAsync(new Uri("/account/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(html),
            ["_handler"] = "signin",
            ["username"] = username,
            ["password"] = password,
        }), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return WebUtility.HtmlDecode(html);
    }

    private static async Task<string> PostAsync(HttpClient client, string path, string html, string handler, Dictionary<string, string>? fields = null)
    {
        var form = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = Token(html), ["_handler"] = handler };
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form), Ct);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    private static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    [Fact]
    public async Task TalentsPage_SearchBoxTakesNameOrIdSuffix_LinksToDetail()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var idNumber = TalentsApi.NewIdNumber();
        var name = TalentsApi.UniqueName();
        var id = await TalentsApi.RegisterAsync(office, name, idNumber: idNumber);
        var browser = await BrowserAsync("demo-talentoffice");

        var byName = await HtmlAsync(browser, "/talents?q=" + Uri.EscapeDataString(name));
        var bySuffix = await HtmlAsync(browser, $"/talents?q={idNumber[^4..]}&employer=");

        byName.ShouldContain("id=\"q\"");
        byName.ShouldContain("<table class=\"data\"");
        byName.ShouldContain($"href=\"/talents/{id}\" data-testid=\"talent-link\">{name}</a>");
        bySuffix.ShouldContain($"href=\"/talents/{id}\"");
        bySuffix.ShouldContain(idNumber[..4] + "**********" + idNumber[^4..]);
    }

    [Fact]
    public async Task TalentsPage_Auditor_IsTurnedAway()
    {
        var browser = await BrowserAsync("demo-auditor");

        var response = await browser.GetAsync(new Uri("/talents", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/denied");
    }

    [Fact]
    public async Task TalentDetail_ShowFullDetails_UnmasksAndLevelFormChangesLevel()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var idNumber = TalentsApi.NewIdNumber();
        var id = await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName(), level: "d", idNumber: idNumber);
        var browser = await BrowserAsync("demo-talentoffice");
        var path = $"/talents/{id}";

        var masked = await HtmlAsync(browser, path);
        var unmasked = await PostAsync(browser, path, masked, "unmask");
        var changed = await PostAsync(browser, path, masked, "level", new() { ["level"] = "a", ["category"] = "science", ["reason"] = "顶尖人才认定" });

        masked.ShouldNotContain(idNumber);
        masked.ShouldContain("data-testid=\"unmask\"");
        masked.ShouldContain("data-testid=\"provenance-verified\"");
        unmasked.ShouldContain($"data-testid=\"id-number\">{idNumber}<");
        unmasked.ShouldContain("data-testid=\"phone\">13812345678<");
        changed.ShouldContain("data-testid=\"notice\"");
        changed.ShouldContain("data-testid=\"talent-level\">A类 顶尖人才");
    }

    [Fact]
    public async Task TalentDetail_Department_NoShowButtonNoLevelForm()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var id = await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName());
        var browser = await BrowserAsync("demo-department");

        var html = await HtmlAsync(browser, $"/talents/{id}");

        html.ShouldContain("138****5678");
        html.ShouldNotContain("data-testid=\"unmask\"");
        html.ShouldNotContain("data-testid=\"level-form\"");
    }

    [Fact]
    public async Task TalentDetail_EnterpriseContactOtherEmployer_NotFound()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var name = TalentsApi.UniqueName();
        var id = await TalentsApi.RegisterAsync(office, name, employerOrganisationId: await TalentsApi.OrganisationIdAsync(factory, "ENT-DEMO-002"));
        var browser = await BrowserAsync("demo-enterprise");

        var response = await browser.GetAsync(new Uri($"/talents/{id}", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain(name);
    }

    [Fact]
    public async Task MePages_DemoTalent_HeroAndProfileFormWithVerifiedHints()
    {
        var browser = await BrowserAsync("demo-talent");

        var me = await HtmlAsync(browser, "/me");
        var profile = await HtmlAsync(browser, "/me/profile");

        me.ShouldContain("data-testid=\"talent-hero\"");
        me.ShouldContain("张*华");
        me.ShouldContain("data-testid=\"code-link\"");
        profile.ShouldContain("data-testid=\"profile-form\"");
        profile.ShouldContain("id=\"education_school\"");
        profile.ShouldContain("data-testid=\"verified-hint\"");
    }

    [Fact]
    public async Task ProfileAndQueue_VerifiedChangeViaForm_ThenApprovedOnQueuePage()
    {
        var (api, talentId, username) = await TalentsApi.TalentWithAccountAsync(factory);
        var talent = await BrowserAsync(username, Identity.IdentityApi.StrongPassword);
        var form = await HtmlAsync(talent, "/me/profile");
        var school = "河南大学" + Guid.NewGuid().ToString("N")[..6];

        var saved = await PostAsync(talent, "/me/profile", form, "profile", new()
        {
            ["name"] = WebUtility.HtmlDecode(NameValue().Match(form).Groups[1].Value),
            ["education_school"] = school,
            ["education_major"] = "应用物理",
        });
        var office = await BrowserAsync("demo-talentoffice");
        var queue = await HtmlAsync(office, "/change-requests?status=pending");
        var row = RowPattern().Matches(queue).Single(m => m.Value.Contains(school, StringComparison.Ordinal));
        var requestId = Guid.Parse(row.Groups[1].Value);
        var approved = await PostAsync(office, "/change-requests", queue, $"approve-{requestId:N}");
        var profile = await (await api.GetAsync(new Uri("/api/v1/me/profile", UriKind.Relative), Ct)).ReadJsonAsync();

        saved.ShouldContain("data-testid=\"notice\"");
        saved.ShouldContain("已提交人才办审核");
        row.Value.ShouldContain("data-testid=\"approve\"");
        approved.ShouldContain("data-testid=\"notice\"");
        profile.GetProperty("id").GetGuid().ShouldBe(talentId);
        profile.GetProperty("education").GetProperty("school").GetString().ShouldBe(school);
        profile.GetProperty("education").GetProperty("major").GetString().ShouldBe("应用物理");
    }

    [Fact]
    public async Task MyProfile_ShowFullDetails_OwnDataUnmaskedAndAudited()
    {
        var (_, talentId, username) = await TalentsApi.TalentWithAccountAsync(factory);
        var talent = await BrowserAsync(username, Identity.IdentityApi.StrongPassword);
        var form = await HtmlAsync(talent, "/me/profile");

        var shown = await PostAsync(talent, "/me/profile", form, "unmask");
        var audit = await (await (await factory.CreateClientAsAsync("demo-auditor"))
            .GetAsync(new Uri($"/api/v1/audit/events?action=talents.personal_data_read&subjectId={talentId}", UriKind.Relative), Ct)).ReadJsonAsync();

        form.ShouldContain("data-testid=\"phone\">138****5678<");
        shown.ShouldContain("data-testid=\"phone\">13812345678<");
        shown.ShouldContain("data-testid=\"unmasked\"");
        audit.GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task MyProfile_InvalidYear_FieldErrorInChineseAndNothingSaved()
    {
        var (api, _, username) = await TalentsApi.TalentWithAccountAsync(factory);
        var talent = await BrowserAsync(username, Identity.IdentityApi.StrongPassword);
        var form = await HtmlAsync(talent, "/me/profile");

        var refused = await PostAsync(talent, "/me/profile", form, "profile", new()
        {
            ["name"] = WebUtility.HtmlDecode(NameValue().Match(form).Groups[1].Value),
            ["education_major"] = "化学",
            ["education_graduation_year"] = "1800",
        });
        var profile = await (await api.GetAsync(new Uri("/api/v1/me/profile", UriKind.Relative), Ct)).ReadJsonAsync();

        refused.ShouldContain("data-error-code=\"request.invalid\"");
        refused.ShouldContain("毕业年份: 请输入1940至");
        refused.ShouldNotContain("Enter a year");
        refused.ShouldNotContain("data-testid=\"notice\"");
        profile.GetProperty("education").GetProperty("major").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task ChangeRequestsPage_RejectWithoutReason_ShowsErrorAndKeepsPending()
    {
        var (api, _, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var school = "清华大学" + Guid.NewGuid().ToString("N")[..6];
        await api.PutAsJsonAsync("/api/v1/me/profile", new { educationSchool = school }, Ct);
        var office = await BrowserAsync("demo-talentoffice");
        var queue = await HtmlAsync(office, "/change-requests");
        var row = RowPattern().Matches(queue).Single(m => m.Value.Contains(school, StringComparison.Ordinal));

        var refused = await PostAsync(office, "/change-requests", queue, $"reject-{Guid.Parse(row.Groups[1].Value):N}", new() { ["reason"] = " " });

        refused.ShouldContain("data-error-code=\"talents.reason_required\"");
        RowPattern().Matches(refused).ShouldContain(m => m.Value.Contains(school, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnterprisesPages_ContactSeesOwnEnterpriseWithProjects()
    {
        var browser = await BrowserAsync("demo-enterprise");

        var list = await HtmlAsync(browser, "/enterprises");
        var link = EnterpriseLink().Matches(list).ShouldHaveSingleItem();
        var detail = await HtmlAsync(browser, $"/enterprises/{link.Groups[1].Value}");

        detail.ShouldContain("data-testid=\"credit-code\"");
        detail.ShouldContain("data-testid=\"projects\"");
        detail.ShouldContain("data-testid=\"cooperations\"");
    }

    [GeneratedRegex("<tr data-testid=\"change-request\" data-id=\"([0-9a-f-]+)\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<input id=\"name\" name=\"name\" value=\"([^\"]*)\"")]
    private static partial Regex NameValue();

    [GeneratedRegex("href=\"/enterprises/([0-9a-f-]+)\" data-testid=\"enterprise-link\"")]
    private static partial Regex EnterpriseLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
