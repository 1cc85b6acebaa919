using System.Net.Http.Json;
using System.Text.Json;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Verifier;

namespace TalentPass.IntegrationTests.Codes;

/// <summary>
/// The offline path end to end: the verifier library pins the root key, downloads the trust list and status lists
/// from the server and verifies codes in memory; a suspension reaches it with the next status list; stale lists
/// give undetermined, never revoked.
/// </summary>
public sealed class CodesOfflineTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OfflineVerifier_WithDownloadedLists_ValidThenSuspendedAfterTheNextStatusList()
    {
        var (talent, id, _) = await CodesApi.FreshTalentAsync(factory);
        var code = await CodesApi.MyCodeTextAsync(talent);
        var verifier = await NewVerifierAsync();
        var client = new VerifierClient(factory.CreateClient(), verifier);
        var first = await client.RefreshAsync(Ct);
        var before = verifier.Verify(code);

        await CodesApi.SetStatusAsync(await factory.CreateClientAsAsync("demo-talentoffice"), id, "suspended");
        var stillCached = verifier.Verify(code);
        var second = await client.RefreshAsync(Ct);
        var after = verifier.Verify(code);

        first.Problems.ShouldBeEmpty();
        first.TrustListInstalled.ShouldBeTrue();
        first.StatusListsInstalled.ShouldBeGreaterThan(0);
        before.Outcome.ShouldBe(VerificationOutcome.Valid, before.Reason);
        before.Claims!.MaskedName.ShouldContain("*");
        stillCached.Outcome.ShouldBe(VerificationOutcome.Valid); // offline: only the next list carries the change
        second.Problems.ShouldBeEmpty();
        after.Outcome.ShouldBe(VerificationOutcome.Suspended, after.Reason);
    }

    [Fact]
    public async Task OfflineVerifier_ListsOlderThanTheirMaximumAge_Undetermined()
    {
        // A static code: still within its own validity when the lists have gone stale.
        var talent = await factory.CreateClientAsAsync("demo-talent");
        var code = (await (await talent.PostAsync(new Uri("/api/v1/codes/me/static", UriKind.Relative), null, Ct)).ReadJsonAsync()).GetProperty("code").GetString();
        var clock = new ShiftedClock();
        var verifier = await NewVerifierAsync(clock);
        (await new VerifierClient(factory.CreateClient(), verifier).RefreshAsync(Ct)).Problems.ShouldBeEmpty();
        var statusList = verifier.StatusLists.Values.First();
        var maxAge = statusList.ValidUntil - statusList.IssuedAt;

        var fresh = verifier.Verify(code);
        clock.Shift = maxAge + TimeSpan.FromSeconds(1);
        var stale = verifier.Verify(code);

        maxAge.ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(15));
        fresh.Outcome.ShouldBe(VerificationOutcome.Valid, fresh.Reason);
        stale.Outcome.ShouldBe(VerificationOutcome.Undetermined, stale.Reason);
    }

    [Fact]
    public async Task StatusList_Download_SignedCoseWithAtLeast131072Entries()
    {
        var anonymous = factory.CreateAnonymousClient();
        await CodesApi.MyCodeTextAsync(await factory.CreateClientAsAsync("demo-talent")); // at least one list exists
        var ids = await (await anonymous.GetAsync(new Uri("/api/v1/codes/status-lists", UriKind.Relative), Ct)).ReadJsonAsync();
        var first = ids.GetProperty("ids").EnumerateArray().First().GetInt32();
        var verifier = await NewVerifierAsync();
        verifier.TryUseTrustList(await anonymous.GetByteArrayAsync(new Uri("/api/v1/codes/trust-list", UriKind.Relative), Ct), out var trustReason).ShouldBeTrue(trustReason);

        var response = await anonymous.GetAsync(new Uri($"/api/v1/codes/status-lists/{first}", UriKind.Relative), Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/cose");
        verifier.TryUseStatusList(bytes, out var reason).ShouldBeTrue(reason);
        verifier.StatusLists[(uint)first].Size.ShouldBeGreaterThanOrEqualTo(131_072);
        var missing = await anonymous.GetAsync(new Uri("/api/v1/codes/status-lists/999999", UriKind.Relative), Ct);
        await missing.ShouldBeProblemAsync(System.Net.HttpStatusCode.NotFound, "codes.status_list_not_found");
    }

    private async Task<OfflineVerifier> NewVerifierAsync(TimeProvider? clock = null)
    {
        var root = await factory.CreateAnonymousClient().GetFromJsonAsync<JsonElement>("/api/v1/codes/root-key", Ct);
        var key = CodeKeys.CreateVerificationKey(root.GetProperty("profile").GetString()!, Convert.FromBase64String(root.GetProperty("publicKey").GetString()!));
        Convert.ToHexStringLower(key.KeyId.Span).ShouldBe(root.GetProperty("keyId").GetString());
        return new OfflineVerifier(key, clock);
    }

    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
    }
}
