using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Subsidies;

public sealed class SubsidyBatchTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task CreateBatchAndDownload_TalentOffice_CsvWithTheDemoPaymentAndTotalsOfThePage()
    {
        var month = string.Create(CultureInfo.InvariantCulture, $"{2100 + Random.Shared.Next(0, 800)}-{Random.Shared.Next(1, 13):D2}");
        await SignInAsync("demo-talentoffice");
        await Page.GotoAsync("/subsidies/batches");

        await Page.Locator("[data-testid=batch-month]").FillAsync(month);
        await Page.Locator("[data-testid=create-batch]").ClickAsync();
        await Expect(Page.Locator("[data-testid=batch-status]")).ToBeVisibleAsync();
        var count = int.Parse(await Page.Locator("[data-testid=batch-count]").InnerTextAsync(), CultureInfo.InvariantCulture);
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("[data-testid=download-csv]").ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);

        download.SuggestedFilename.ShouldBe($"subsidies-batch-{month}.csv");
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("line,payment_reference,payee_name,payee_id_number,amount_fen");
        lines.Length.ShouldBe(count + 2);
        lines.ShouldContain(l => l.Contains(",张明华,", StringComparison.Ordinal) && l.Contains(",300000,3000.00,", StringComparison.Ordinal));
        var total = lines[^1].Split(',');
        total[0].ShouldBe("TOTAL");
        total[1].ShouldBe(count.ToString(CultureInfo.InvariantCulture));
        long.Parse(total[4], CultureInfo.InvariantCulture).ShouldBe(lines[1..^1].Sum(l => long.Parse(l.Split(',')[4], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task MySubsidies_DemoTalent_ShowsTheAllowanceWithPaidMonths()
    {
        await SignInAsync("demo-talent");

        await Page.GotoAsync("/me/subsidies");

        var schedule = Page.Locator("[data-testid=my-schedule]").First;
        await Expect(schedule).ToContainTextAsync("高层次人才生活津贴");
        await Expect(schedule.Locator("[data-testid=schedule-paid]")).ToContainTextAsync("/ 36");
    }
}
