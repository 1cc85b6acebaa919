using Microsoft.Playwright;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Account;

/// <summary>Staff with many links get menus: the menu of the current page is marked and its links are shown below.</summary>
public sealed class NavigationTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task TalentOffice_OnTheServicesQueue_SeesTheServicesMenuActiveWithItsLinks()
    {
        await SignInAsync("demo-talentoffice");

        await Page.GotoAsync("/services/queue");

        await Expect(Page.Locator("[data-testid=nav-groups] a[aria-current=true]")).ToHaveAttributeAsync("data-group", "services");
        await Expect(Page.Locator("[data-testid=nav-sub] a[href='/services/queue']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("active"));
        await Expect(Page.Locator("[data-testid=nav-sub] a[href='/talents']")).ToHaveCountAsync(0);

        await Page.Locator("[data-testid=nav-groups] a[data-group=registry]").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/talents$"));
        await Expect(Page.Locator("[data-testid=nav-sub] a[href='/talents']")).ToBeVisibleAsync();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "navigation-talent-office.png") });
    }
}
