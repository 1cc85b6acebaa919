using System.Net;
using System.Text.RegularExpressions;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Partners;
using static TalentPass.IntegrationTests.Cards.CardsApi;

namespace TalentPass.IntegrationTests.Cards;

/// <summary>The partner portal and overview pages, driven like a browser without JavaScript (cookie sign-in, POST forms).</summary>
public sealed partial class CardsPagesTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PartnerPortal_ApproveAndReportCard_FullCardNumberShownAsErrorAndCardListed()
    {
        var partner = await PartnersApi.OnboardAsync(factory);
        var (talent, _, _) = await FreshTalentAsync(factory);
        var applicationId = await AppliedAsync(talent, partner.Code);
        var browser = await BrowserAsync(partner.StaffUsername, partner.StaffPassword);

        var queue = await HtmlAsync(browser, "/partner/card-applications");
        queue.ShouldContain($"data-id=\"{applicationId}\"");
        queue.ShouldContain("身份证号码");
        var approved = await PostAsync(browser, "/partner/card-applications", queue, $"approve-{applicationId:N}");
        approved.ShouldContain("已批准申请");

        var approvedList = await HtmlAsync(browser, "/partner/card-applications?status=approved");
        var refused = await PostAsync(browser, "/partner/card-applications?status=approved", approvedList, $"issue-{applicationId:N}", new() { ["cardToken"] = "6222 0212 3456 7890", ["last4"] = "7890" });
        refused.ShouldContain("data-error-code=\"cards.full_card_number_refused\"");
        var issued = await PostAsync(browser, "/partner/card-applications?status=approved", approvedList, $"issue-{applicationId:N}", new() { ["cardToken"] = NewToken("page"), ["last4"] = "2468" });
        issued.ShouldContain("已报送制卡（尾号 2468）");

        var cards = await HtmlAsync(browser, "/partner/cards?q=2468");
        cards.ShouldContain("**** 2468");
        cards.ShouldContain("已制卡");
        var cardId = CardRow().Match(cards).Groups[1].Value;
        var activated = await PostAsync(browser, "/partner/cards?q=2468", cards, $"activate-{Guid.Parse(cardId):N}");
        activated.ShouldContain("已激活");
        (await GetJsonAsync(talent, "/api/v1/me/cards")).GetProperty("cards").EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("active");
    }

    [Fact]
    public async Task Overview_TalentOffice_SeesCountsPerPartner_PartnerStaffRefused()
    {
        var office = await BrowserAsync("demo-talentoffice");
        var overview = await HtmlAsync(office, "/cards/overview");
        overview.ShouldContain("data-testid=\"overview\"");
        overview.ShouldContain("中原银行");

        var bank = await BrowserAsync("demo-bank");
        var refused = await bank.GetAsync(new Uri("/cards/overview", UriKind.Relative), Ct);
        refused.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    private async Task<HttpClient> BrowserAsync(string username, string password = TalentPassFactory.DemoPassword)
    {
        var client = factory.CreateAnonymousClient();
        var html = await (await client.GetAsync(new Uri("/account/signin", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
        var response = await client.PostAsync(new Uri("/account/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(html),
            ["_handler"] = "signin",
            ["username"] = username,
            ["password"] = password,
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

    private static async Task<string> PostAsync(HttpClient client, string path, string html, string handler, Dictionary<string, string>? fields = null)
    {
        var form = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = Token(html), ["_handler"] = handler };
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form), Ct);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    private static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<tr data-testid=\"card\" data-id=\"([0-9a-f-]+)\">")]
    private static partial Regex CardRow();
}
