using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Codes;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Redemptions.Contracts;
using TalentPass.Modules.Rights.Contracts;

namespace TalentPass.IntegrationTests.Redemptions;

/// <summary>Redemption at a service point: quotas under concurrency, idempotency, refusals, reversal, offline sync, feed.</summary>
public sealed class RedemptionsApiTests(TalentPassFactory factory)
{
    private const string Hospital = "sp-hospital-1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Redeem_200ConcurrentAtOverallQuota100_Exactly100Succeed()
    {
        var host = await RedemptionsHost.GetAsync(factory);
        var right = host.Catalogue.Add(await host.OrganisationIdAsync(Hospital), [new RightQuota(QuotaScopes.Overall, 100, QuotaPeriods.None)]);
        var (talent, _, _) = await CodesApi.FreshTalentAsync(factory);
        var staff = await host.ClientAsAsync(CodesApi.ServicePoint);
        var lookupId = (await LookupAsync(staff, await CodesApi.MyCodeTextAsync(talent))).GetProperty("lookupId").GetString()!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => RedeemAsync(staff, new { lookupId, rightId = right.Id }, Guid.NewGuid().ToString())));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(100);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "redemptions.quota_exhausted");
        }

        var ids = new HashSet<Guid>();
        foreach (var ok in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
        {
            ids.Add((await ok.ReadJsonAsync()).GetProperty("id").GetGuid());
        }

        ids.Count.ShouldBe(100);
        var history = await (await staff.GetAsync(new Uri($"/api/v1/redemptions?rightId={right.Id}&status=redeemed&size=1", UriKind.Relative), Ct)).ReadJsonAsync();
        history.GetProperty("total").GetInt64().ShouldBe(100);
        var again = await LookupAsync(staff, await CodesApi.MyCodeTextAsync(talent));
        RightIn(again, right.Id).GetProperty("leftOverall").GetInt32().ShouldBe(0);
        RightIn(again, right.Id).GetProperty("refusal").GetString().ShouldBe("redemptions.quota_exhausted");
    }

    [Fact]
    public async Task Redeem_SameKeyTwice_SameRedemptionAndQuotaTakenOnce()
    {
        var host = await RedemptionsHost.GetAsync(factory);
        var right = host.Catalogue.Add(await host.OrganisationIdAsync(Hospital), [new RightQuota(QuotaScopes.PerTalent, 2, QuotaPeriods.Year)]);
        var (talent, _, _) = await CodesApi.FreshTalentAsync(factory);
        var staff = await host.ClientAsAsync(CodesApi.ServicePoint);
        var lookupId = (await LookupAsync(staff, await CodesApi.MyCodeTextAsync(talent))).GetProperty("lookupId").GetString()!;
        var key = Guid.NewGuid().ToString();

        var first = await RedeemAsync(staff, new { lookupId, rightId = right.Id }, key);
        var second = await RedeemAsync(staff, new { lookupId, rightId = right.Id }, key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.ReadJsonAsync()).GetProperty("id").GetGuid().ShouldBe((await first.ReadJsonAsync()).GetProperty("id").GetGuid());
        var lookup = await LookupAsync(staff, await CodesApi.MyCodeTextAsync(talent));
        RightIn(lookup, right.Id).GetProperty("leftForTalent").GetInt32().ShouldBe(1);
        await (await RedeemAsync(staff, new { lookupId, rightId = right.Id, beneficiary = "parent" }, key))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "redemptions.idempotency_key_reused");
    }

    [Fact]
    public async Task Redeem_Refusals_ClearCodesAndNothingChanged()
    {
        var host = await RedemptionsHost.GetAsync(factory);
        var hospital = await host.OrganisationIdAsync(Hospital);
        var school = await host.OrganisationIdAsync("sp-school-1");
        var onlyA = host.Catalogue.Add(hospital, [new RightQuota(QuotaScopes.PerTalent, 5, QuotaPeriods.Year)], levels: ["a"]);
        var elsewhere = host.Catalogue.Add(school, [new RightQuota(QuotaScopes.PerTalent, 5, QuotaPeriods.Year)]);
        var expired = host.Catalogue.Add(hospital, [new RightQuota(QuotaScopes.PerTalent, 5, QuotaPeriods.Year)], validTo: new DateOnly(2021, 12, 31));
        var selfOnly = host.Catalogue.Add(hospital, [new RightQuota(QuotaScopes.PerTalent, 5, QuotaPeriods.Year)]);
        var (talent, talentId, _) = await CodesApi.FreshTalentAsync(factory);
        var staff = await host.ClientAsAsync(CodesApi.ServicePoint);
        var lookupId = (await LookupAsync(staff, await CodesApi.MyCodeTextAsync(talent))).GetProperty("lookupId").GetString()!;

        await (await RedeemAsync(staff, new { lookupId, rightId = onlyA.Id }, Key())).ShouldBeProblemAsync(HttpStatusCode.Conflict, "rights.level_not_eligible");
        await (await RedeemAsync(staff, new { lookupId, rightId = elsewhere.Id }, Key())).ShouldBeProblemAsync(HttpStatusCode.Conflict, "rights.wrong_service_point");
        await (await RedeemAsync(staff, new { lookupId, rightId = expired.Id }, Key())).ShouldBeProblemAsync(HttpStatusCode.Conflict, "rights.expired");
        await (await RedeemAsync(staff, new { lookupId, rightId = selfOnly.Id, beneficiary = "parent" }, Key())).ShouldBeProblemAsync(HttpStatusCode.Conflict, "rights.beneficiary_not_covered");
        await (await RedeemAsync(staff, new { lookupId, rightId = selfOnly.Id }, null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "redemptions.idempotency_key_required");
        await (await RedeemAsync(staff, new { lookupId = "forged", rightId = selfOnly.Id }, Key())).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "redemptions.lookup_invalid");
        var bank = await host.ClientAsAsync("demo-bank");
        await (await RedeemAsync(bank, new { lookupId, rightId = selfOnly.Id }, Key())).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "redemptions.lookup_invalid");

        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        await CodesApi.SetStatusAsync(office, talentId, "suspended");
        await (await RedeemAsync(staff, new { lookupId, rightId = selfOnly.Id }, Key())).ShouldBeProblemAsync(HttpStatusCode.Conflict, "redemptions.talent_suspended");

        var mine = await (await talent.GetAsync(new Uri("/api/v1/redemptions/me", UriKind.Relative), Ct)).ReadJsonAsync();
        mine.GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Reverse_WithinWindow_ReturnsTheQuotaAndFeedShowsBoth()
    {
        var host = await RedemptionsHost.GetAsync(factory);
        var right = host.Catalogue.Add(await host.OrganisationIdAsync(Hospital), [new RightQuota(QuotaScopes.PerTalent, 1, QuotaPeriods.Year)], family: ["parent"]);
        var (talent, talentId, _) = await CodesApi.FreshTalentAsync(factory);
        var mother = host.Catalogue.AddMember(talentId, "parent");
        var staff = await host.ClientAsAsync(CodesApi.ServicePoint);
        var lookup = await LookupAsync(staff, await CodesApi.MyCodeTextAsync(talent));
        var lookupId = lookup.GetProperty("lookupId").GetString()!;
        lookup.GetProperty("family").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ShouldContain(mother.Id);

        var redeemed = await (await RedeemAsync(staff, new { lookupId, rightId = right.Id, beneficiary = "parent", familyMemberId = mother.Id }, Key())).ReadJsonAsync();
        await (await RedeemAsync(staff, new { lookupId, rightId = right.Id }, Key())).ShouldBeProblemAsync(HttpStatusCode.Conflict, "redemptions.quota_exhausted");
        var id = redeemed.GetProperty("id").GetGuid();
        var other = await host.ClientAsAsync("demo-merchant");
        await (await other.PostAsJsonAsync($"/api/v1/redemptions/{id}/reverse", new { reason = "误操作 / mistake" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "redemptions.not_found");
        var reversed = await (await staff.PostAsJsonAsync($"/api/v1/redemptions/{id}/reverse", new { reason = "误操作 / mistake" }, Ct)).ReadJsonAsync();
        await (await staff.PostAsJsonAsync($"/api/v1/redemptions/{id}/reverse", new { reason = "again" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "redemptions.not_reversible");

        reversed.GetProperty("status").GetString().ShouldBe("reversed");
        (await RedeemAsync(staff, new { lookupId, rightId = right.Id }, Key())).StatusCode.ShouldBe(HttpStatusCode.Created);
        var events = await host.App.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<IRedemptionFeed>().ReadAsync(0, 1000, Ct);
        var mine = events.Where(e => e.RightId == right.Id).ToList();
        mine.Select(e => e.Kind).ShouldBe(["redeemed", "reversed", "redeemed"]);
        mine[0].Beneficiary.ShouldBe("parent");
        mine.Select(e => e.Sequence).ShouldBeInOrder();
    }

    [Fact]
    public async Task OfflineBatch_HonouredOverQuotaWhenAllowed_ConflictWhenNot_IdempotentPerLocalId()
    {
        var host = await RedemptionsHost.GetAsync(factory);
        var hospital = await host.OrganisationIdAsync(Hospital);
        var allowed = host.Catalogue.Add(hospital, [new RightQuota(QuotaScopes.PerTalent, 1, QuotaPeriods.Year)], offline: true);
        var online = host.Catalogue.Add(hospital, [new RightQuota(QuotaScopes.PerTalent, 5, QuotaPeriods.Year)], offline: false);
        var (talent, _, _) = await CodesApi.FreshTalentAsync(factory);
        var code = await CodesApi.MyCodeTextAsync(talent);
        var staff = await host.ClientAsAsync(CodesApi.ServicePoint);
        var device = "dev-" + Guid.NewGuid().ToString("N")[..8];
        var at = TimeProvider.System.GetUtcNow().AddMinutes(-30);
        var batch = new
        {
            deviceId = device,
            items = new object[]
            {
                new { localId = "1", code, rightId = allowed.Id, occurredAt = at },
                new { localId = "2", code, rightId = allowed.Id, occurredAt = at.AddMinutes(1) },
                new { localId = "3", code, rightId = online.Id, occurredAt = at.AddMinutes(2) },
                new { localId = "4", code = "TC1:not-a-code", rightId = online.Id, occurredAt = at.AddMinutes(3) },
            },
        };

        var first = await (await staff.PostAsJsonAsync("/api/v1/redemptions/offline-batch", batch, Ct)).ReadJsonAsync();
        var second = await (await staff.PostAsJsonAsync("/api/v1/redemptions/offline-batch", batch, Ct)).ReadJsonAsync();

        first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("outcome").GetString()).ShouldBe(["redeemed", "honoured_over_quota", "conflict", "rejected"]);
        first.GetProperty("items")[2].GetProperty("code").GetString().ShouldBe("redemptions.offline_not_allowed");
        second.GetProperty("items").EnumerateArray().Take(3).Select(i => i.GetProperty("outcome").GetString()).ShouldBe(["duplicate", "duplicate", "duplicate"]);
        var conflicts = await (await staff.GetAsync(new Uri($"/api/v1/redemptions?status=conflict&rightId={online.Id}", UriKind.Relative), Ct)).ReadJsonAsync();
        conflicts.GetProperty("total").GetInt64().ShouldBe(1);
        var mine = await (await talent.GetAsync(new Uri("/api/v1/redemptions/me", UriKind.Relative), Ct)).ReadJsonAsync();
        mine.GetProperty("total").GetInt64().ShouldBe(3);
    }

    internal static string Key() => Guid.NewGuid().ToString();

    internal static async Task<JsonElement> LookupAsync(HttpClient staff, string code)
    {
        var response = await staff.PostAsJsonAsync("/api/v1/redemptions/lookup", new { code }, Ct);
        return await response.ReadJsonAsync();
    }

    internal static JsonElement RightIn(JsonElement lookup, Guid rightId) =>
        lookup.GetProperty("rights").EnumerateArray().Single(r => r.GetProperty("rightId").GetGuid() == rightId);

    internal static async Task<HttpResponseMessage> RedeemAsync(HttpClient staff, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/redemptions") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await staff.SendAsync(request, Ct);
    }
}
