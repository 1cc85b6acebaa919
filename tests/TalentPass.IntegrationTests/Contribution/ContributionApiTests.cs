using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Codes;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Redemptions;
using TalentPass.Modules.Contribution.Features.Feed;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Contribution;

/// <summary>Service-contribution value: redemptions at a consumer partner through the real redemption API, the ranking, formula versions, reward evidence, reports.</summary>
public sealed class ContributionApiTests(TalentPassFactory factory)
{
    private const string Merchant = "merchant-bookstore";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement?> MerchantRowAsync(HttpClient client)
    {
        var ranking = await (await client.GetAsync(new Uri("/api/v1/contribution/rankings", UriKind.Relative), Ct)).ReadJsonAsync();
        return ranking.GetProperty("rows").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(r => r!.Value.GetProperty("organisationCode").GetString() == Merchant);
    }

    private static async Task DrainFeedAsync(RedemptionsHost host)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<RedemptionFeedProcessor>();
        while (await processor.ProcessBatchAsync(500, Ct) > 0)
        {
        }
    }

    [Fact]
    public async Task Redeem_AtConsumerPartner_DiscountAddsToItsContributionValue_ReversalTakesItBack()
    {
        var host = await RedemptionsHost.GetAsync(factory);
        var right = host.Catalogue.Add(await host.OrganisationIdAsync(Merchant), [new RightQuota(QuotaScopes.PerTalent, 10, QuotaPeriods.Year)]); // 10 yuan off per use
        var (talent, _, _) = await CodesApi.FreshTalentAsync(factory);
        var merchant = await host.ClientAsAsync("demo-merchant");
        var office = await host.ClientAsAsync("demo-talentoffice");
        await DrainFeedAsync(host);
        var before = await MerchantRowAsync(office);
        var discountBefore = before?.GetProperty("discountFen").GetInt64() ?? 0;
        var pointsBefore = before?.GetProperty("points").GetDecimal() ?? 0;
        var redemptionsBefore = before?.GetProperty("redemptions").GetInt32() ?? 0;

        var lookupId = (await RedemptionsApiTests.LookupAsync(merchant, await CodesApi.MyCodeTextAsync(talent))).GetProperty("lookupId").GetString()!;
        var first = await RedemptionsApiTests.RedeemAsync(merchant, new { lookupId, rightId = right.Id }, Guid.NewGuid().ToString());
        var second = await RedemptionsApiTests.RedeemAsync(merchant, new { lookupId, rightId = right.Id }, Guid.NewGuid().ToString());
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        await DrainFeedAsync(host);

        var after = (await MerchantRowAsync(office))!.Value;
        after.GetProperty("discountFen").GetInt64().ShouldBe(discountBefore + 2_000);
        after.GetProperty("redemptions").GetInt32().ShouldBe(redemptionsBefore + 2);
        after.GetProperty("points").GetDecimal().ShouldBe(pointsBefore + 22m); // formula v1: 20 yuan × 1 + 2 redemptions × 1

        var id = (await second.ReadJsonAsync()).GetProperty("id").GetGuid();
        (await merchant.PostAsJsonAsync($"/api/v1/redemptions/{id}/reverse", new { reason = "顾客退货 / returned" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await DrainFeedAsync(host);
        var reversed = (await MerchantRowAsync(office))!.Value;
        reversed.GetProperty("discountFen").GetInt64().ShouldBe(discountBefore + 1_000);
        reversed.GetProperty("points").GetDecimal().ShouldBe(pointsBefore + 11m);
    }

    [Fact]
    public async Task Pages_RankingAndReports_RenderTablesAndSvgCharts()
    {
        var office = await CookieBrowser.SignInAsync(factory, "demo-talentoffice");

        var ranking = await office.GetPageAsync("/contribution");
        var reports = await office.GetPageAsync("/rights/reports?from=2026-01-01&to=2026-12-31");

        ranking.ShouldContain("data-testid=\"ranking\"");
        ranking.ShouldContain("每让利1元计1分"); // formula v1 from the migration
        reports.ShouldContain("data-testid=\"chart-by_right\"");
        reports.ShouldContain("data-testid=\"chart-top_contributors\"");
        reports.ShouldContain("/api/v1/contribution/reports.csv?from=2026-01-01&to=2026-12-31");
    }

    [Fact]
    public async Task Reward_ForConsumerPartner_RecordedWithLedgerEvidence()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var merchantId = await Talents.TalentsApi.OrganisationIdAsync(factory, Merchant);
        var decision = "授予年度人才服务贡献单位 " + Guid.NewGuid().ToString("N")[..8];

        var response = await office.PostAsJsonAsync("/api/v1/contribution/rewards", new { organisationId = merchantId, decision }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var reward = await response.ReadJsonAsync();
        reward.GetProperty("ledgerIndex").GetInt64().ShouldBeGreaterThanOrEqualTo(0);
        reward.GetProperty("documentDigest").GetString()!.ShouldStartWith("sha256:");
        var list = await (await office.GetAsync(new Uri($"/api/v1/contribution/rewards?organisationId={merchantId}", UriKind.Relative), Ct)).ReadJsonAsync();
        list.EnumerateArray().ShouldContain(r => r.GetProperty("decision").GetString() == decision);
    }

    [Fact]
    public async Task Reward_RefusedForNonPartnerAndNonOffice()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var merchant = await factory.CreateClientAsAsync("demo-merchant");
        var department = await Talents.TalentsApi.OrganisationIdAsync(factory, "dept-hr");
        var merchantId = await Talents.TalentsApi.OrganisationIdAsync(factory, Merchant);

        await (await office.PostAsJsonAsync("/api/v1/contribution/rewards", new { organisationId = department, decision = "表彰" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "contribution.not_third_party");
        await (await office.PostAsJsonAsync("/api/v1/contribution/rewards", new { organisationId = Guid.NewGuid(), decision = "表彰" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "contribution.organisation_not_found");
        await (await merchant.PostAsJsonAsync("/api/v1/contribution/rewards", new { organisationId = merchantId, decision = "自己奖励自己" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task FormulaVersion_FutureAddedPastAndSameDayRefused()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var today = BusinessTime.Today(TimeProvider.System);
        var from = today.AddDays(400);

        var added = await office.PostAsJsonAsync("/api/v1/contribution/formulas", new { validFrom = from, yuanWeight = 1.5m, redemptionWeight = 0.5m, note = "测试版本" }, Ct);

        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var version = (await added.ReadJsonAsync()).GetProperty("version").GetInt32();
        var list = await (await office.GetAsync(new Uri("/api/v1/contribution/formulas", UriKind.Relative), Ct)).ReadJsonAsync();
        var previous = list.EnumerateArray().Single(f => f.GetProperty("version").GetInt32() == version - 1);
        previous.GetProperty("validTo").GetString().ShouldBe(from.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await (await office.PostAsJsonAsync("/api/v1/contribution/formulas", new { validFrom = from, yuanWeight = 2, redemptionWeight = 0, note = "同日" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "contribution.formula_not_after_latest");
        await (await office.PostAsJsonAsync("/api/v1/contribution/formulas", new { validFrom = today.AddDays(-1), yuanWeight = 2, redemptionWeight = 0, note = "追溯" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "contribution.formula_retroactive");
    }

    [Fact]
    public async Task Reports_JsonCsvAndPage_ShowTheSeriesAndRefuseABadPeriod()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var report = await (await office.GetAsync(new Uri("/api/v1/contribution/reports", UriKind.Relative), Ct)).ReadJsonAsync();
        var csv = await office.GetAsync(new Uri("/api/v1/contribution/reports.csv?from=2026-01-01&to=2026-12-31", UriKind.Relative), Ct);

        report.GetProperty("key").GetString().ShouldBe("rights");
        report.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("key").GetString())
            .ShouldBe(["by_right", "by_provider", "by_level", "by_month", "quota_use", "top_contributors"]);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await csv.Content.ReadAsStringAsync(Ct)).ShouldContain("series,key,label_zh,label_en,value,unit");
        await (await office.GetAsync(new Uri("/api/v1/contribution/reports?from=2026-05-01&to=2026-04-01", UriKind.Relative), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "contribution.period_invalid");
        await (await (await factory.CreateClientAsAsync("demo-talent")).GetAsync(new Uri("/api/v1/contribution/reports", UriKind.Relative), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }
}
