using System.Net.Http.Json;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Partners;

namespace TalentPass.IntegrationTests.Webhooks;

/// <summary>A partner of the test's own, onboarded through the Partners API, calling with HMAC-signed requests, so tests never share a partner's endpoint.</summary>
internal static class WebhookPartners
{
    public static async Task<(Guid Organisation, HttpClient Client)> CreateAsync(TalentPassFactory factory)
    {
        var partner = await PartnersApi.OnboardAsync(factory);
        return (partner.OrganisationId, PartnersApi.Signed(factory, partner));
    }

    /// <summary>A state-changing partner-API call carries an Idempotency-Key.</summary>
    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
