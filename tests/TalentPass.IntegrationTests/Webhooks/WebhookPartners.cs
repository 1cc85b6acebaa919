using System.Net.Http.Json;
using TalentPass.IntegrationTests.Identity;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.Webhooks;

/// <summary>A fresh partner organisation of the test's own with a partner_staff account (bearer token), so tests never share a partner's endpoint.</summary>
internal static class WebhookPartners
{
    public static async Task<(Guid Organisation, HttpClient Client)> CreateAsync(TalentPassFactory factory)
    {
        var ct = TestContext.Current.CancellationToken;
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var code = IdentityApi.UniqueName("whbank");
        var created = await office.PostAsJsonAsync("/api/v1/organisations", new { code, name = "测试银行" + code, kind = "partner" }, ct);
        var organisation = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        var username = IdentityApi.UniqueName("whstaff");
        await IdentityApi.CreateAccountAsync(office, username, ["partner_staff"], organisation);
        return (organisation, await factory.CreateClientAsAsync(username, IdentityApi.StrongPassword));
    }

    /// <summary>A state-changing partner-API call carries an Idempotency-Key.</summary>
    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
