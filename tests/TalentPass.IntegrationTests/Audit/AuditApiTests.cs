using System.Net;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.Audit;

public sealed class AuditApiTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("demo-talentoffice")]
    [InlineData("demo-bigdata")]
    [InlineData("demo-operator")]
    public async Task AuditEvents_NonAuditor_Returns403(string username)
    {
        var client = await factory.CreateClientAsAsync(username);

        var response = await client.GetAsync(new Uri("/api/v1/audit/events", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task AuditEvents_Anonymous_Returns401()
    {
        var response = await factory.CreateAnonymousClient().GetAsync(new Uri("/api/v1/audit/events", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task AuditEvents_FailedSignIn_IsRecordedWithoutPasswordNewestFirst()
    {
        var username = "ghost-" + Guid.NewGuid().ToString("N")[..8];
        var secret = "Secret#" + Guid.NewGuid().ToString("N")[..8];
        await Identity.IdentityApi.RequestTokenAsync(factory.CreateAnonymousClient(), username, secret);
        var auditor = await factory.CreateClientAsAsync("demo-auditor");

        var body = await (await auditor.GetAsync(new Uri($"/api/v1/audit/events?action=auth.sign_in&actor={username}", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
        var page = await (await auditor.GetAsync(new Uri("/api/v1/audit/events?action=auth.*&size=5", UriKind.Relative), Ct)).ReadJsonAsync();

        body.ShouldContain("\"succeeded\":false");
        body.ShouldNotContain(secret);
        var times = page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("occurredAt").GetDateTimeOffset()).ToList();
        times.ShouldBe(times.OrderByDescending(t => t).ToList());
        times.Count.ShouldBe(5);
    }

    [Fact]
    public async Task AuditPage_Auditor_ShowsTable()
    {
        var client = await factory.CreateClientAsAsync("demo-auditor");

        var response = await client.GetAsync(new Uri("/audit?action=auth.sign_in", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("<code>auth.sign_in</code>");
    }
}
