using System.Net.Http.Json;
using System.Text.Json;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;

namespace TalentPass.IntegrationTests.Codes;

/// <summary>Helpers for the Codes tests: a talent's code, verification by a scanner, registry decisions.</summary>
internal static class CodesApi
{
    public const string ServicePoint = "demo-servicepoint";
    public const string Partner = "demo-bank";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> MyCodeAsync(HttpClient talent) =>
        await (await talent.GetAsync(new Uri("/api/v1/codes/me", UriKind.Relative), Ct)).ReadJsonAsync();

    public static async Task<string> MyCodeTextAsync(HttpClient talent) => (await MyCodeAsync(talent)).GetProperty("code").GetString()!;

    public static Task<HttpResponseMessage> PostVerifyAsync(HttpClient scanner, string? code) =>
        scanner.PostAsJsonAsync("/api/v1/codes/verify", new { code }, Ct);

    public static async Task<JsonElement> VerifyAsync(HttpClient scanner, string? code) => await (await PostVerifyAsync(scanner, code)).ReadJsonAsync();

    public static async Task<string> OutcomeAsync(HttpClient scanner, string? code) => (await VerifyAsync(scanner, code)).GetProperty("outcome").GetString()!;

    public static async Task SetStatusAsync(HttpClient office, Guid talentId, string status)
    {
        var response = await office.PostAsJsonAsync($"/api/v1/talents/{talentId}/status", new { status, reason = "测试 / test" }, Ct);
        await response.ReadJsonAsync();
    }

    public static async Task SetLevelAsync(HttpClient office, Guid talentId, string level)
    {
        var response = await office.PostAsJsonAsync(
            $"/api/v1/talents/{talentId}/level",
            new { level, category = "science", effectiveOn = "2026-01-01", reason = "测试 / test" },
            Ct);
        await response.ReadJsonAsync();
    }

    /// <summary>A fresh talent (level e) with its own account, so a test may suspend or re-level it freely.</summary>
    public static Task<(HttpClient Client, Guid TalentId, string Username)> FreshTalentAsync(TalentPassFactory factory) =>
        TalentsApi.TalentWithAccountAsync(factory);
}
