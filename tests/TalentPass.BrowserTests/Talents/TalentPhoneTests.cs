using Microsoft.Playwright;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Talents;

/// <summary>The talent's own pages on a phone-sized screen: readable without zooming or sideways scrolling.</summary>
public sealed class TalentPhoneTests(WebAppFixture app) : BrowserTest(app)
{
    [Theory]
    [InlineData("/me")]
    [InlineData("/me/profile")]
    public async Task TalentPage_OnAPhone_FitsTheScreenAndShowsNoFullIdNumber(string path)
    {
        await using var phone = await App.NewContextAsync(new ViewportSize { Width = 390, Height = 844 }, phone: true);
        var page = await phone.NewPageAsync();
        await SignInAsync(page, "demo-talent");

        await page.GotoAsync(path);

        await Expect(page.Locator("h1").First).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, $"{path} scrolls sideways on a 390 px wide phone");
        (await page.Locator("main").InnerTextAsync()).ShouldNotMatch(@"\d{17}[\dX]", "the talent's own ID number is shown masked unless asked for");
        if (path == "/me")
        {
            await Expect(page.Locator("[data-testid=hero-level]")).ToHaveTextAsync("C");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "me-phone.png"), FullPage = true });
        }
    }
}
