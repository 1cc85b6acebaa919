using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TalentPass.IntegrationTests.Identity;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Recognition;

/// <summary>Helpers for the Recognition tests: fresh experts, talents, applications and panels.</summary>
internal static class RecognitionApi
{
    public const string Office = "demo-talentoffice";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static object Evidence(string text = "证明材料 / evidence") => new
    {
        fileName = "evidence.txt",
        contentType = "text/plain",
        contentBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(text + Guid.NewGuid())),
    };

    /// <summary>A fresh account of <paramref name="role"/> in organisation <paramref name="orgCode"/>, put in the expert pool.</summary>
    public static async Task<(HttpClient Client, Guid AccountId)> ExpertAsync(TalentPassFactory factory, string role = Roles.Department, string orgCode = "dept-science", Guid? organisationId = null)
    {
        var office = await factory.CreateClientAsAsync(Office);
        var org = organisationId ?? await IdentityApi.OrganisationIdAsync(office, orgCode);
        var username = IdentityApi.UniqueName("exp");
        var account = await IdentityApi.CreateAccountAsync(office, username, [role], org);
        var expert = await (await office.PostAsJsonAsync("/api/v1/recognition/experts",
            new { username, displayName = "测试专家", affiliationOrganisationId = org, affiliationName = orgCode, field = "测试" }, Ct)).ReadJsonAsync();
        expert.GetProperty("accountId").GetGuid().ShouldBe(account.GetProperty("id").GetGuid());
        return (await factory.CreateClientAsAsync(username, IdentityApi.StrongPassword), account.GetProperty("id").GetGuid());
    }

    public static async Task<List<(HttpClient Client, Guid AccountId)>> ExpertsAsync(TalentPassFactory factory, int count)
    {
        var experts = new List<(HttpClient, Guid)>();
        for (var i = 0; i < count; i++)
        {
            experts.Add(await ExpertAsync(factory));
        }

        return experts;
    }

    public static Task<HttpResponseMessage> ApplyAsync(HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/v1/recognition/applications", body, Ct);

    public static async Task<Guid> ApplyForReviewAsync(HttpClient talent, string level = "c")
    {
        var response = await ApplyAsync(talent, new { path = "expert_review", level, statement = "测试业绩 / test", evidence = new[] { Evidence() } });
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> FormPanelAsync(HttpClient office, Guid id, IEnumerable<Guid> experts) =>
        office.PostAsJsonAsync($"/api/v1/recognition/applications/{id}/panel", new { experts = experts.ToArray() }, Ct);

    public static Task<HttpResponseMessage> DeclareAsync(HttpClient expert, Guid id, bool conflict, string? reason = null) =>
        expert.PostAsJsonAsync($"/api/v1/recognition/reviews/{id}/declaration", new { hasConflict = conflict, reason }, Ct);

    public static Task<HttpResponseMessage> ScoreAsync(HttpClient expert, Guid id, int score) =>
        expert.PostAsJsonAsync($"/api/v1/recognition/reviews/{id}/score", new { score, comment = "测试意见" }, Ct);

    public static Task<HttpResponseMessage> CloseAsync(HttpClient office, Guid id) =>
        office.PostAsync(new Uri($"/api/v1/recognition/applications/{id}/panel/close", UriKind.Relative), null, Ct);

    public static Task<HttpResponseMessage> DecideAsync(HttpClient office, Guid id, bool approve = true, string? level = null) =>
        office.PostAsJsonAsync($"/api/v1/recognition/applications/{id}/decision", new { approve, level, reason = "测试决定 / test decision" }, Ct);

    public static async Task<JsonElement> GetAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync(new Uri($"/api/v1/recognition/applications/{id}", UriKind.Relative), Ct)).ReadJsonAsync();

    /// <summary>Declares no conflict and scores, as each expert in turn.</summary>
    public static async Task ScoreAllAsync(IEnumerable<(HttpClient Client, Guid AccountId)> experts, Guid id, params int[] scores)
    {
        var i = 0;
        foreach (var (client, _) in experts)
        {
            await (await DeclareAsync(client, id, false)).ReadJsonAsync();
            await (await ScoreAsync(client, id, scores[i++])).ReadJsonAsync();
        }
    }

    /// <summary>A fresh enterprise with its own enterprise-contact account; returns the enterprise id, the contact's username and bearer client.</summary>
    public static async Task<(Guid Enterprise, string Username, HttpClient Contact)> EnterpriseWithContactAsync(TalentPassFactory factory)
    {
        var office = await factory.CreateClientAsAsync(Office);
        var enterprise = await EnterpriseAsync(office);
        var username = IdentityApi.UniqueName("ent");
        await IdentityApi.CreateAccountAsync(office, username, [Roles.EnterpriseContact], enterprise);
        return (enterprise, username, await factory.CreateClientAsAsync(username, IdentityApi.StrongPassword));
    }

    /// <summary>A fresh enterprise organisation; returns its id.</summary>
    public static async Task<Guid> EnterpriseAsync(HttpClient office)
    {
        var code = "ENT-T-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var org = await (await office.PostAsJsonAsync("/api/v1/organisations", new { code, name = "测试企业" + code, kind = "enterprise" }, Ct)).ReadJsonAsync();
        return org.GetProperty("id").GetGuid();
    }
}
