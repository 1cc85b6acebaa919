using Microsoft.Playwright;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Evidence;

/// <summary>The anonymous page /evidence/verify in Chromium: choose the proof bundle (and a document), press verify.</summary>
public sealed class VerifyEvidencePageTests(WebAppFixture app) : BrowserTest(app)
{
    private async Task<string> DownloadBundleAsync(long index)
    {
        using var http = new HttpClient { BaseAddress = App.BaseUrl };
        var bundle = await http.GetStringAsync(new Uri($"/api/v1/ledger/entries/{index}/bundle", UriKind.Relative), TestContext.Current.CancellationToken);
        var path = Path.Combine(Path.GetTempPath(), $"tp-evidence-{Guid.NewGuid():N}.tlog-proof");
        await File.WriteAllTextAsync(path, bundle, TestContext.Current.CancellationToken);
        return path;
    }

    [Fact]
    public async Task VerifyEvidence_DemoBundle_ShowsRecordedIndexAndRecordInChinese()
    {
        var bundle = await DownloadBundleAsync(1);
        try
        {
            await Page.GotoAsync("/evidence/verify");
            await Page.Locator("#bundle").SetInputFilesAsync(bundle);
            await Page.Locator("[data-testid=verify-submit]").ClickAsync();

            await Expect(Page.Locator("[data-testid=verify-valid]")).ToContainTextAsync("已记录：第 1 条");
            await Expect(Page.Locator("[data-testid=document-check]")).ToContainTextAsync("未提供原始文件");
            await Expect(Page.Locator("[data-testid=record]")).ToContainTextAsync("talentpass.example/zhongyuan/evidence");
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "evidence-verify.png"), FullPage = true });
        }
        finally
        {
            File.Delete(bundle);
        }
    }

    [Fact]
    public async Task VerifyEvidence_WrongDocument_SaysItIsNotTheRecordedDocument()
    {
        var bundle = await DownloadBundleAsync(0);
        var document = Path.Combine(Path.GetTempPath(), $"tp-evidence-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(document, "not the recorded agreement", TestContext.Current.CancellationToken);
        try
        {
            await Page.GotoAsync("/evidence/verify");
            await Page.Locator("#bundle").SetInputFilesAsync(bundle);
            await Page.Locator("#document").SetInputFilesAsync(document);
            await Page.Locator("[data-testid=verify-submit]").ClickAsync();

            await Expect(Page.Locator("[data-testid=verify-invalid]")).ToContainTextAsync("文件与存证记录不一致");
            await Expect(Page.Locator("[data-testid=verify-valid]")).ToHaveCountAsync(0);
        }
        finally
        {
            File.Delete(bundle);
            File.Delete(document);
        }
    }
}
