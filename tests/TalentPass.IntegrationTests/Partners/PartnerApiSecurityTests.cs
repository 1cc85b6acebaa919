using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Partners.Persistence;

namespace TalentPass.IntegrationTests.Partners;

/// <summary>Signed requests: every bad signature, stale timestamp, replay and revoked key is refused with its code and changes nothing.</summary>
public sealed class PartnerApiSecurityTests(TalentPassFactory factory)
{
    private static readonly Uri Me = new("/api/v1/partners/me", UriKind.Relative);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SandboxKey_DemoBank_SignsRequests()
    {
        // The demo-only sandbox credentials printed in docs/partner-api.md.
        var client = PartnerApiClient.Create(factory, "tpk_sandbox_bank-icbc", SandboxSecret("bank-icbc"));

        var me = await (await client.GetAsync(Me, Ct)).ReadJsonAsync();

        me.GetProperty("code").GetString().ShouldBe("bank-icbc");
    }

    [Fact]
    public async Task BadSignatures_EachRefusedWithItsCode_AndContactUnchanged()
    {
        var partner = await PartnersApi.OnboardAsync(factory);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var body = JsonBody("Mallory");
        var cases = new (string Code, Action<HttpRequestMessage> Tamper)[]
        {
            ("partners.signature_missing", r => Sign(r, partner.KeyId, partner.Secret, now, body, skip: "X-TalentPass-Signature")),
            ("partners.signature_missing", r => Sign(r, partner.KeyId, partner.Secret, now, body, skip: "X-TalentPass-Nonce")),
            ("partners.signature_malformed", r => Sign(r, partner.KeyId, partner.Secret, now, body, nonce: "short")),
            ("partners.signature_malformed", r => Sign(r, partner.KeyId, partner.Secret, now, body, timestampText: "yesterday")),
            ("partners.timestamp_out_of_window", r => Sign(r, partner.KeyId, partner.Secret, now - 301, body)),
            ("partners.timestamp_out_of_window", r => Sign(r, partner.KeyId, partner.Secret, now + 600, body)),
            ("partners.signature_invalid", r => Sign(r, partner.KeyId, "tps_wrong-secret", now, body)),
            ("partners.signature_invalid", r => Sign(r, partner.KeyId, partner.Secret, now, JsonBody("Signed body"))),
            ("partners.signature_invalid", r => Sign(r, partner.KeyId, partner.Secret, now, body, path: "/api/v1/partners/me")),
            ("partners.key_unknown", r => Sign(r, "tpk_live_0000000000000000", partner.Secret, now, body)),
        };

        foreach (var (code, tamper) in cases)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/partners/me/contact") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            tamper(request);

            var response = await factory.CreateDefaultClient().SendAsync(request, Ct);

            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, code);
        }

        var me = await (await PartnersApi.Signed(factory, partner).GetAsync(Me, Ct)).ReadJsonAsync();
        me.GetProperty("contactName").GetString().ShouldBe("李经理");
    }

    [Fact]
    public async Task Nonce_UsedTwice_SecondRefusedAsReplay_AndNotApplied()
    {
        var partner = await PartnersApi.OnboardAsync(factory);
        var nonce = PartnerApiClient.NewNonce();
        var (client, signer) = PartnerApiClient.CreateWithSigner(factory, partner.KeyId, partner.Secret);
        signer.Nonce = () => nonce;

        var first = await client.PutAsJsonAsync("/api/v1/partners/me/contact", new { contactName = "王一", contactPhone = "0371-1111111" }, Ct);
        var replay = await client.PutAsJsonAsync("/api/v1/partners/me/contact", new { contactName = "王二", contactPhone = "0371-2222222" }, Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        await replay.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "partners.nonce_replayed");
        var me = await (await PartnersApi.Signed(factory, partner).GetAsync(Me, Ct)).ReadJsonAsync();
        me.GetProperty("contactName").GetString().ShouldBe("王一");
    }

    [Fact]
    public async Task Key_Revoked_RefusedWithKeyRevoked_OtherKeysStillWork()
    {
        var partner = await PartnersApi.OnboardAsync(factory);
        var staff = await factory.CreateClientAsAsync(partner.StaffUsername, partner.StaffPassword);
        var second = await (await staff.PostAsJsonAsync("/api/v1/partners/me/keys", new { label = "备用系统" }, Ct)).ReadJsonAsync();
        var keys = await (await staff.GetAsync(new Uri("/api/v1/partners/me/keys", UriKind.Relative), Ct)).ReadJsonAsync();
        var firstId = keys.EnumerateArray().Single(k => k.GetProperty("keyId").GetString() == partner.KeyId).GetProperty("id").GetGuid();

        (await staff.PostAsync(new Uri($"/api/v1/partners/me/keys/{firstId}/revoke", UriKind.Relative), null, Ct)).EnsureSuccessStatusCode();

        await (await PartnersApi.Signed(factory, partner).GetAsync(Me, Ct)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "partners.key_revoked");
        var other = PartnerApiClient.Create(factory, second.GetProperty("keyId").GetString()!, second.GetProperty("secret").GetString()!);
        (await other.GetAsync(Me, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ApiKey_CannotManageKeys_OnlyStaffCan()
    {
        var partner = await PartnersApi.OnboardAsync(factory);

        var response = await PartnersApi.Signed(factory, partner).PostAsJsonAsync("/api/v1/partners/me/keys", new { label = "minted by a key" }, Ct);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Partner_CannotSeeOrRevokeAnotherPartnersKeys()
    {
        var a = await PartnersApi.OnboardAsync(factory);
        var b = await PartnersApi.OnboardAsync(factory);
        var staffA = await factory.CreateClientAsAsync(a.StaffUsername, a.StaffPassword);
        var staffB = await factory.CreateClientAsAsync(b.StaffUsername, b.StaffPassword);
        var keysB = await (await staffB.GetAsync(new Uri("/api/v1/partners/me/keys", UriKind.Relative), Ct)).ReadJsonAsync();
        var keyB = keysB.EnumerateArray().Single().GetProperty("id").GetGuid();

        var keysA = await (await staffA.GetAsync(new Uri("/api/v1/partners/me/keys", UriKind.Relative), Ct)).ReadJsonAsync();
        var revoke = await staffA.PostAsync(new Uri($"/api/v1/partners/me/keys/{keyB}/revoke", UriKind.Relative), null, Ct);

        keysA.EnumerateArray().Select(k => k.GetProperty("keyId").GetString()).ShouldBe([a.KeyId]);
        await revoke.ShouldBeProblemAsync(HttpStatusCode.NotFound, "partners.key_not_found");
        (await PartnersApi.Signed(factory, b).GetAsync(Me, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var meA = await (await PartnersApi.Signed(factory, a).GetAsync(Me, Ct)).ReadJsonAsync();
        meA.GetProperty("organisationId").GetGuid().ShouldBe(a.OrganisationId);
    }

    [Fact]
    public async Task IdempotencyKey_SameRequestReplayed_DifferentBody422_Missing400()
    {
        var partner = await PartnersApi.OnboardAsync(factory);
        var client = PartnersApi.Signed(factory, partner);
        var key = Guid.NewGuid().ToString("N");

        var first = await Put(client, key, "张三");
        var replay = await Put(client, key, "张三");
        var different = await Put(client, key, "李四");
        var missing = await PartnerApiClient.Create(factory, partner.KeyId, partner.Secret, s => s.AutoIdempotencyKey = false)
            .PutAsJsonAsync("/api/v1/partners/me/contact", new { contactName = "赵五", contactPhone = "0371-5555555" }, Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        replay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await replay.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
        await different.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "partners.idempotency_key_reused");
        await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "partners.idempotency_key_missing");
        var me = await (await client.GetAsync(Me, Ct)).ReadJsonAsync();
        me.GetProperty("contactName").GetString().ShouldBe("张三");
        me.GetProperty("version").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task IdempotencyKey_WhileFirstStillRuns_Returns409()
    {
        var partner = await PartnersApi.OnboardAsync(factory);
        var key = Guid.NewGuid().ToString("N");
        var body = Encoding.UTF8.GetBytes("{\"contactName\":\"并发\",\"contactPhone\":\"0371-3333333\"}");
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            "PUT\n/api/v1/partners/me/contact\n" + Convert.ToHexStringLower(SHA256.HashData(body)))));
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PartnersDbContext>();
            var now = TimeProvider.System.GetUtcNow();
            db.Idempotency.Add(new IdempotencyRow { OrganisationId = partner.OrganisationId, IdempotencyKey = key, RequestHash = fingerprint, CreatedAt = now, ExpiresAt = now.AddHours(1) });
            return await db.SaveChangesAsync(Ct);
        });
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/partners/me/contact") { Content = content };
        request.Headers.Add("Idempotency-Key", key);

        var response = await PartnersApi.Signed(factory, partner).SendAsync(request, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "partners.idempotency_in_progress");
        var me = await (await PartnersApi.Signed(factory, partner).GetAsync(Me, Ct)).ReadJsonAsync();
        me.GetProperty("contactName").GetString().ShouldBe("李经理");
    }

    [Fact]
    public async Task RateLimit_Exceeded_Returns429WithRetryAfter()
    {
        var partner = await PartnersApi.OnboardAsync(factory);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        (await office.PutAsJsonAsync($"/api/v1/partners/{partner.OrganisationId}/rate-limit", new { perMinute = 3 }, Ct)).EnsureSuccessStatusCode();
        var client = PartnersApi.Signed(factory, partner);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.GetAsync(Me, Ct)).StatusCode);
        }

        var last = await client.GetAsync(Me, Ct);

        statuses.ShouldAllBe(s => s == HttpStatusCode.OK);
        await last.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "partners.rate_limited");
        int.Parse(last.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        (await PartnerApiClient.Create(factory, "tpk_sandbox_bank-ccb", SandboxSecret("bank-ccb")).GetAsync(Me, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, string key, string name)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/partners/me/contact") { Content = JsonContent.Create(new { contactName = name, contactPhone = "0371-6666666" }) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request, Ct);
    }

    private static byte[] JsonBody(string name) => Encoding.UTF8.GetBytes($"{{\"contactName\":\"{name}\",\"contactPhone\":\"0371-9999999\"}}");

    /// <summary>Signs <paramref name="request"/> with the documented algorithm, over <paramref name="signedBody"/> (which may differ from the body sent).</summary>
    private static void Sign(HttpRequestMessage request, string keyId, string secret, long timestamp, byte[] signedBody, string? nonce = null, string? skip = null, string? path = null, string? timestampText = null)
    {
        nonce ??= PartnerApiClient.NewNonce();
        var canonical = PartnerApiClient.CanonicalString(keyId, timestamp, nonce, request.Method.Method, path ?? request.RequestUri?.OriginalString ?? "/", PartnerApiClient.BodySha256(signedBody));
        var headers = new Dictionary<string, string>
        {
            ["X-TalentPass-Key"] = keyId,
            ["X-TalentPass-Timestamp"] = timestampText ?? timestamp.ToString(CultureInfo.InvariantCulture),
            ["X-TalentPass-Nonce"] = nonce,
            ["X-TalentPass-Signature"] = PartnerApiClient.Sign(secret, canonical),
        };
        foreach (var (name, value) in headers.Where(h => h.Key != skip))
        {
            request.Headers.Add(name, value);
        }
    }

    /// <summary>Recomputes the documented sandbox secret derivation (demo data only).</summary>
    internal static string SandboxSecret(string code) =>
        "tps_sandbox_" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("talentpass-demo-sandbox:" + code))).TrimEnd('=').Replace('+', '-').Replace('/', '_')[..32];
}
