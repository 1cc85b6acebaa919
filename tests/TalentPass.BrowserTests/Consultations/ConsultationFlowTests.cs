using Microsoft.Playwright;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Consultations;

/// <summary>
/// Policy consultation in Chromium: a talent asks on /me/consultations, the talent office answers on its queue and
/// publishes the answer as an FAQ entry, which anyone finds on /rights/faq with the phone number masked.
/// </summary>
public sealed class ConsultationFlowTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task AskAnswerPublish_FaqFoundBySearchWithoutThePhoneNumber()
    {
        var topic = "浏览器咨询" + Guid.NewGuid().ToString("N")[..8];

        await SignInAsync("demo-talent");
        await Page.GotoAsync("/me/consultations");
        await Page.Locator("[data-testid=topic]").FillAsync(topic);
        await Page.Locator("[data-testid=question]").FillAsync("人才公寓的租期是多久？联系电话13912345678。");
        await Page.Locator("[data-testid=ask]").ClickAsync();
        await Expect(Page.Locator("[data-testid=notice]")).ToContainTextAsync("答复期限");
        await Expect(Page.Locator("[data-testid=consultation]", new() { HasText = topic }).Locator("[data-testid=countdown]")).ToContainTextAsync("工作日");

        await using var office = await App.NewContextAsync();
        var officePage = await office.NewPageAsync();
        await SignInAsync(officePage, "demo-talentoffice");
        await officePage.GotoAsync("/consultations?q=" + Uri.EscapeDataString(topic));
        await officePage.Locator("[data-testid=consultation-row]", new() { HasText = topic }).Locator("[data-testid=open]").ClickAsync();
        await officePage.Locator("[data-testid=answer-text]").FillAsync("人才公寓租期一般为三年，期满可申请续租一次。");
        await officePage.Locator("[data-testid=answer]").ClickAsync();
        await Expect(officePage.Locator("[data-testid=status]")).ToContainTextAsync("已答复");
        await Expect(officePage.Locator("[data-testid=faq-question]")).ToHaveValueAsync("人才公寓的租期是多久？联系电话[手机号]。");
        await officePage.Locator("[data-testid=publish]").ClickAsync();
        await Expect(officePage.Locator("[data-testid=faq-published]")).ToBeVisibleAsync();

        await Page.GotoAsync("/me/consultations");
        await Expect(Page.Locator("[data-testid=consultation]", new() { HasText = topic }).Locator("[data-testid=answer]")).ToContainTextAsync("租期一般为三年");
        await Page.GotoAsync("/rights/faq");
        await Page.Locator("[data-testid=faq-search]").FillAsync("租期");
        await Page.Locator("[data-testid=faq-submit]").ClickAsync();
        var entry = Page.Locator("[data-testid=faq-entry]", new() { HasText = topic });
        await Expect(entry).ToContainTextAsync("期满可申请续租一次");
        await Expect(entry).Not.ToContainTextAsync("13912345678");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "consultations-faq.png"), FullPage = true });
    }
}
