using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Services;

/// <summary>
/// One-thing services in Chromium: a youth talent applies with one click and sees the approval with its explanation;
/// a clerk finds an application in the department queue and approves it.
/// </summary>
public sealed class ServicesFlowTests(WebAppFixture app) : BrowserTest(app)
{
    private const string Password = "Svc#Test2026";

    [Fact]
    public async Task OneClick_YouthTalent_ApprovedWithinTheMinuteWithExplanation()
    {
        await using var apiContext = await App.NewContextAsync();
        var api = new ServicesBrowserApi(apiContext.APIRequest);
        var (username, _, _) = await api.TalentAsync("youth");

        await SignInAsync(username, Password);
        await Page.GotoAsync("/services");
        await Page.Locator("[data-testid=matter][data-code=youth-living-subsidy] a").ClickAsync();
        await Page.Locator("[data-testid=one-click]").ClickAsync();

        await Expect(Page.Locator("[data-testid=item-status]")).ToContainTextAsync("已办结");
        var explanation = Page.Locator("[data-testid=explanation]");
        await Expect(explanation).ToContainTextAsync("免审即享");
        await Expect(explanation).ToContainTextAsync("✓ 在本市正常缴纳社会保险");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "services-one-click.png"), FullPage = true });
        await Page.GotoAsync("/me/applications");
        await Expect(Page.Locator("[data-testid=application]").First).ToContainTextAsync("青年人才生活补贴");
    }

    [Fact]
    public async Task Queue_ClerkOpensTheApplicationAndApproves_StatusApproved()
    {
        await using var apiContext = await App.NewContextAsync();
        var api = new ServicesBrowserApi(apiContext.APIRequest);
        var (_, talent, idNumber) = await api.TalentAsync("d");
        var clerk = await api.ClerkAsync("dept-social");
        var reference = await api.WindowAsync(clerk, talent, idNumber, "talent-apartment", new Dictionary<string, string> { ["employment-proof"] = "在职证明.pdf" });

        await SignInAsync(clerk, Password);
        await Page.GotoAsync("/services/queue?q=" + reference);
        var row = Page.Locator("[data-testid=queue-row]", new() { HasText = reference });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("个工作日");
        await row.Locator("[data-testid=open]").ClickAsync();
        await Page.Locator("[data-testid=reason]").FillAsync("房源已落实");
        await Page.Locator("[data-testid=approve]").ClickAsync();

        await Expect(Page.Locator("[data-testid=notice]")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=item-status]")).ToContainTextAsync("已办结");
        await Expect(Page.Locator("[data-testid=history]")).ToContainTextAsync("房源已落实");
        await Page.GotoAsync("/services/queue?q=" + reference);
        await Expect(Page.Locator("[data-testid=queue-row]")).ToHaveCountAsync(0);
    }

    /// <summary>The API as the test's own client: talents, a department clerk and a window application.</summary>
    private sealed class ServicesBrowserApi(IAPIRequestContext http)
    {
        private static int sequence;

        public async Task<(string Username, string TalentId, string IdNumber)> TalentAsync(string level)
        {
            var office = await TokenAsync("demo-talentoffice", WebAppFixture.DemoPassword);
            var username = "svc-talent-" + Guid.NewGuid().ToString("N")[..8];
            var idNumber = YouthIdNumber();
            var account = await OkAsync(await http.PostAsync("/api/v1/accounts", new()
            {
                Headers = Bearer(office),
                DataObject = new { username, displayName = "一件事测试", password = Password, roles = new[] { "talent" }, organisationId = (Guid?)null },
            }));
            var talent = await OkAsync(await http.PostAsync("/api/v1/talents", new()
            {
                Headers = Bearer(office),
                DataObject = new { name = "事测" + Guid.NewGuid().ToString("N")[..4], idNumber, level, category = "engineering", accountId = account.GetProperty("id").GetString() },
            }));
            return (username, talent.GetProperty("id").GetString()!, idNumber);
        }

        public async Task<string> ClerkAsync(string organisationCode)
        {
            var office = await TokenAsync("demo-talentoffice", WebAppFixture.DemoPassword);
            var orgs = await OkAsync(await http.GetAsync("/api/v1/organisations?size=200&q=" + organisationCode, new() { Headers = Bearer(office) }));
            var org = orgs.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("code").GetString() == organisationCode).GetProperty("id").GetString();
            var username = "svc-clerk-" + Guid.NewGuid().ToString("N")[..8];
            await OkAsync(await http.PostAsync("/api/v1/accounts", new()
            {
                Headers = Bearer(office),
                DataObject = new { username, displayName = "窗口测试", password = Password, roles = new[] { "department" }, organisationId = org },
            }));
            return username;
        }

        /// <summary>Accepts an application at the clerk's window, the ID number typed from the talent's card.</summary>
        public async Task<string> WindowAsync(string clerk, string talentId, string idNumber, string matter, Dictionary<string, string> materials)
        {
            var token = await TokenAsync(clerk, Password);
            var application = await OkAsync(await http.PostAsync("/api/v1/services/window-applications", new()
            {
                Headers = Bearer(token),
                DataObject = new { talentId, idNumber, matters = new[] { new { code = matter, materials } } },
            }));
            return application.GetProperty("reference").GetString()!;
        }

        private async Task<string> TokenAsync(string username, string password) =>
            (await OkAsync(await http.PostAsync("/api/v1/auth/token", new() { DataObject = new { username, password } }))).GetProperty("access_token").GetString()!;

        private static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = "Bearer " + token };

        private static async Task<JsonElement> OkAsync(IAPIResponse response)
        {
            var text = await response.TextAsync();
            response.Ok.ShouldBeTrue($"HTTP {response.Status} {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }

        /// <summary>Born 2002 (a graduate within five years for the data-sharing stand-in), sequence 1xx–8xx (found everywhere).</summary>
        private static string YouthIdNumber()
        {
            var n = Interlocked.Increment(ref sequence) + Random.Shared.Next(0, 200) * 1000;
            var birth = new DateOnly(2002, 1, 1).AddDays(n % 300);
            var body = "410181" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (100 + Random.Shared.Next(0, 800)).ToString(CultureInfo.InvariantCulture);
            int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
            var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
            return body + "10X98765432"[sum % 11];
        }
    }
}
