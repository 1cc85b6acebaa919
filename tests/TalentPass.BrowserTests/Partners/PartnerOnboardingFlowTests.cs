using System.Security.Cryptography;
using System.Text;
using Microsoft.Playwright;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Partners;

/// <summary>
/// M-18 in Chromium: a bank applies on the public form with its materials; the talent office approves it from the queue
/// and sees the one-time credentials; the bank's new staff account signs in and finds its first API key in the portal.
/// </summary>
public sealed class PartnerOnboardingFlowTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Application_SubmittedThenApprovedByTalentOffice_StaffSeesItsApiKey()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var company = "浏览器测试银行" + suffix;
        var code = "bank-" + suffix;

        // 1. The bank applies on the public form (not signed in), with the signed agreement attached.
        await Page.GotoAsync("/partners/apply");
        await Page.Locator("#a-company").FillAsync(company);
        await Page.Locator("#a-licence").FillAsync(LicenceCode());
        await Page.Locator("#a-code").FillAsync(code);
        await Page.Locator("#a-staff").FillAsync(code + "-admin");
        await Page.Locator("#a-contact").FillAsync("李经理");
        await Page.Locator("#a-phone").FillAsync("0371-66668888");
        await Page.Locator("#a-agreement").SetInputFilesAsync(new FilePayload { Name = "agreement.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("signed " + code) });
        await Page.Locator("#a-submit").ClickAsync();
        await Expect(Page.Locator("#application-submitted")).ToBeVisibleAsync();

        // 2. The talent office opens it from the queue and approves it.
        await SignInAsync("demo-talentoffice");
        await Page.GotoAsync("/partners/applications");
        await Page.Locator("a", new() { HasText = company }).ClickAsync();
        await Expect(Page.Locator("main")).ToContainTextAsync(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("signed " + code))));
        await Page.Locator("#approve").ClickAsync();
        await Expect(Page.Locator("#onboarding-credentials")).ToBeVisibleAsync();
        await Expect(Page.Locator("#application-status")).ToContainTextAsync("已通过");
        var username = await Page.Locator("#staff-username").InnerTextAsync();
        var password = await Page.Locator("#staff-password").InnerTextAsync();
        var keyId = await Page.Locator("#key-id").InnerTextAsync();

        // 3. The bank's staff signs in with the one-time password and sees the key in the portal.
        await using var bankContext = await App.NewContextAsync();
        var bank = await bankContext.NewPageAsync();
        await SignInAsync(bank, username, password);
        await bank.GotoAsync("/partner");
        await bank.Locator("a[href='/partner/keys']").ClickAsync();
        await Expect(bank.Locator("table.data")).ToContainTextAsync(keyId);
    }

    /// <summary>A unique unified social credit code with its check character (GB 32100).</summary>
    private static string LicenceCode()
    {
        const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var stem = "9141" + string.Concat(RandomNumberGenerator.GetBytes(9).Select(b => Alphabet[b % Alphabet.Length])) + "MA00";
        var sum = stem.Select((c, i) => Alphabet.IndexOf(c, StringComparison.Ordinal) * weights[i]).Sum();
        return stem + Alphabet[(31 - (sum % 31)) % 31];
    }
}
