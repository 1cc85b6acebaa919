using System.Net.Http.Json;
using System.Text.Json;
using TalentPass.IntegrationTests.Identity;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Governance;

/// <summary>Helpers for the Governance tests: rules, a second talent-office decider, a case by rule code.</summary>
internal static class GovernanceApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string UniqueRuleCode() => "t-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A rule body; by default the talent office's "misuse report + overdue review → suspend all" with the given period.</summary>
    public static Dictionary<string, object?> Rule(string code, int responseWorkingDays, bool reviewOverdue = true, string effect = "suspend_all", string deciderRole = Roles.TalentOffice, Guid? effectPartnerId = null) => new()
    {
        ["code"] = code,
        ["nameZh"] = "测试规则" + code,
        ["nameEn"] = "Test rule " + code,
        ["misuseReportsMin"] = 1,
        ["misuseReportsDays"] = 30,
        ["reviewOverdue"] = reviewOverdue,
        ["responseWorkingDays"] = responseWorkingDays,
        ["deciderRole"] = deciderRole,
        ["deciderNotSender"] = true,
        ["effect"] = effect,
        ["effectPartnerId"] = effectPartnerId,
    };

    /// <summary>Another talent-office account (a second decider).</summary>
    public static async Task<HttpClient> SecondOfficerAsync(TalentPassFactory factory)
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var username = IdentityApi.UniqueName("officer");
        await IdentityApi.CreateAccountAsync(office, username, [Roles.TalentOffice], await IdentityApi.OrganisationIdAsync(office, "talent-office"));
        return await factory.CreateClientAsAsync(username, IdentityApi.StrongPassword);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) =>
        await client.PostAsJsonAsync(path, body, Ct);

    public static async Task<JsonElement> CaseUnderRuleAsync(HttpClient office, string ruleCode)
    {
        var page = await (await office.GetAsync(new Uri($"/api/v1/governance/cases?rule={ruleCode}", UriKind.Relative), Ct)).ReadJsonAsync();
        var id = page.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid();
        return await (await office.GetAsync(new Uri($"/api/v1/governance/cases/{id}", UriKind.Relative), Ct)).ReadJsonAsync();
    }
}
