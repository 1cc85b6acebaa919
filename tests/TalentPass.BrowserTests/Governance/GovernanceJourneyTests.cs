using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using TalentPass.BrowserTests.Codes;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Governance;

/// <summary>
/// The governance journey in the browser: a staff misuse report and the rule engine open a case under a rule with a
/// 0-working-day response period; the talent reads the notice and responds on a phone (/me/cases); the talent office
/// suspends on the case page; the talent appeals; the original decider is refused; a second officer upholds the appeal.
/// </summary>
public sealed class GovernanceJourneyTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task NoticeResponseDecisionAppeal_ThroughThePages_SuspendsThenReinstates()
    {
        await using var apiContext = await App.NewContextAsync();
        var http = apiContext.APIRequest;
        var codes = new CodesApi(http);
        var talent = await codes.CreateTalentAsync("d");
        var office = await codes.TokenAsync(CodesApi.TalentOffice);
        var rule = "b-" + Guid.NewGuid().ToString("N")[..10];
        await OkAsync(http.PostAsync("/api/v1/governance/rules", new()
        {
            Headers = Bearer(office),
            DataObject = new
            {
                code = rule,
                nameZh = "浏览器测试规则",
                nameEn = "Browser test rule",
                misuseReportsMin = 1,
                misuseReportsDays = 30,
                responseWorkingDays = 0,
                deciderRole = "talent_office",
                deciderNotSender = true,
                effect = "suspend_all",
            },
        }), "create the rule");
        await OkAsync(http.PostAsync("/api/v1/governance/misuse-reports", new() { Headers = Bearer(office), DataObject = new { talentId = talent.TalentId, description = "窗口发现他人持码 / someone else held the code" } }), "report misuse");
        await OkAsync(http.PostAsync("/api/v1/governance/evaluate", new() { Headers = Bearer(office), DataObject = new { talentId = talent.TalentId } }), "evaluate the rules");
        var cases = await OkAsync(http.GetAsync($"/api/v1/governance/cases?rule={rule}", new() { Headers = Bearer(office) }), "the case");
        var caseId = cases.GetProperty("items")[0].GetProperty("id").GetString()!;
        var second = await SecondOfficerAsync(http, office);

        // The talent reads the notice on a phone and responds.
        await using var phone = await App.NewContextAsync(new ViewportSize { Width = 390, Height = 844 }, phone: true);
        var talentPage = await phone.NewPageAsync();
        await SignInAsync(talentPage, talent.Username, talent.Password);
        await talentPage.GotoAsync("/me/cases");
        var mine = talentPage.Locator($"[data-testid=my-case][data-id='{caseId}']");
        await Expect(mine.Locator("[data-testid=my-case-status]")).ToHaveTextAsync("已告知，待决定");
        await mine.Locator("[data-testid=respond-text]").FillAsync("该码一直由本人使用。");
        await mine.Locator("[data-testid=respond]").ClickAsync();
        await Expect(talentPage.Locator($"[data-testid=my-case][data-id='{caseId}']")).ToContainTextAsync("该码一直由本人使用。");
        var overflow = await talentPage.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, "/me/cases scrolls sideways on a 390 px wide phone");

        // The talent office decides on the case page: suspended.
        await using var desk = await App.NewContextAsync();
        var officePage = await desk.NewPageAsync();
        await SignInAsync(officePage, CodesApi.TalentOffice);
        await officePage.GotoAsync($"/governance/cases/{caseId}");
        await Expect(officePage.Locator("[data-testid=response]")).ToHaveTextAsync("该码一直由本人使用。");
        await officePage.Locator("[data-testid=decide-reason]").FillAsync("经核实，举报属实。");
        await officePage.Locator("[data-testid=decide]").ClickAsync();
        await Expect(officePage.Locator("[data-testid=case-status]")).ToHaveTextAsync("已决定");
        await Expect(officePage.Locator("[data-testid=decision-row]")).ToContainTextAsync("暂停决定");
        await Expect(officePage.Locator("[data-testid=decision-row]")).ToContainTextAsync("#");

        // The talent appeals.
        await talentPage.GotoAsync("/me/cases");
        mine = talentPage.Locator($"[data-testid=my-case][data-id='{caseId}']");
        await Expect(mine.Locator("[data-testid=my-case-outcome]")).ToContainTextAsync("暂停全部权益");
        await mine.Locator("[data-testid=appeal-text]").FillAsync("举报有误，请复议。");
        await mine.Locator("[data-testid=appeal]").ClickAsync();
        await Expect(talentPage.Locator($"[data-testid=my-case][data-id='{caseId}'] [data-testid=my-appeal]")).ToContainTextAsync("待决定");

        // The original decider may not decide the appeal; a second officer upholds it.
        await officePage.GotoAsync($"/governance/cases/{caseId}");
        await officePage.Locator("[data-testid=appeal-reason]").FillAsync("维持 / uphold");
        await officePage.Locator("[data-testid=decide-appeal]").ClickAsync();
        await Expect(officePage.Locator("[data-error-code='governance.same_decider']")).ToBeVisibleAsync();

        await using var desk2 = await App.NewContextAsync();
        var secondPage = await desk2.NewPageAsync();
        await SignInAsync(secondPage, second.Username, second.Password);
        await secondPage.GotoAsync($"/governance/cases/{caseId}");
        await secondPage.Locator("[data-testid=appeal-reason]").FillAsync("举报人撤回举报。");
        await secondPage.Locator("[data-testid=decide-appeal]").ClickAsync();
        await Expect(secondPage.Locator("[data-testid=case-status]")).ToHaveTextAsync("已恢复");
        await Expect(secondPage.Locator("[data-testid=decision-row]")).ToHaveCountAsync(3);
        await secondPage.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "governance-case.png"), FullPage = true });

        await talentPage.GotoAsync("/me/cases");
        await Expect(talentPage.Locator($"[data-testid=my-case][data-id='{caseId}'] [data-testid=my-appeal]")).ToContainTextAsync("复议成立");
        await talentPage.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "governance-my-cases-phone.png"), FullPage = true });
    }

    private static async Task<(string Username, string Password)> SecondOfficerAsync(IAPIRequestContext http, string office)
    {
        var organisations = await OkAsync(http.GetAsync("/api/v1/organisations?q=talent-office&size=200", new() { Headers = Bearer(office) }), "organisations");
        var organisationId = organisations.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("code").GetString() == "talent-office").GetProperty("id").GetString();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var username = "officer-" + suffix;
        var password = "Officer#Test2026" + suffix;
        await OkAsync(http.PostAsync("/api/v1/accounts", new()
        {
            Headers = Bearer(office),
            DataObject = new { username, displayName = "复议人" + suffix[..4], password, roles = new[] { "talent_office" }, organisationId },
        }), "create a second officer");
        return (username, password);
    }

    private static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = "Bearer " + token };

    private static async Task<JsonElement> OkAsync(Task<IAPIResponse> call, string what)
    {
        var response = await call;
        var text = await response.TextAsync();
        response.Ok.ShouldBeTrue(string.Create(CultureInfo.InvariantCulture, $"{what}: HTTP {response.Status} {text}"));
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
