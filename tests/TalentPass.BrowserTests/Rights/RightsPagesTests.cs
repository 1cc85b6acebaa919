using Microsoft.Playwright;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Rights;

/// <summary>A level-B talent sees his rights and his mother on a phone; the talent office edits a right and sees the new revision in its history.</summary>
public sealed class RightsPagesTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task MyRights_LevelBTalentOnPhone_SeesMedicalGreenChannelAtTheHospitalAndHisMother()
    {
        await using var phone = await App.NewContextAsync(new ViewportSize { Width = 390, Height = 844 }, phone: true);
        var page = await phone.NewPageAsync();
        await SignInAsync(page, "demo-leader");

        await page.GotoAsync("/me/rights");

        var medical = page.Locator("[data-testid=my-right][data-code=medical-green-channel]");
        await Expect(medical).ToContainTextAsync("就医绿色通道");
        await Expect(medical.Locator("[data-testid=where]")).ToContainTextAsync("人才定点医院（示例）");
        await Expect(medical).ToContainTextAsync("父母");
        await Expect(page.Locator("[data-testid=my-right][data-code=school-priority]")).ToHaveCountAsync(0); // C/D only
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, "/me/rights scrolls sideways on a 390 px wide phone");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "my-rights-phone.png"), FullPage = true });

        await page.GotoAsync("/me/family");
        await Expect(page.Locator("[data-testid=family-member][data-relation=parent]")).ToContainTextAsync("刘*兰");
    }

    [Fact]
    public async Task EditRight_TalentOffice_SavesNewRevisionShownInHistory()
    {
        await using var context = await App.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "demo-talentoffice");
        await page.GotoAsync("/rights/catalogue?q=rent-free-housing");
        await page.Locator("[data-testid=right-row][data-code=rent-free-housing] [data-testid=right-link]").ClickAsync();
        var before = int.Parse(await page.Locator("[data-testid=revision]").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        await page.Locator("[data-testid=value-yuan]").FillAsync("88");
        await page.Locator("[data-testid=note]").FillAsync("浏览器测试：调整金额");
        await page.Locator("[data-testid=save]").ClickAsync();

        await Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync($"版本 {before + 1}");
        await Expect(page.Locator("[data-testid=value]")).ToContainTextAsync("88");
        var latest = page.Locator("[data-testid=history-row]").First;
        await Expect(latest).ToContainTextAsync("valueFen");
        await Expect(latest).ToContainTextAsync("浏览器测试：调整金额");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "rights-catalogue-edit.png"), FullPage = true });
    }
}
