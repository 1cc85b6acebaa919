using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Calendar;

public sealed class CalendarPageTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task LoadYear_TalentOfficeFixesABadLine_YearIsShownWithHolidaysAndMakeUpDays()
    {
        await SignInAsync("demo-talentoffice");
        await Page.GotoAsync("/calendar?year=2026");
        await Expect(Page.Locator("[data-testid=year][data-year='2026']")).ToBeVisibleAsync();
        await Expect(Page.Locator("td[data-date='2026-10-10']")).ToHaveAttributeAsync("data-kind", "workday_makeup");
        await Expect(Page.Locator("td[data-date='2026-10-01']")).ToHaveAttributeAsync("data-kind", "holiday");

        // 2096-10-01 is a Monday; 10-06 is a Saturday, 10-10 a Wednesday (not a weekend: refused).
        await Page.Locator("#load-year").FillAsync("2096");
        await Page.Locator("#load-source").FillAsync("浏览器测试通知 2096");
        await Page.Locator("#load-schedule").FillAsync("2096-10-01..2096-10-05 holiday 国庆节\n2096-10-10 workday 国庆节\n");
        await Page.Locator("[data-testid=load]").ClickAsync();

        await Expect(Page.Locator("[data-error-code='calendar.schedule_invalid']")).ToContainTextAsync("第2行");
        await Expect(Page.Locator("#load-schedule")).ToHaveValueAsync("2096-10-01..2096-10-05 holiday 国庆节\n2096-10-10 workday 国庆节\n");

        await Page.Locator("#load-schedule").FillAsync("2096-10-01..2096-10-05 holiday 国庆节\n2096-10-06 workday 国庆节\n");
        await Page.Locator("[data-testid=load]").ClickAsync();

        await Expect(Page.Locator("[data-testid=notice]")).ToContainTextAsync("2096");
        await Expect(Page.Locator("[data-testid=year][data-year='2096']")).ToBeVisibleAsync();
        await Expect(Page.Locator("td[data-date='2096-10-03']")).ToHaveAttributeAsync("data-kind", "holiday");
        await Expect(Page.Locator("td[data-date='2096-10-06']")).ToHaveAttributeAsync("data-kind", "workday_makeup");
        await Expect(Page.Locator("[data-testid=years] a[data-year='2096']")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=counts]")).ToContainTextAsync("5 / 1");
    }
}
