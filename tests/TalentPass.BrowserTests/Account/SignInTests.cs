using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Account;

public sealed partial class SignInTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task SignIn_DemoTalentOffice_LandsOnSignedInPageShowingCurrentUser()
    {
        await SignInAsync("demo-talentoffice");

        await Expect(Page).Not.ToHaveURLAsync(SignInPage());
        await Expect(Page.Locator("[data-testid=current-user]")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=current-user]")).ToContainTextAsync("人才办");
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorAndStaysOnSignInPage()
    {
        // Another account than the other tests use, so the failed attempt never counts towards their lockout.
        await SubmitSignInFormAsync(Page, "demo-auditor", "not-the-password");

        await Expect(Page).ToHaveURLAsync(SignInPage());
        await Expect(Page.Locator("[role=alert]").First).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=current-user]")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#username")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task CultureSwitch_English_ShowsEnglishTextOnTheSamePage()
    {
        await Page.GotoAsync("/account/signin");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(Page.Locator(".brand")).ToContainTextAsync("人才码");

        await Page.Locator("a[href^='/culture/en']").ClickAsync();

        await Expect(Page).ToHaveURLAsync(SignInPage());
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page.Locator(".brand")).ToContainTextAsync("TalentPass");
        await Expect(Page.Locator("form:has(#username) [type=submit]").First).ToHaveTextAsync(new Regex("Sign in", RegexOptions.IgnoreCase));
    }

    [Fact]
    public async Task CultureSwitch_EnglishThenSignIn_ShowsRoleInEnglish()
    {
        await Page.GotoAsync("/account/signin");
        await Page.Locator("a[href^='/culture/en']").ClickAsync();

        await SignInAsync("demo-talentoffice");

        await Expect(Page.Locator("[data-testid=current-user]")).ToContainTextAsync("Talent office");
    }

    [GeneratedRegex(@"/account/signin(\?|$)")]
    private static partial Regex SignInPage();
}
