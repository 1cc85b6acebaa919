using Microsoft.Playwright;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Talents;

public sealed class TalentListTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task TalentList_SignedInAsTalentOffice_ShowsDemoTalentsWithoutFullIdNumbers()
    {
        await SignInAsync("demo-talentoffice");

        await Page.GotoAsync("/talents");

        var rows = Page.Locator("table.data tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        (await rows.CountAsync()).ShouldBeGreaterThan(1);
        (await Page.Locator("main").InnerTextAsync()).ShouldNotMatch(@"\d{17}[\dX]", "a list shows ID numbers masked (4101**********1234), never in full");
        await SaveScreenshotAsync("talents.png");
    }

    /// <summary>
    /// With <c>TALENTPASS_SCREENSHOTS=1</c> the README's screenshot <c>docs/images/&lt;name&gt;</c> is refreshed;
    /// otherwise it goes to <c>artifacts/browser/</c> so every run still renders the page in full.
    /// </summary>
    private async Task SaveScreenshotAsync(string name)
    {
        var directory = Environment.GetEnvironmentVariable("TALENTPASS_SCREENSHOTS") == "1"
            ? Directory.CreateDirectory(Path.Combine(WebAppFixture.RepositoryRoot, "docs", "images")).FullName
            : WebAppFixture.ArtifactsDirectory;
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name), FullPage = true });
    }
}
