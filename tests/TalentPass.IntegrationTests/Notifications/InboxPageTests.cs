using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Identity;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Notifications.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Notifications;

/// <summary>/me/inbox and the layout badge, driven like a browser without JavaScript (cookie sign-in, POST forms).</summary>
public sealed partial class InboxPageTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InboxPage_TwoUnread_BadgeCountsThemAndMarkAllReadClearsIt()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var username = IdentityApi.UniqueName("inboxpage");
        var accountId = (await IdentityApi.CreateAccountAsync(office, username, [Roles.Talent], null)).GetProperty("id").GetGuid();
        foreach (var title in new[] { "第一条消息", "第二条消息" })
        {
            await factory.WithScopeAsync(async sp =>
            {
                await sp.GetRequiredService<INotifier>().NotifyAsync(new NotificationDraft(accountId, "tests.page", title, "en", "正文内容", "Body", "/me"), Ct);
                return true;
            });
        }

        var browser = await BrowserAsync(username, IdentityApi.StrongPassword);
        var before = await HtmlAsync(browser, "/me/inbox");
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(before), ["_handler"] = "read-all" };
        var posted = await browser.PostAsync(new Uri("/me/inbox", UriKind.Relative), new FormUrlEncodedContent(form), Ct);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await HtmlAsync(browser, posted.Headers.Location!.PathAndQuery);

        before.ShouldContain("第一条消息");
        before.ShouldContain("第二条消息");
        before.ShouldContain("data-unread=\"2\"");
        Regex.Count(before, "data-read=\"false\"").ShouldBe(2);
        after.ShouldContain("已将2条消息标为已读");
        after.ShouldContain("data-unread=\"0\"");
        Regex.Count(after, "data-read=\"true\"").ShouldBe(2);
    }

    [Fact]
    public async Task SmsPage_Operator_ShowsTheOutboxWithoutPhoneNumbers()
    {
        var browser = await BrowserAsync("demo-operator", TalentPassFactory.DemoPassword);

        var html = await HtmlAsync(browser, "/notifications/sms");

        html.ShouldContain("data-testid=\"sms\"");
        html.ShouldNotContain("13812345678");
    }

    private async Task<HttpClient> BrowserAsync(string username, string password)
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

    private static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
