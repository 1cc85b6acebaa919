using Microsoft.Playwright;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.HostBank;

/// <summary>The talent office's host-bank report (demo quarter: one compliant, one non-compliant enterprise) and the talent's host-bank page on a phone.</summary>
public sealed class HostBankPagesTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task OfficeReport_DemoQuarters_ShowCompliantAndNonCompliantWithCsvExport()
    {
        await SignInAsync("demo-talentoffice");

        await Page.GotoAsync("/host-bank");
        var quarter = await Page.Locator("[data-testid=quarter]").InputValueAsync();
        var outcomes = await Page.Locator("[data-testid=compliance-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.outcome)");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "host-bank-report.png"), FullPage = true });
        var year = int.Parse(quarter[..4], System.Globalization.CultureInfo.InvariantCulture);
        var n = quarter[5] - '0';
        await Page.GotoAsync($"/host-bank?quarter={(n == 1 ? $"{year - 1}Q4" : $"{year}Q{n - 1}")}");
        var earlier = await Page.Locator("[data-testid=compliance-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.outcome)");

        outcomes.Concat(earlier).ShouldContain("compliant");
        outcomes.Concat(earlier).ShouldContain("non_compliant");
        await Expect(Page.Locator("[data-testid=csv]")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("compliance\\.csv\\?quarter="));
    }

    [Fact]
    public async Task MyHostBank_OnAPhone_ShowsTheHostBankAndTheFoundedEnterprise()
    {
        await using var phone = await App.NewContextAsync(new ViewportSize { Width = 390, Height = 844 }, phone: true);
        var page = await phone.NewPageAsync();
        await SignInAsync(page, "demo-talent");

        await page.GotoAsync("/me/host-bank");

        await Expect(page.Locator("[data-testid=host-bank-name]")).ToContainTextAsync("中原银行");
        await Expect(page.Locator("[data-testid=enterprises] tbody tr")).Not.ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "my-host-bank-phone.png"), FullPage = true });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, "/me/host-bank scrolls sideways on a 390 px wide phone");
    }
}
