using System.Net;
using System.Text.RegularExpressions;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.Ledger;

/// <summary>The staff page /ledger, signed in with a cookie like a browser.</summary>
public sealed partial class LedgerPageTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LedgerPage_SearchByDocumentHash_ShowsThatEntryAndTheCheckpointStatus()
    {
        var digest = LedgerApi.NewDigest();
        var appended = await LedgerApi.AppendAsync(factory, LedgerApi.Draft(digest));
        var auditor = await BrowserAsync("demo-auditor");

        var html = await HtmlAsync(auditor, "/ledger?digest=" + digest + "&culture=en");

        html.ShouldContain("Evidence ledger");
        html.ShouldContain("Latest checkpoint");
        html.ShouldContain($"/api/v1/ledger/entries/{appended.Index}/bundle");
        Regex.Matches(html, "/bundle\"").Count.ShouldBe(1);
    }

    [Fact]
    public async Task LedgerPage_AsPartnerStaff_IsDenied()
    {
        var bank = await BrowserAsync("demo-bank");

        var response = await bank.GetAsync(new Uri("/ledger", UriKind.Relative), Ct);

        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    private async Task<HttpClient> BrowserAsync(string username)
    {
        var client = factory.CreateAnonymousClient();
        var html = await (await client.GetAsync(new Uri("/account/signin", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
        var response = await client.PostAsync(new Uri("/account/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenPattern().Match(html).Groups[1].Value,
            ["_handler"] = "signin",
            ["username"] = username,
            ["password"] = TalentPassFactory.DemoPassword,
        }), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return WebUtility.HtmlDecode(html);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
