using Microsoft.Playwright;
using TalentPass.BrowserTests.Codes;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Redemptions;

/// <summary>The service-point redemption screen: a scanner types the code and Enter, staff press the right, the banner confirms.</summary>
public sealed class RedeemScreenTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Hospital_ScansALevelBCodeAndRedeemsTheGreenChannel_SeesTheRedemptionInItsHistory()
    {
        await using var apiContext = await App.NewContextAsync();
        var api = new CodesApi(apiContext.APIRequest);
        var talent = await api.CreateTalentAsync("b");
        var code = await api.DynamicCodeAsync(talent);
        await SignInAsync("demo-servicepoint");

        await Page.GotoAsync("/redeem");
        await Page.Locator("[data-testid=scan-input]").FillAsync(code);
        await Page.Locator("[data-testid=scan-input]").PressAsync("Enter");

        var greenChannel = Page.Locator("[data-testid=right][data-code=medical-green-channel]");
        await Expect(greenChannel).ToBeEnabledAsync();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "redeem-screen.png"), FullPage = true });
        await greenChannel.ClickAsync();

        await Expect(Page.Locator("[data-testid=redeemed]")).ToBeVisibleAsync();
        var id = await Page.Locator("[data-testid=redemption-id]").InnerTextAsync();
        await Page.GotoAsync("/redemptions");
        await Expect(Page.Locator($"[data-testid=redemption][data-id='{id.Trim()}']")).ToHaveCountAsync(1);
    }
}
