using System.Net;
using System.Net.Http.Json;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.Partners;

/// <summary>Who may call the partner API (<c>RequirePartnerApi()</c>): partner staff bearer tokens and signed requests only.</summary>
public sealed class PartnerApiAccessTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PartnerStaffBearer_GetMe_ReturnsOwnBank()
    {
        var bank = await factory.CreateClientAsAsync("demo-bank");

        var me = await (await bank.GetAsync(new Uri("/api/v1/partners/me", UriKind.Relative), Ct)).ReadJsonAsync();

        me.GetProperty("code").GetString().ShouldBe("bank-zhongyuan");
        me.GetProperty("keyId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task TalentOfficeBearer_GetMe_Returns403()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var response = await office.GetAsync(new Uri("/api/v1/partners/me", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Anonymous_GetMe_Returns401SignatureMissing()
    {
        var anonymous = factory.CreateAnonymousClient();

        var response = await anonymous.GetAsync(new Uri("/api/v1/partners/me", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "partners.signature_missing");
    }

    [Fact]
    public async Task BadBearerToken_GetMe_Returns401Unauthenticated()
    {
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");

        var response = await client.GetAsync(new Uri("/api/v1/partners/me", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task PartnerStaffBearer_StateChangeWithoutIdempotencyKey_Returns400()
    {
        var bank = await factory.CreateClientAsAsync("demo-bank");

        var response = await bank.PutAsJsonAsync("/api/v1/partners/me/contact", new { contactName = "王经理", contactPhone = "0371-12345678" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "partners.idempotency_key_missing");
    }
}
