using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using TalentPass.IntegrationTests.Identity;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Services;

/// <summary>
/// Helpers for the Services tests: talents whose data-sharing records (stand-in, derived from the ID number) make
/// them eligible or not, department staff accounts, and the applications API.
/// </summary>
internal static class ServicesApi
{
    private static int sequence;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>How the data-sharing stand-in treats a number (docs/data-sharing.md: the sequence code 0d… selects a case).</summary>
    public enum Records
    {
        /// <summary>Found everywhere; a bachelor who graduated at 22 (birth 2001 → 2023), contributing to social insurance.</summary>
        Ordinary,

        /// <summary>Social insurance stopped three months ago (contributing = false).</summary>
        LeftTheArea,

        /// <summary>Every source answers 503.</summary>
        Unavailable,
    }

    /// <summary>A valid ID number unique in this run (area 410185, born 2001–2003) with the given stand-in case.</summary>
    public static string NewIdNumber(Records records = Records.Ordinary)
    {
        var n = Interlocked.Increment(ref sequence);
        var birth = new DateOnly(2001, 1, 1).AddDays(n % 900);
        var seq = records switch
        {
            Records.LeftTheArea => "01" + (n % 10).ToString(CultureInfo.InvariantCulture),
            Records.Unavailable => "07" + (n % 10).ToString(CultureInfo.InvariantCulture),
            _ => "1" + (n % 100).ToString("D2", CultureInfo.InvariantCulture),
        };
        var body = string.Create(CultureInfo.InvariantCulture, $"410185{birth:yyyyMMdd}{seq}");
        return body + ResidentIdNumber.CheckCharacter(body);
    }

    /// <summary>A fresh talent of <paramref name="level"/> with its own account; returns the talent's client, id and ID number.</summary>
    public static async Task<(HttpClient Client, Guid TalentId, string IdNumber)> TalentAsync(TalentPassFactory factory, string level = "youth", Records records = Records.Ordinary)
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var username = IdentityApi.UniqueName("svc");
        var account = await IdentityApi.CreateAccountAsync(office, username, [Roles.Talent], null);
        var idNumber = NewIdNumber(records);
        var id = await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName("服"), level: level, accountId: account.GetProperty("id").GetGuid(), idNumber: idNumber);
        return (await factory.CreateClientAsAsync(username, IdentityApi.StrongPassword), id, idNumber);
    }

    /// <summary>A new department account in organisation <paramref name="organisationCode"/> (e.g. dept-social).</summary>
    public static async Task<HttpClient> StaffAsync(TalentPassFactory factory, string organisationCode, string role = Roles.Department)
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var org = await IdentityApi.OrganisationIdAsync(office, organisationCode);
        var username = IdentityApi.UniqueName("dep");
        await IdentityApi.CreateAccountAsync(office, username, [role], org);
        return await factory.CreateClientAsAsync(username, IdentityApi.StrongPassword);
    }

    public static Task<HttpResponseMessage> OneClickAsync(HttpClient talent, string matter) =>
        talent.PostAsJsonAsync("/api/v1/services/one-click", new { matter }, Ct);

    public static Task<HttpResponseMessage> WindowAsync(HttpClient staff, Guid talentId, string idNumber, params (string Code, Dictionary<string, string>? Materials)[] matters) =>
        staff.PostAsJsonAsync("/api/v1/services/window-applications", new { talentId, idNumber, matters = matters.Select(m => new { code = m.Code, materials = m.Materials }) }, Ct);

    public static Task<HttpResponseMessage> ApplyAsync(HttpClient talent, string matter, Dictionary<string, string>? materials = null) =>
        talent.PostAsJsonAsync("/api/v1/services/applications", new { matters = new[] { new { code = matter, materials } } }, Ct);

    public static Task<HttpResponseMessage> ActAsync(HttpClient staff, Guid stepId, string verb, string? reason = null) =>
        staff.PostAsJsonAsync($"/api/v1/services/steps/{stepId}/{verb}", new { reason }, Ct);

    public static async Task<JsonElement> GetAsync(HttpClient client, Guid applicationId) =>
        await (await client.GetAsync(new Uri($"/api/v1/services/applications/{applicationId}", UriKind.Relative), Ct)).ReadJsonAsync();

    public static JsonElement Item(JsonElement application, int index = 0) => application.GetProperty("items")[index];

    public static Guid StepId(JsonElement item, int index = 0) => item.GetProperty("steps")[index].GetProperty("id").GetGuid();

    public static async Task<JsonElement> QueueAsync(HttpClient staff, string query = "") =>
        await (await staff.GetAsync(new Uri("/api/v1/services/queue?size=200&" + query, UriKind.Relative), Ct)).ReadJsonAsync();

    public static readonly Dictionary<string, string> HouseholdMaterials = new() { ["diploma"] = "毕业证书.pdf", ["employment-proof"] = "在职证明.pdf" };

    public static readonly Dictionary<string, string> ResearchMaterials = new() { ["research-plan"] = "科研计划.pdf" };
}
