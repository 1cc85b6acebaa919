using Microsoft.Playwright;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Talents;

/// <summary>
/// The foundation's end-to-end flow in Chromium: the talent office finds a talent and opens the profile; the
/// talent asks to change a verified field; the talent office approves it and the profile shows the new value.
/// </summary>
public sealed class ChangeRequestFlowTests(WebAppFixture app) : BrowserTest(app)
{
    private const string DemoTalent = "张明华";

    [Fact]
    public async Task ChangeRequest_TalentSubmitsAndOfficeApproves_ProfileShowsTheNewVerifiedValue()
    {
        // 1. The talent office searches the registry and opens the demo talent's profile.
        await SignInAsync("demo-talentoffice");
        await Page.GotoAsync("/talents");
        await Page.Locator("#q").FillAsync(DemoTalent);
        await Page.Locator("form:has(#q) [type=submit]").ClickAsync();
        await Page.Locator("[data-testid=talent-link]", new() { HasText = DemoTalent }).First.ClickAsync();
        await Expect(Page.Locator("h1")).ToContainTextAsync(DemoTalent);
        await Expect(Page.Locator("main")).ToContainTextAsync("**********");
        var profileUrl = Page.Url;

        // 2. The talent changes a verified field on their own profile: it becomes a change request.
        var newMajor = "固态电池材料" + Guid.NewGuid().ToString("N")[..6];
        await using (var talentContext = await App.NewContextAsync())
        {
            var talent = await talentContext.NewPageAsync();
            await SignInAsync(talent, "demo-talent");
            await talent.GotoAsync("/me/profile");
            var form = talent.Locator("[data-testid=profile-form]");
            await Expect(form.Locator("[data-testid=verified-hint]").First).ToBeVisibleAsync();
            await form.Locator("#education_major").FillAsync(newMajor);
            await form.Locator("[type=submit]").ClickAsync();
            await Expect(talent.Locator("[data-testid=notice]")).ToBeVisibleAsync();
            await Expect(talent.Locator("[data-testid=my-change-requests]")).ToContainTextAsync(newMajor);
        }

        // 3. The talent office approves it from the queue; the profile now shows the new value.
        await Page.GotoAsync("/change-requests");
        var row = Page.Locator("[data-testid=change-request]", new() { HasText = newMajor });
        await Expect(row).ToHaveCountAsync(1);
        await row.Locator("[data-testid=approve]").ClickAsync();
        await Expect(Page.Locator("[data-testid=notice]")).ToBeVisibleAsync();
        await Page.GotoAsync(profileUrl);
        await Expect(Page.Locator("main")).ToContainTextAsync(newMajor);
    }
}
