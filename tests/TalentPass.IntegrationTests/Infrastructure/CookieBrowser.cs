using System.Net;
using System.Text.RegularExpressions;

namespace TalentPass.IntegrationTests.Infrastructure;

/// <summary>
/// Drives the server-rendered pages like a browser without JavaScript: cookie sign-in through the real form, GET pages,
/// POST forms with their anti-forgery token and form name (<c>_handler</c>). Shared by page tests of every module.
/// </summary>
public static partial class CookieBrowser
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A client signed in with the sign-in form (it keeps the cookie; redirects are not followed).</summary>
    public static async Task<HttpClient> SignInAsync(TalentPassFactory factory, string username, string password = TalentPassFactory.DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(factory);
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

    /// <summary>GETs a page, asserts 200 and returns its HTML-decoded text.</summary>
    public static async Task<string> GetPageAsync(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return WebUtility.HtmlDecode(html);
    }

    /// <summary>POSTs the form named <paramref name="formName"/> of a page whose HTML is <paramref name="pageHtml"/>; returns the answer's decoded HTML.</summary>
    public static async Task<string> PostFormAsync(this HttpClient client, string path, string pageHtml, string formName, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Token(pageHtml), ["_handler"] = formName };
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form), Ct);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    private static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
