using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TalentPass.BrowserTests.Infrastructure;

/// <summary>
/// Base of every browser test: a fresh browser context and page per test; when the test fails, a full-page
/// screenshot and the page's HTML are saved to <c>artifacts/browser/&lt;Class&gt;.&lt;Test&gt;.png|html</c>.
/// </summary>
public abstract partial class BrowserTest(WebAppFixture app) : IAsyncLifetime
{
    private IBrowserContext? context;
    private IPage? page;

    protected WebAppFixture App => app;

    protected IPage Page => page ?? throw new InvalidOperationException("Not initialised.");

    public virtual async ValueTask InitializeAsync()
    {
        context = await app.NewContextAsync();
        page = await context.NewPageAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (context is null)
        {
            return;
        }

        if (page is not null && TestContext.Current.TestState?.Result is not TestResult.Passed and not TestResult.Skipped)
        {
            await SaveFailureArtifactsAsync(page);
        }

        await context.CloseAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Signs in through the real sign-in form (<c>/account/signin</c>: <c>#username</c>, <c>#password</c>, its
    /// submit button) and waits until the browser has loaded the page the form leads to (or the form again).
    /// </summary>
    public static async Task SignInAsync(IPage page, string username, string password = WebAppFixture.DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/signin");
        await page.Locator("#username").FillAsync(username);
        await page.Locator("#password").FillAsync(password);

        // The form posts; success redirects (302) to the landing page, failure answers the form again (200 or 4xx).
        // Wait for the document that is finally shown, whichever it is.
        await page.RunAndWaitForResponseAsync(
            () => page.Locator("form:has(#username) [type=submit]").First.ClickAsync(),
            r => r.Request.IsNavigationRequest && (r.Status < 300 || r.Status >= 400));
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    protected Task SignInAsync(string username, string password = WebAppFixture.DemoPassword) => SignInAsync(Page, username, password);

    private static async Task SaveFailureArtifactsAsync(IPage failed)
    {
        var test = TestContext.Current.Test;
        var name = Unsafe().Replace($"{test?.TestCase.TestClassName}.{test?.TestCase.TestMethodName}", "_");
        var directory = WebAppFixture.ArtifactsDirectory;
        try
        {
            await failed.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
            await File.WriteAllTextAsync(Path.Combine(directory, name + ".html"), $"<!-- {failed.Url} -->{Environment.NewLine}{await failed.ContentAsync()}");
            TestContext.Current.SendDiagnosticMessage($"Saved {name}.png and {name}.html to {directory}");
        }
        catch (PlaywrightException ex)
        {
            TestContext.Current.SendDiagnosticMessage($"Could not save the failure screenshot: {ex.Message}");
        }
    }

    [GeneratedRegex(@"[^A-Za-z0-9_.-]")]
    private static partial Regex Unsafe();
}
