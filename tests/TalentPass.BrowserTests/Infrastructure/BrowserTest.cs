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
    /// submit button) and waits until the browser shows the page the form leads to. A refused sign-in stays on the
    /// form and fails here with the form's message.
    /// </summary>
    /// <remarks>
    /// Waiting for an element of the signed-in page, not for a load event or a URL: on a loaded machine Playwright
    /// once did not report the <c>load</c> event of the page after the form's redirect within 30 s, and once did not
    /// report its URL within 60 s although the signed-in page was there.
    /// </remarks>
    public static async Task SignInAsync(IPage page, string username, string password = WebAppFixture.DemoPassword)
    {
        await SubmitSignInFormAsync(page, username, password);
        try
        {
            // A signed-in page shows the current user in the top bar; the locator polls the DOM, whatever lifecycle
            // events the browser reports.
            await page.Locator("[data-testid=current-user]").WaitForAsync(new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            var refusal = page.Locator(".signin-card [role=alert]");
            if (await refusal.CountAsync() > 0)
            {
                throw new InvalidOperationException($"Sign-in as {username} was refused: {await refusal.First.InnerTextAsync()}");
            }

            throw;
        }
    }

    /// <summary>Fills and submits the sign-in form and waits for the document the server answers with (the landing page or the form again).</summary>
    public static async Task SubmitSignInFormAsync(IPage page, string username, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/signin");
        await page.Locator("#username").FillAsync(username);
        await page.Locator("#password").FillAsync(password);

        // The form posts; success redirects (302) to the landing page, failure answers the form again (200 or 4xx).
        await page.RunAndWaitForResponseAsync(
            () => page.Locator("form:has(#username) [type=submit]").First.ClickAsync(),
            r => r.Request.IsNavigationRequest && (r.Status < 300 || r.Status >= 400));
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
