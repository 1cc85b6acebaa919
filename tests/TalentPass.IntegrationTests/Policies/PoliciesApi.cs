using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Policies;

/// <summary>Helpers for the policy tests: unique labels, drafting and taking a version through the approval trail.</summary>
internal static class PoliciesApi
{
    /// <summary>The second talent-office account the policies demo seeder creates (the approver is never the proposer).</summary>
    public const string Approver = "demo-approver";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static DateOnly Today => BusinessTime.Today(TimeProvider.System);

    public static string NewLabel(string prefix = "test") => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<JsonElement> DraftAsync(HttpClient office, string label, string kind = "rules", DateOnly? validFrom = null, DateOnly? validTo = null, Guid? supersedesId = null)
    {
        var response = await office.PostAsJsonAsync("/api/v1/policies", new
        {
            kind,
            label,
            titleZh = "测试政策 " + label,
            titleEn = "Test policy " + label,
            validFrom = Day(validFrom ?? Today),
            validTo = validTo is { } to ? Day(to) : null,
            documentText = "Policy text of " + label,
            supersedesId,
        }, Ct);
        return await response.ReadJsonAsync();
    }

    public static Task<HttpResponseMessage> StepAsync(HttpClient client, Guid id, string step, string? minutes = null) =>
        client.PostAsJsonAsync($"/api/v1/policies/{id}/{step}", new { minutesText = minutes, note = "test" }, Ct);

    /// <summary>Drafted and proposed by <paramref name="office"/>, reviewed by the joint meeting, approved by <paramref name="approver"/>.</summary>
    public static async Task<JsonElement> ApprovedAsync(HttpClient office, HttpClient approver, string label, string kind = "rules", DateOnly? validFrom = null, DateOnly? validTo = null, Guid? supersedesId = null)
    {
        var id = (await DraftAsync(office, label, kind, validFrom, validTo, supersedesId)).GetProperty("id").GetGuid();
        (await StepAsync(office, id, "propose")).EnsureSuccessStatusCode();
        (await StepAsync(office, id, "review", "Joint meeting minutes " + label)).EnsureSuccessStatusCode();
        return await (await StepAsync(approver, id, "approve", "Leading group decision " + label)).ReadJsonAsync();
    }
}
