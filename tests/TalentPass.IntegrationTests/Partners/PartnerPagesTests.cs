using System.Net;
using System.Text.RegularExpressions;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.Partners;

/// <summary>The partner pages through <see cref="CookieBrowser"/> (cookie sign-in, forms with anti-forgery tokens).</summary>
public sealed partial class PartnerPagesTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PartnerDetailPage_TalentOfficeSuspendsWithReason_StatusAndHistoryShown()
    {
        var partner = await PartnersApi.OnboardAsync(factory);
        var browser = await CookieBrowser.SignInAsync(factory, "demo-talentoffice");

        var list = await browser.GetPageAsync("/partners?q=" + partner.Code);
        var page = await browser.GetPageAsync($"/partners/{partner.OrganisationId}");
        var after = await browser.PostFormAsync($"/partners/{partner.OrganisationId}", page, "partner-status", new() { ["action"] = "suspend", ["reason"] = "页面暂停测试", ["version"] = "1" });

        list.ShouldContain($"href=\"/partners/{partner.OrganisationId}\">{partner.Code}</a>");
        after.ShouldContain("id=\"partner-status\">已暂停</span>");
        after.ShouldContain("页面暂停测试");
        var me = await PartnersApi.Signed(factory, partner).GetAsync(new Uri("/api/v1/partners/me", UriKind.Relative), Ct);
        await me.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "partners.partner_not_active");
    }

    [Fact]
    public async Task ApiKeysPage_StaffCreatesKey_SecretShownOnceThenOnlyItsEnd()
    {
        var partner = await PartnersApi.OnboardAsync(factory);
        var browser = await CookieBrowser.SignInAsync(factory, partner.StaffUsername, partner.StaffPassword);

        var page = await browser.GetPageAsync("/partner/keys");
        var created = await browser.PostFormAsync("/partner/keys", page, "create-key", new() { ["label"] = "页面密钥" });
        var secret = SecretPattern().Match(created).Groups[1].Value;
        var again = await browser.GetPageAsync("/partner/keys");

        secret.ShouldStartWith("tps_");
        again.ShouldContain("页面密钥");
        again.ShouldNotContain(secret);
        again.ShouldContain("…" + secret[^4..]);
    }

    [Fact]
    public async Task PartnerPages_BankStaff_CannotOpenTheTalentOfficeList()
    {
        var browser = await CookieBrowser.SignInAsync(factory, "demo-bank");

        var response = await browser.GetAsync(new Uri("/partners", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/account/denied");
    }

    [GeneratedRegex("id=\"new-key-secret\">([^<]+)<")]
    private static partial Regex SecretPattern();
}
