using System.Text.Json;
using Microsoft.Playwright;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Reviews;

/// <summary>A talent on a phone confirms their periodic review and downloads their data.</summary>
public sealed class ReviewAndPrivacyPhoneTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Talent_OnAPhone_ConfirmsTheReviewAndDownloadsTheirData()
    {
        await using var phone = await App.NewContextAsync(new ViewportSize { Width = 390, Height = 844 }, phone: true);
        var page = await phone.NewPageAsync();
        await SignInAsync(page, "demo-talent");

        await page.GotoAsync("/me/review");
        await Expect(page.Locator("[data-testid=my-review]")).ToHaveAttributeAsync("data-status", "pending");
        await FitsTheScreenAsync(page, "/me/review");
        await page.Locator("[data-testid=confirm]").ClickAsync();

        await Expect(page.Locator("[data-testid=notice]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=my-review]")).ToHaveAttributeAsync("data-status", "confirmed");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "me-review-phone.png"), FullPage = true });

        await page.GotoAsync("/me/privacy");
        await FitsTheScreenAsync(page, "/me/privacy");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=download]").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"talentpass-reviews-download-{Guid.NewGuid():N}.json");
        await download.SaveAsAsync(file);
        try
        {
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
            var sections = json.RootElement.GetProperty("sections");
            sections.GetProperty("talents").GetProperty("data").GetProperty("profile").GetProperty("name").GetString().ShouldNotBeNullOrEmpty();
            sections.GetProperty("reviews").GetProperty("data").GetProperty("reviews").EnumerateArray()
                .ShouldContain(r => r.GetProperty("status").GetString() == "confirmed");
        }
        finally
        {
            File.Delete(file);
        }

        await page.ReloadAsync();
        await Expect(page.Locator("[data-testid=access]").Filter(new() { HasText = "privacy.data_exported" }).First).ToBeVisibleAsync();
    }

    private static async Task FitsTheScreenAsync(IPage page, string path)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, $"{path} scrolls sideways on a 390 px wide phone");
    }
}
