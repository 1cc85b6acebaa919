using System.Net.Http.Json;
using System.Text.Json;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.Identity;

/// <summary>Small helpers for the Identity API tests: look up demo organisations and create fresh accounts.</summary>
internal static class IdentityApi
{
    public const string StrongPassword = "Fresh#Pass2026";

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];

    public static async Task<Guid> OrganisationIdAsync(HttpClient admin, string code)
    {
        var page = await (await admin.GetAsync(new Uri($"/api/v1/organisations?q={Uri.EscapeDataString(code)}&size=200", UriKind.Relative), TestContext.Current.CancellationToken)).ReadJsonAsync();
        return page.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> CreateAccountAsync(HttpClient admin, string username, string[] roles, Guid? organisationId, string password = StrongPassword)
    {
        var response = await admin.PostAsJsonAsync(
            "/api/v1/accounts",
            new { username, displayName = "测试账号", password, roles, organisationId },
            TestContext.Current.CancellationToken);
        return await response.ReadJsonAsync();
    }

    public static Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, string username, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { username, password }, TestContext.Current.CancellationToken);
}
