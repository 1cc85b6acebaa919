using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using TalentPass.IntegrationTests.Identity;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Talents;

/// <summary>Helpers for the Talents tests: unique valid ID numbers, registering talents, talents with their own account.</summary>
internal static class TalentsApi
{
    private static int sequence;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A valid GB 11643 number unique in this test run: area 410183 (never used by the demo seeder), a birth date
    /// and sequence derived from a process-wide counter, and the computed check character.
    /// </summary>
    public static string NewIdNumber(bool male = true)
    {
        var n = Interlocked.Increment(ref sequence);
        var birth = new DateOnly(1970, 1, 1).AddDays(n / 400);
        var seq = (n % 400) * 2 + (male ? 1 : 0) + 100;
        var body = string.Create(CultureInfo.InvariantCulture, $"410183{birth:yyyyMMdd}{seq:D3}");
        return body + ResidentIdNumber.CheckCharacter(body);
    }

    /// <summary>A name unique in this run that sorts under its own prefix, e.g. 测试甲1234….</summary>
    public static string UniqueName(string prefix = "测") => prefix + Guid.NewGuid().ToString("N")[..10];

    public static async Task<Guid> RegisterAsync(HttpClient office, object body)
    {
        var response = await office.PostAsJsonAsync("/api/v1/talents", body, Ct);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public static Task<Guid> RegisterAsync(HttpClient office, string name, string? level = "d", Guid? employerOrganisationId = null, string? employerName = null, Guid? accountId = null, string? idNumber = null) =>
        RegisterAsync(office, new
        {
            name,
            idNumber = idNumber ?? NewIdNumber(),
            level,
            category = "science",
            phone = "13812345678",
            address = "河南省郑州市金水区农业路1号",
            educationDegree = "master",
            educationSchool = "郑州大学",
            employerOrganisationId,
            employerName,
            accountId,
        });

    public static async Task<JsonElement> GetAsync(HttpClient client, Guid id, bool unmask = false) =>
        await (await client.GetAsync(new Uri($"/api/v1/talents/{id}{(unmask ? "?unmask=true" : string.Empty)}", UriKind.Relative), Ct)).ReadJsonAsync();

    public static async Task<JsonElement> SearchAsync(HttpClient client, string query) =>
        await (await client.GetAsync(new Uri("/api/v1/talents?" + query, UriKind.Relative), Ct)).ReadJsonAsync();

    public static IReadOnlyList<string> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();

    /// <summary>
    /// A fresh talent with its own sign-in account; the given fields are registered by the talent office
    /// (so they are verified). Returns the talent's bearer client, talent id and username.
    /// </summary>
    public static async Task<(HttpClient Client, Guid TalentId, string Username)> TalentWithAccountAsync(TalentPassFactory factory, string? name = null)
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var username = IdentityApi.UniqueName("tal");
        var account = await IdentityApi.CreateAccountAsync(office, username, [Roles.Talent], null);
        var id = await RegisterAsync(office, name ?? UniqueName(), level: "e", accountId: account.GetProperty("id").GetGuid());
        var client = await factory.CreateClientAsAsync(username, IdentityApi.StrongPassword);
        return (client, id, username);
    }

    public static async Task<Guid> OrganisationIdAsync(TalentPassFactory factory, string code) =>
        await IdentityApi.OrganisationIdAsync(await factory.CreateClientAsAsync("demo-talentoffice"), code);
}
