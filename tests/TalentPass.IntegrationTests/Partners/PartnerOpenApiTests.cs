using System.Text.Json;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.Partners;

public sealed class PartnerOpenApiTests(TalentPassFactory factory)
{
    [Fact]
    public async Task OpenApi_PartnerOperations_DocumentSignatureHeadersIdempotencyAndExamples()
    {
        var json = await factory.CreateAnonymousClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        var paths = JsonDocument.Parse(json).RootElement.GetProperty("paths");

        var get = paths.GetProperty("/api/v1/partners/me").GetProperty("get");
        var put = paths.GetProperty("/api/v1/partners/me/contact").GetProperty("put");

        Headers(get).ShouldBe(["X-TalentPass-Key", "X-TalentPass-Timestamp", "X-TalentPass-Nonce", "X-TalentPass-Signature"], ignoreOrder: true);
        Headers(put).ShouldContain("Idempotency-Key");
        put.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Idempotency-Key").GetProperty("required").GetBoolean().ShouldBeTrue();
        put.GetProperty("responses").GetProperty("422").GetProperty("content").GetProperty("application/problem+json").GetProperty("example").GetProperty("code").GetString().ShouldBe("partners.idempotency_key_reused");
        get.GetProperty("responses").GetProperty("429").ValueKind.ShouldBe(JsonValueKind.Object);
        put.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("contactName").GetString().ShouldBe("王经理");
        paths.GetProperty("/api/v1/partner-applications").GetProperty("post").GetProperty("operationId").GetString().ShouldBe("SubmitPartnerApplication");
    }

    private static List<string?> Headers(JsonElement operation) =>
        operation.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "header").Select(p => p.GetProperty("name").GetString()).ToList();
}
