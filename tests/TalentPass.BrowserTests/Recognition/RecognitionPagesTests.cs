using Microsoft.Playwright;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Recognition;

/// <summary>
/// The recognition journey in Chromium on the demo data: an expert (demo-department, in the demo expert pool) opens
/// the demo talent's open expert review, declares no conflict and scores; the demo talent prints the certificate of
/// their recognition as C and its verification link says it is valid.
/// </summary>
public sealed class RecognitionPagesTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task ExpertReview_ExpertDeclaresAndScores_SeesOnlyTheirOwnScore()
    {
        await SignInAsync("demo-department");
        await Page.GotoAsync("/recognition/reviews");
        var row = Page.Locator("[data-testid=review-row]").First;
        await Expect(row).ToContainTextAsync("待申报");
        await row.Locator("[data-testid=review-link]").ClickAsync();

        await Page.Locator("[data-testid=declare-submit]").ClickAsync();
        await Expect(Page.Locator("[data-testid=notice]")).ToContainTextAsync("已提交利益冲突申报");
        await Page.Locator("[data-testid=score-input]").FillAsync("88");
        await Page.Locator("#comment").FillAsync("研究成果突出（浏览器测试）");
        await Page.Locator("[data-testid=score-submit]").ClickAsync();
        await Expect(Page.Locator("[data-testid=notice]")).ToContainTextAsync("评分已提交");

        var mine = Page.Locator("[data-testid=panel-member][data-me=true]");
        await Expect(mine.Locator("[data-testid=member-score]")).ToHaveTextAsync("88");
        var others = Page.Locator("[data-testid=panel-member][data-me=false] [data-testid=member-score]");
        await Expect(others).ToHaveCountAsync(3);
        foreach (var score in await others.AllInnerTextsAsync())
        {
            score.ShouldBe("—"); // no other score is visible until the panel closes
        }

        await Expect(Page.Locator("[data-testid=score-form]")).ToHaveCountAsync(0); // a score is final
        await Page.GotoAsync("/recognition/reviews");
        await Expect(Page.Locator("[data-testid=review-row]").First).ToContainTextAsync("88");
    }

    [Fact]
    public async Task Certificate_TalentPrintsIt_ShowsLevelNumberAndAWorkingVerificationLink()
    {
        await SignInAsync("demo-talent");
        await Page.GotoAsync("/me/recognitions");
        var approved = Page.Locator("[data-testid=my-recognition]", new() { HasText = "已认定" });
        await Expect(approved).ToHaveCountAsync(1);
        await approved.Locator("a[href$='/certificate']").ClickAsync();

        var certificate = Page.Locator("[data-testid=certificate]");
        await Expect(certificate).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=certificate-level]")).ToContainTextAsync("C类 地方级领军人才");
        await Expect(Page.Locator("[data-testid=certificate-name]")).ToHaveTextAsync("张明华");
        var number = await Page.Locator("[data-testid=certificate-number]").InnerTextAsync();
        number.ShouldStartWith("RC-2024-C-");
        await Expect(certificate.Locator("svg")).ToHaveCountAsync(1); // the QR code of the verification link

        // printing hides the navigation and the buttons, keeps the certificate
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(Page.Locator("[data-testid=print]")).ToBeHiddenAsync();
        await Expect(certificate).ToBeVisibleAsync();
        await Page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "recognition-certificate.png"), FullPage = true });
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });

        var link = await Page.Locator("[data-testid=verify-link]").GetAttributeAsync("href");
        await using var anonymous = await App.NewContextAsync();
        var check = await anonymous.NewPageAsync();
        await check.GotoAsync(new Uri(link!).PathAndQuery);
        await Expect(check.Locator("[data-testid=verify-result]")).ToContainTextAsync("有效");
        await Expect(check.Locator("main")).ToContainTextAsync(number);
    }
}
