using Microsoft.Playwright;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Codes;

/// <summary>
/// The scan page (/scan) at a service point: a code read by a USB scanner gun (typed + Enter), by the camera (a fake
/// video stream showing the QR, decoded in the page by jsQR) and by a plain form post without JavaScript; a large
/// green or red answer; a suspended talent's code turns red at the next scan; the talent sees who scanned.
/// </summary>
public sealed class ScanTests(WebAppFixture app) : BrowserTest(app)
{
    private const string ServicePoint = "demo-servicepoint";

    [Fact]
    public async Task ScannerGun_ValidCodeThenTalentSuspended_GreenThenRedWithoutReloading()
    {
        await using var apiContext = await App.NewContextAsync();
        var api = new CodesApi(apiContext.APIRequest);
        var talent = await api.CreateTalentAsync(level: "b");
        var code = await api.DynamicCodeAsync(talent);

        await SignInAsync(ServicePoint);
        await Page.GotoAsync("/scan");
        await Page.EvaluateAsync("() => { window.__sameDocument = true; }");

        // A scanner gun types into whatever has the focus: the code input has it from the start.
        await Expect(Page.Locator("#scan-code")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(code);
        await Page.Keyboard.PressAsync("Enter");

        var result = Page.Locator("[data-testid=scan-result]");
        await Expect(result).ToHaveAttributeAsync("data-outcome", "valid");
        await Expect(result.Locator("[data-testid=scan-verdict]")).ToContainTextAsync("有效");
        await Expect(result.Locator("[data-testid=scan-level]")).ToHaveTextAsync("B");
        await Expect(result.Locator("[data-testid=scan-name]")).ToContainTextAsync("*");
        await Expect(result.Locator("[data-testid=scan-rights]")).ToContainTextAsync("就医绿色通道");
        await Expect(result.Locator("[data-testid=scan-static]")).ToHaveCountAsync(0);
        await Expect(result).ToHaveCSSAsync("background-color", "rgb(218, 251, 225)"); // green
        await Expect(Page.Locator("#scan-code")).ToBeFocusedAsync(); // ready for the next scan
        await Expect(Page.Locator("#scan-code")).ToHaveValueAsync(string.Empty);

        // The talent office suspends the talent: the same code, scanned again at once, is refused in red.
        await api.SuspendAsync(talent);
        await Page.Keyboard.TypeAsync(code);
        await Page.Keyboard.PressAsync("Enter");

        await Expect(result).ToHaveAttributeAsync("data-outcome", "suspended");
        await Expect(result.Locator("[data-testid=scan-verdict]")).ToContainTextAsync("拒绝");
        await Expect(result.Locator("[data-testid=scan-reason]")).ToContainTextAsync("暂停");
        await Expect(result.Locator("[data-testid=scan-rights]")).ToHaveCountAsync(0);
        await Expect(result).ToHaveCSSAsync("background-color", "rgb(255, 235, 233)"); // red
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "scan-refused.png"), FullPage = true });
        (await Page.EvaluateAsync<bool>("() => window.__sameDocument === true")).ShouldBeTrue("scans are verified without reloading the page");

        // Both scans are in the organisation's recent scans, newest first.
        var rows = Page.Locator("[data-testid=scan-row]");
        await Expect(rows.Nth(0)).ToContainTextAsync("已暂停");
        await Expect(rows.Nth(1)).ToContainTextAsync("有效");

        // The talent sees who scanned the code.
        await using var talentContext = await App.NewContextAsync();
        var talentPage = await talentContext.NewPageAsync();
        await SignInAsync(talentPage, talent.Username, talent.Password);
        await talentPage.GotoAsync("/me/scans");
        await Expect(talentPage.Locator("[data-testid=my-scan]")).ToHaveCountAsync(2);
        await Expect(talentPage.Locator("[data-testid=my-scan]").First).ToContainTextAsync("定点医院");

        // …and, suspended, gets no code to show.
        await talentPage.GotoAsync("/me/code");
        await Expect(talentPage.Locator("[data-error-code='codes.not_eligible']")).ToBeVisibleAsync();
        await Expect(talentPage.Locator("[data-testid=code-card]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ScannerGun_StaticCode_ValidAndMarkedStatic()
    {
        await using var apiContext = await App.NewContextAsync();
        var api = new CodesApi(apiContext.APIRequest);
        var code = await api.StaticCodeAsync(await api.CreateTalentAsync(level: "c"));
        await SignInAsync(ServicePoint);
        await Page.GotoAsync("/scan");

        await Page.Keyboard.TypeAsync(code);
        await Page.Keyboard.PressAsync("Enter");

        var result = Page.Locator("[data-testid=scan-result]");
        await Expect(result).ToHaveAttributeAsync("data-outcome", "valid");
        await Expect(result.Locator("[data-testid=scan-static]")).ToContainTextAsync("静态码");
    }

    [Fact]
    public async Task Camera_ShowsTheTalentsQr_VerifiesItGreen()
    {
        await using var apiContext = await App.NewContextAsync();
        var api = new CodesApi(apiContext.APIRequest);
        var talent = await api.CreateTalentAsync(level: "d");

        // Chromium's fake camera plays a Y4M file; it opens the file when the camera starts, so the frame is written
        // with a fresh dynamic code just before the button is pressed (codes live one period plus one step).
        var y4m = Path.Combine(Path.GetTempPath(), $"talentpass-camera-{Guid.NewGuid():N}.y4m");
        FakeCamera.WriteBlank(y4m);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = WebAppFixture.FindChromium(),
            Headless = true,
            Args = [.. WebAppFixture.ChromiumArgs, .. FakeCamera.ChromiumArgs(y4m)],
        });
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl.ToString(), Locale = "zh-CN" });
            await context.GrantPermissionsAsync(["camera"]);
            var page = await context.NewPageAsync();
            await SignInAsync(page, ServicePoint);
            await page.GotoAsync("/scan");
            var toggle = page.Locator("[data-testid=camera-toggle]");
            await Expect(toggle).ToBeVisibleAsync();

            FakeCamera.WriteQr(y4m, await api.DynamicCodeAsync(talent));
            await toggle.ClickAsync();

            var result = page.Locator("[data-testid=scan-result]");
            await Expect(result).ToHaveAttributeAsync("data-outcome", "valid");
            await Expect(result.Locator("[data-testid=scan-level]")).ToHaveTextAsync("D");
            await Expect(result).ToContainTextAsync("摄像头");
            await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "scan-camera.png"), FullPage = true });

            await toggle.ClickAsync();
            await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        }
        finally
        {
            File.Delete(y4m);
        }
    }

    [Fact]
    public async Task ScanForm_WithoutJavaScript_PostsAndShowsTheResult()
    {
        await using var apiContext = await App.NewContextAsync();
        var api = new CodesApi(apiContext.APIRequest);
        var talent = await api.CreateTalentAsync(level: "e");
        var code = await api.DynamicCodeAsync(talent);
        await using var context = await App.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl.ToString(),
            Locale = "zh-CN",
            JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();
        await SignInAsync(page, ServicePoint);
        await page.GotoAsync("/scan");

        await page.Locator("#scan-code").FillAsync(code);
        await page.Locator("[data-testid=scan-submit]").ClickAsync();

        var result = page.Locator("[data-testid=scan-result]");
        await Expect(result).ToHaveAttributeAsync("data-outcome", "valid");
        await Expect(result.Locator("[data-testid=scan-level]")).ToHaveTextAsync("E");
        await Expect(page.Locator("[data-testid=scan-row]").First).ToContainTextAsync("有效");
    }

    [Fact]
    public async Task ScannerGun_TextThatIsNoCodeWhileAButtonHasFocus_RefusedInRedWithTheReason()
    {
        await SignInAsync(ServicePoint);
        await Page.GotoAsync("/scan");

        // The clerk last clicked a button: the scanner gun's typing still lands in the code input.
        await Page.Locator("[data-testid=camera-toggle]").FocusAsync();

        await Page.Keyboard.TypeAsync("HELLO-NOT-A-CODE");
        await Page.Keyboard.PressAsync("Enter");

        var result = Page.Locator("[data-testid=scan-result]");
        await Expect(result).ToHaveAttributeAsync("data-outcome", "malformed");
        await Expect(result.Locator("[data-testid=scan-verdict]")).ToContainTextAsync("拒绝");
        await Expect(result.Locator("[data-testid=scan-reason]")).ToContainTextAsync("不是有效的人才码");
        await Expect(Page.Locator("[data-testid=camera-toggle]")).ToHaveAttributeAsync("aria-pressed", "false");
    }

    [Fact]
    public async Task ScanPage_OnAPhoneInEnglish_FitsTheScreenWithInputAndCamera()
    {
        await using var phone = await App.NewContextAsync(new ViewportSize { Width = 390, Height = 844 }, phone: true);
        var page = await phone.NewPageAsync();
        await SignInAsync(page, ServicePoint);

        await page.GotoAsync("/scan?culture=en");
        await page.Keyboard.TypeAsync("NOT-A-CODE");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("label[for=scan-code]")).ToContainTextAsync("Talent code");
        await Expect(page.Locator("[data-testid=camera-toggle]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=scan-verdict]")).ToContainTextAsync("Refused");
        await Expect(page.Locator("[data-testid=scan-reason]")).ToContainTextAsync("not a talent code");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, "/scan scrolls sideways on a 390 px wide phone");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "scan-phone-en.png"), FullPage = true });
    }

    [Fact]
    public async Task ScanPage_AsATalent_IsNotAvailable()
    {
        await SignInAsync("demo-talent");

        await Page.GotoAsync("/scan");

        await Expect(Page.Locator("#scan-code")).ToHaveCountAsync(0);
    }
}
