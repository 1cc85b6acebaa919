using System.Net;
using System.Text;
using TalentPass.Verifier;

namespace TalentPass.UnitTests.Verifier;

public sealed class VerifierClientTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("talentpass-verifier-cache-").FullName;

    [Fact]
    public async Task RefreshAsync_ServerWithListsThenOffline_VerifiesAndStartsFromTheCache()
    {
        var (root, issuer, documents) = Server();
        var clock = new FakeClock(TestCodes.Now);
        var code = TalentCode.Encode(TestCodes.Claims(), issuer.Signer);
        var online = new OfflineVerifier(root.Key, clock);
        using var http = new HttpClient(new Handler(documents)) { BaseAddress = new Uri("https://talentpass.test/") };

        var refresh = await new VerifierClient(http, online, _cache).RefreshAsync(TestContext.Current.CancellationToken);

        refresh.Problems.ShouldBeEmpty();
        (refresh.TrustListInstalled, refresh.StatusListsInstalled).ShouldBe((true, 1));
        online.Verify(code).Outcome.ShouldBe(VerificationOutcome.Suspended);

        var restarted = new OfflineVerifier(root.Key, clock);
        using var offline = new HttpClient(new Handler([])) { BaseAddress = new Uri("https://talentpass.test/") };
        var loaded = new VerifierClient(offline, restarted, _cache).LoadCache();
        loaded.Problems.ShouldBeEmpty();
        (loaded.TrustListInstalled, loaded.StatusListsInstalled).ShouldBe((true, 1));
        restarted.Verify(code).Outcome.ShouldBe(VerificationOutcome.Suspended);
    }

    [Fact]
    public async Task RefreshAsync_TamperedStatusList_IsReportedAndNotCached()
    {
        var (root, _, documents) = Server();
        var tampered = (byte[])documents["/api/v1/codes/status-lists/1"].Clone();
        tampered[^1] ^= 1;
        documents["/api/v1/codes/status-lists/1"] = tampered;
        var verifier = new OfflineVerifier(root.Key, new FakeClock(TestCodes.Now));
        using var http = new HttpClient(new Handler(documents)) { BaseAddress = new Uri("https://talentpass.test/") };

        var refresh = await new VerifierClient(http, verifier, _cache).RefreshAsync(TestContext.Current.CancellationToken);

        refresh.TrustListInstalled.ShouldBeTrue();
        refresh.StatusListsInstalled.ShouldBe(0);
        refresh.Problems.ShouldHaveSingleItem().ShouldContain("signature");
        File.Exists(Path.Combine(_cache, "status-list-1.cose")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("{\"ids\": [1, 2]}")]
    [InlineData("[{\"id\": 1}, {\"id\": 2}]")]
    [InlineData("{\"statusLists\": [{\"id\": 1, \"size\": 131072}, {\"id\": 2}]}")]
    public void ParseIds_AcceptedShapes_GiveTheIds(string json) =>
        VerifierClient.ParseIds(Encoding.UTF8.GetBytes(json)).ShouldBe([1u, 2u]);

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    private static ((ICodeSigner Signer, ICodeVerificationKey Key) Root, (ICodeSigner Signer, ICodeVerificationKey Key) Issuer, Dictionary<string, byte[]> Documents) Server()
    {
        var root = TestCodes.Create(CodeProfiles.Es256);
        var issuer = TestCodes.Create(CodeProfiles.Sm2);
        var trust = new TrustList("CN-410100-ZYKJC", 1, TestCodes.Now, TestCodes.Now.AddDays(1),
            [new TrustedKey(issuer.Key.KeyId, issuer.Key.Profile, issuer.Key.SubjectPublicKeyInfo, TestCodes.Now.AddDays(-1), TestCodes.Now.AddYears(1))]);
        var status = new StatusList(1, StatusList.MinimumSize, TestCodes.Now, TestCodes.Now.AddMinutes(15));
        status.Set(123_456, EntryStatus.Suspended);
        return (root, issuer, new Dictionary<string, byte[]>
        {
            ["/api/v1/codes/trust-list"] = trust.Sign(root.Signer),
            ["/api/v1/codes/status-lists"] = "{\"ids\":[1]}"u8.ToArray(),
            ["/api/v1/codes/status-lists/1"] = status.Sign(issuer.Signer),
        });
    }

    private sealed class Handler(Dictionary<string, byte[]> documents) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(documents.TryGetValue(request.RequestUri!.AbsolutePath, out var body)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) }
                : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
