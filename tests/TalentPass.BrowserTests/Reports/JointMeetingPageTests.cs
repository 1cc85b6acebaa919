using Microsoft.Playwright;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Reports;

/// <summary>The joint-meeting dashboard: a section per report source with inline-SVG bar charts and their tables, CSV link, print layout.</summary>
public sealed class JointMeetingPageTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Dashboard_ThisYear_DrawsChartsBesideTablesAndPrintsWithoutNavigation()
    {
        await SignInAsync("demo-talentoffice");

        await Page.GotoAsync("/reports/joint-meeting");
        await Page.Locator("#period").SelectOptionAsync("year");
        await Page.Locator("form.filters button[type=submit]").ClickAsync();
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("period=year"));

        var talents = Page.Locator("[data-testid=report-section][data-section=talents]");
        await Expect(talents.Locator("svg[role=img]").First).ToBeVisibleAsync();
        await Expect(talents.Locator("[data-testid=chart-table]").First).ToBeVisibleAsync();
        var registered = await talents.Locator("[data-testid=figure][data-key=registered_total]").GetAttributeAsync("data-value");
        long.Parse(registered!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        (await talents.Locator("svg rect").CountAsync()).ShouldBeGreaterThan(0);
        await Expect(Page.Locator("[data-testid=report-section][data-section=codes]")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=csv]")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("joint-meeting\\.csv\\?from="));
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "joint-meeting.png"), FullPage = true });

        (await Page.Locator("nav.nav:visible").CountAsync()).ShouldBeGreaterThan(0, "the navigation is shown on screen");
        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(Page.Locator("nav.nav:visible")).ToHaveCountAsync(0); // the menus and the links below them
        await Expect(Page.Locator("form.filters")).ToBeHiddenAsync();
        await Expect(talents.Locator("svg[role=img]").First).ToBeVisibleAsync();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "joint-meeting-print.png"), FullPage = true });
    }
}
