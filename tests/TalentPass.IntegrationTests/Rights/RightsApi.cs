using System.Net.Http.Json;
using System.Text.Json;
using TalentPass.IntegrationTests.Identity;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Rights;

/// <summary>Helpers for the Rights tests: a valid right body, talents with accounts at a chosen level.</summary>
internal static class RightsApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string UniqueCode(string prefix = "t") => $"{prefix}-{Guid.NewGuid():N}"[..20];

    public static Dictionary<string, object?> RightBody(string code, string kind, Guid provider, Guid? servicePoint = null) => new()
    {
        ["code"] = code,
        ["kind"] = kind,
        ["nameZh"] = "测试权益" + code[^6..],
        ["nameEn"] = "Test right " + code[^6..],
        ["descriptionZh"] = "测试",
        ["descriptionEn"] = "Test",
        ["providerOrganisationId"] = provider,
        ["levels"] = new[] { "a", "b", "c" },
        ["categories"] = Array.Empty<string>(),
        ["familyRelations"] = new[] { "parent" },
        ["validFrom"] = "2026-01-01",
        ["validTo"] = "2027-12-31",
        ["policyVersion"] = "test-1",
        ["servicePointOrganisationIds"] = servicePoint is { } sp ? new[] { sp } : Array.Empty<Guid>(),
        ["requiresOnlineVerification"] = true,
        ["allowsOfflineRedemption"] = false,
        ["staticCodeAccepted"] = false,
        ["valueFen"] = 1000,
        ["quotas"] = new[] { new { scope = "per_talent", limit = 5, period = "month" } },
        ["pools"] = Array.Empty<object>(),
        ["reversalWindowMinutes"] = 30,
    };

    public static async Task<JsonElement> CreateAsync(HttpClient client, object body) =>
        await (await client.PostAsJsonAsync("/api/v1/rights/catalogue", body, Ct)).ReadJsonAsync();

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path) =>
        await (await client.GetAsync(new Uri(path, UriKind.Relative), Ct)).ReadJsonAsync();

    /// <summary>A fresh talent with its own account at <paramref name="level"/> (registered by the talent office).</summary>
    public static async Task<(HttpClient Client, Guid TalentId)> TalentAsync(TalentPassFactory factory, string level)
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var username = IdentityApi.UniqueName("rt");
        var account = await IdentityApi.CreateAccountAsync(office, username, [Roles.Talent], null);
        var id = await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName(), level: level, accountId: account.GetProperty("id").GetGuid());
        return (await factory.CreateClientAsAsync(username, IdentityApi.StrongPassword), id);
    }

    public static async Task<Guid> RightIdAsync(HttpClient staff, string code)
    {
        var page = await GetJsonAsync(staff, $"/api/v1/rights/catalogue?q={code}&size=50");
        return page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
    }
}
