using Microsoft.Playwright;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Codes;

/// <summary>
/// The talent's code page (/me/code): a large QR that refreshes every period (Codes:PeriodSeconds, short in these
/// tests) with a visible countdown, an offline hint when a refresh fails, a static code marked as such, and a page
/// that still shows a working code on a phone and without JavaScript.
/// </summary>
public sealed class MyCodeTests(WebAppFixture app) : BrowserTest(app)
{
    private static readonly TimeSpan Refreshed = TimeSpan.FromSeconds((WebAppFixture.CodePeriodSeconds * 3) + 10);

    [Fact]
    public async Task MyCode_AfterThePeriod_ShowsANewCodeWithoutReloading()
    {
        await SignInAsync("demo-talent");
        await Page.GotoAsync("/me/code");
        var card = Page.Locator("[data-testid=code-card]");
        await Expect(card.Locator("[data-testid=code-qr] svg")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=code-countdown]")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=code-seconds]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        var first = await card.GetAttributeAsync("data-code");
        var firstQr = await card.Locator("[data-testid=code-qr]").InnerHTMLAsync();
        first.ShouldNotBeNull().ShouldStartWith("TC1:");
        await Page.EvaluateAsync("() => { window.__sameDocument = true; }");

        // The countdown runs, then the code is replaced by a fresh one in the same document (no reload).
        var seconds = await Page.Locator("[data-testid=code-seconds]").InnerTextAsync();
        await Expect(Page.Locator("[data-testid=code-seconds]")).Not.ToHaveTextAsync(seconds);
        await Expect(card).Not.ToHaveAttributeAsync("data-code", first, new() { Timeout = (float)Refreshed.TotalMilliseconds });
        (await card.GetAttributeAsync("data-code")).ShouldNotBeNull().ShouldStartWith("TC1:");
        (await card.Locator("[data-testid=code-qr]").InnerHTMLAsync()).ShouldNotBe(firstQr, "the QR shows the new code");
        (await Page.EvaluateAsync<bool>("() => window.__sameDocument === true")).ShouldBeTrue("the code refreshed without reloading the page");
        await Expect(Page.Locator("[data-testid=code-offline]")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task MyCode_WhenTheRefreshFails_ShowsTheOfflineHint()
    {
        await SignInAsync("demo-talent");
        await Page.GotoAsync("/me/code");
        await Expect(Page.Locator("[data-testid=code-qr] svg")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=code-offline]")).ToBeHiddenAsync();

        await Page.Context.SetOfflineAsync(true);
        await Page.Locator("[data-testid=code-refresh]").ClickAsync(); // "refresh now" fetches at once

        var hint = Page.Locator("[data-testid=code-offline]");
        await Expect(hint).ToBeVisibleAsync();
        await Expect(hint).ToContainTextAsync("网络");

        await Page.Context.SetOfflineAsync(false);
        await Page.Locator("[data-testid=code-refresh]").ClickAsync();
        await Expect(hint).ToBeHiddenAsync();
    }

    [Fact]
    public async Task MyCode_OnAPhone_FitsTheScreenWithALargeQrAndTheLevel()
    {
        await using var phone = await App.NewContextAsync(new ViewportSize { Width = 390, Height = 844 }, phone: true);
        var page = await phone.NewPageAsync();
        await SignInAsync(page, "demo-talent");

        await page.GotoAsync("/me/code");

        var qr = page.Locator("[data-testid=code-qr] svg");
        await Expect(qr).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=code-level]")).ToHaveTextAsync("C");
        await Expect(page.Locator("[data-testid=code-name]")).ToContainTextAsync("*");
        await Expect(page.Locator("[data-testid=code-countdown]")).ToBeVisibleAsync();
        var box = (await qr.BoundingBoxAsync()).ShouldNotBeNull();
        box.Width.ShouldBeGreaterThanOrEqualTo(280, "the QR is large enough to scan from a phone screen");
        (box.Y + box.Height).ShouldBeLessThanOrEqualTo(844, "the whole QR is on the first screen");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, "/me/code scrolls sideways on a 390 px wide phone");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "me-code-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task MyCode_WithoutJavaScript_ShowsTheServerRenderedCode()
    {
        await using var context = await App.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl.ToString(),
            Locale = "zh-CN",
            JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "demo-talent");

        await page.GotoAsync("/me/code");

        await Expect(page.Locator("[data-testid=code-qr] svg")).ToBeVisibleAsync();
        (await page.Locator("[data-testid=code-card]").GetAttributeAsync("data-code")).ShouldNotBeNull().ShouldStartWith("TC1:");
        await Expect(page.Locator("noscript meta[http-equiv=refresh]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task StaticCode_Requested_IsShownMarkedAsStatic()
    {
        await SignInAsync("demo-talent");
        await Page.GotoAsync("/me/code");

        await Page.Locator("[data-testid=static-issue]").ClickAsync();

        var card = Page.Locator("[data-testid=static-card]");
        await Expect(card.Locator("[data-testid=static-marker]")).ToHaveTextAsync("静态码");
        await Expect(card.Locator("svg")).ToBeVisibleAsync();
        (await card.GetAttributeAsync("data-code")).ShouldNotBeNull().ShouldStartWith("TC1:");
        (await card.GetAttributeAsync("data-code")).ShouldNotBe(await Page.Locator("[data-testid=code-card]").GetAttributeAsync("data-code"));
        await Expect(card.Locator("[data-print]")).ToBeVisibleAsync();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "me-code-static.png"), FullPage = true });
    }
}
