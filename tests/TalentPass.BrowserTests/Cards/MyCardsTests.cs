using Microsoft.Playwright;
using TalentPass.BrowserTests.Codes;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Cards;

/// <summary>The talent's card page (/me/cards) on a phone: the fields to be shared are shown before consent, an application is sent with consent, and consent can be withdrawn.</summary>
public sealed class MyCardsTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task ApplyWithConsent_ThenWithdraw_ShowsSharedFieldsPendingApplicationAndWithdrawal()
    {
        await using var apiContext = await App.NewContextAsync();
        var talent = await new CodesApi(apiContext.APIRequest).CreateTalentAsync("d");
        await using var phone = await App.NewContextAsync(new ViewportSize { Width = 390, Height = 844 }, phone: true);
        var page = await phone.NewPageAsync();
        await SignInAsync(page, talent.Username, talent.Password);

        await page.GotoAsync("/me/cards");
        await Expect(page.Locator("[data-testid=no-cards]")).ToBeVisibleAsync();
        var fields = page.Locator("[data-testid=consent-fields] li");
        await Expect(fields).ToHaveCountAsync(5);
        await Expect(page.Locator("[data-testid=consent-fields]")).ToContainTextAsync("身份证号码");
        await Expect(page.Locator("[data-testid=consent-fields]")).ToContainTextAsync("手机号码");

        await page.Locator("[data-testid=partner-bank-icbc]").CheckAsync();
        await page.Locator("[data-testid=consent]").CheckAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "my-cards-apply-phone.png"), FullPage = true });
        await page.Locator("[data-testid=submit-application]").ClickAsync();

        await Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("授权已记录");
        var application = page.Locator("[data-testid=application]");
        await Expect(application).ToHaveCountAsync(1);
        await Expect(application).ToHaveAttributeAsync("data-status", "pending");
        await Expect(application).ToContainTextAsync("工商银行");
        await Expect(page.Locator("[data-testid=partner-bank-icbc]")).ToHaveCountAsync(0); // one open application per bank
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, "/me/cards scrolls sideways on a 390 px wide phone");

        await application.Locator("[data-testid=withdraw]").ClickAsync();

        await Expect(page.Locator("[data-testid=application]")).ToHaveAttributeAsync("data-status", "withdrawn");
        await Expect(page.Locator("[data-testid=application]")).ToContainTextAsync("已撤回授权");
        await Expect(page.Locator("[data-testid=partner-bank-icbc]")).ToHaveCountAsync(1);
    }
}
