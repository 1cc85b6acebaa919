using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Identity;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Webhooks;
using TalentPass.Modules.HostBank.Persistence;

namespace TalentPass.IntegrationTests.HostBank;

/// <summary>
/// Host banks (M-19) through the API: the demo quarter, quarterly figures from the bank (partner API) and the
/// enterprise (talent office / enterprise contact), the 40% decision and its evidence, and every refusal.
/// Report tests use an enterprise of their own whose founder chose demo-bank's bank (set up in the module's tables).
/// </summary>
public sealed class HostBankApiTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> ZhongyuanAsync() =>
        await IdentityApi.OrganisationIdAsync(await factory.CreateClientAsAsync("demo-talentoffice"), "bank-zhongyuan");

    /// <summary>A new talent (id only) who chose <paramref name="bank"/> on 2020-01-01 and founded a new enterprise (id only).</summary>
    private async Task<Guid> NewCustomerAsync(Guid bank)
    {
        var enterprise = Guid.NewGuid();
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HostBankDbContext>();
            var talent = Guid.NewGuid();
            var now = TimeProvider.System.GetUtcNow();
            db.Choices.Add(new ChoiceRow { Id = Guid.NewGuid(), TalentId = talent, PartnerOrganisationId = bank, Since = new DateOnly(2020, 1, 1), ChosenAt = now, CommitmentDocument = "{}" });
            db.Links.Add(new LinkRow { EnterpriseOrganisationId = enterprise, TalentId = talent, CreditCode = "91410100TEST" + enterprise.ToString("N")[..6].ToUpperInvariant(), LinkedAt = now });
            await db.SaveChangesAsync(Ct);
            return 0;
        });
        return enterprise;
    }

    private static object Totals(Guid enterprise, string quarter, long deposits, long loans, long revenue = 50_000_000_00, long valuation = 200_000_000_00) =>
        new { enterpriseOrganisationId = enterprise, quarter, totalDepositsFen = deposits, totalLoansFen = loans, revenueFen = revenue, valuationFen = valuation };

    private static object Bank(Guid enterprise, string quarter, long deposits, long loans) =>
        new { enterpriseOrganisationId = enterprise, quarter, depositsFen = deposits, loansFen = loans };

    [Fact]
    public async Task DemoReport_LastTwoQuarters_ShowACompliantAndANonCompliantEnterprise()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var last = await office.GetFromJsonAsync<JsonElement>("/api/v1/host-bank/compliance", Ct);
        var quarter = last.GetProperty("quarter").GetString()!;
        var year = int.Parse(quarter[..4], System.Globalization.CultureInfo.InvariantCulture);
        var n = quarter[5] - '0';
        var previous = n == 1 ? $"{year - 1}Q4" : $"{year}Q{n - 1}";
        var before = await office.GetFromJsonAsync<JsonElement>($"/api/v1/host-bank/compliance?quarter={previous}", Ct);

        var outcomes = last.GetProperty("rows").GetProperty("items").EnumerateArray().Concat(before.GetProperty("rows").GetProperty("items").EnumerateArray())
            .Where(r => r.GetProperty("creditCode").GetString()!.StartsWith("91410100MA", StringComparison.Ordinal))
            .Select(r => (Outcome: r.GetProperty("outcome").GetString(), Ledger: r.GetProperty("ledgerIndex")))
            .ToList();
        outcomes.ShouldContain(o => o.Outcome == "compliant");
        outcomes.ShouldContain(o => o.Outcome == "non_compliant");
        outcomes.Where(o => o.Outcome is "compliant" or "non_compliant")
            .ShouldAllBe(o => o.Ledger.ValueKind == JsonValueKind.Number, "each decision is recorded as evidence");

        var csv = await office.GetStringAsync($"/api/v1/host-bank/compliance.csv?quarter={quarter}", Ct);
        csv.ShouldContain("quarter,enterprise,credit_code");
        csv.ShouldContain(quarter + ",");
    }

    [Theory]
    [InlineData(400_000, 0, 600_000, 400_000, "compliant", 4000)] // exactly 40% of deposits + loans
    [InlineData(399_999, 0, 600_000, 400_000, "non_compliant", 3999)]
    [InlineData(0, 0, 0, 0, "compliant", null)] // nothing to place
    public async Task Reports_BothFiguresIn_DecideTheQuarterAndRecordEvidence(long hostDeposits, long hostLoans, long totalDeposits, long totalLoans, string outcome, int? basisPoints)
    {
        var bankId = await ZhongyuanAsync();
        var enterprise = await NewCustomerAsync(bankId);
        var bank = await factory.CreateClientAsAsync("demo-bank");
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var first = await (await bank.SendAsync(HttpMethod.Post, "/api/v1/host-bank/reports", Bank(enterprise, "2024Q1", hostDeposits, hostLoans))).ReadJsonAsync();
        var second = await (await office.SendAsync(HttpMethod.Post, "/api/v1/host-bank/enterprise-reports", Totals(enterprise, "2024Q1", totalDeposits, totalLoans))).ReadJsonAsync();

        first.GetProperty("outcome").GetString().ShouldBe("awaiting_enterprise");
        second.GetProperty("outcome").GetString().ShouldBe(outcome);
        var report = await office.GetFromJsonAsync<JsonElement>($"/api/v1/host-bank/compliance?quarter=2024Q1&size=200&outcome={outcome}", Ct);
        var row = report.GetProperty("rows").GetProperty("items").EnumerateArray().Single(r => r.GetProperty("enterpriseOrganisationId").GetGuid() == enterprise);
        row.GetProperty("ledgerIndex").ValueKind.ShouldBe(JsonValueKind.Number);
        if (basisPoints is { } bp)
        {
            row.GetProperty("shareBasisPoints").GetInt32().ShouldBe(bp);
        }
    }

    [Fact]
    public async Task EnterpriseAboveThresholds_IsNotApplicableWithoutWaitingForTheBank()
    {
        var enterprise = await NewCustomerAsync(await ZhongyuanAsync());
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var revenueOver = await (await office.SendAsync(HttpMethod.Post, "/api/v1/host-bank/enterprise-reports", Totals(enterprise, "2024Q2", 100, 100, revenue: 80_000_000_01))).ReadJsonAsync();
        var atLimits = await (await office.SendAsync(HttpMethod.Post, "/api/v1/host-bank/enterprise-reports", Totals(enterprise, "2024Q3", 100, 100, revenue: 80_000_000_00, valuation: 300_000_000_00))).ReadJsonAsync();

        revenueOver.GetProperty("outcome").GetString().ShouldBe("not_applicable");
        atLimits.GetProperty("outcome").GetString().ShouldBe("awaiting_bank", "the limits themselves are inside the obligation");
    }

    [Fact]
    public async Task FiguresThatDoNotAddUp_AreRefusedAndNothingIsStored()
    {
        var enterprise = await NewCustomerAsync(await ZhongyuanAsync());
        var bank = await factory.CreateClientAsAsync("demo-bank");
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        (await office.SendAsync(HttpMethod.Post, "/api/v1/host-bank/enterprise-reports", Totals(enterprise, "2024Q4", 1_000, 500))).EnsureSuccessStatusCode();

        var tooMuch = await bank.SendAsync(HttpMethod.Post, "/api/v1/host-bank/reports", Bank(enterprise, "2024Q4", 1_001, 0));
        var negative = await bank.SendAsync(HttpMethod.Post, "/api/v1/host-bank/reports", Bank(enterprise, "2024Q4", -1, 0));
        var future = await bank.SendAsync(HttpMethod.Post, "/api/v1/host-bank/reports", Bank(enterprise, "2099Q1", 1, 0));
        var malformed = await bank.SendAsync(HttpMethod.Post, "/api/v1/host-bank/reports", Bank(enterprise, "2024-4", 1, 0));
        var valid = await (await bank.SendAsync(HttpMethod.Post, "/api/v1/host-bank/reports", Bank(enterprise, "2024Q4", 1_000, 0))).ReadJsonAsync();
        var replay = await (await bank.SendAsync(HttpMethod.Post, "/api/v1/host-bank/reports", Bank(enterprise, "2024Q4", 1_000, 0))).ReadJsonAsync();
        var different = await bank.SendAsync(HttpMethod.Post, "/api/v1/host-bank/reports", Bank(enterprise, "2024Q4", 900, 0));
        var totalsAgain = await office.SendAsync(HttpMethod.Post, "/api/v1/host-bank/enterprise-reports", Totals(enterprise, "2024Q4", 2_000, 500));

        await tooMuch.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hostbank.figures_inconsistent");
        await negative.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hostbank.figures_negative");
        await future.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hostbank.quarter_invalid");
        await malformed.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hostbank.quarter_invalid");
        valid.GetProperty("outcome").GetString().ShouldBe("compliant");
        valid.GetProperty("replayed").GetBoolean().ShouldBeFalse();
        replay.GetProperty("replayed").GetBoolean().ShouldBeTrue();
        await different.ShouldBeProblemAsync(HttpStatusCode.Conflict, "hostbank.duplicate_report");
        await totalsAgain.ShouldBeProblemAsync(HttpStatusCode.Conflict, "hostbank.duplicate_report");
    }

    [Fact]
    public async Task BankReport_ForAnotherBanksCustomer_IsNotFound()
    {
        var enterprise = await NewCustomerAsync(Guid.NewGuid()); // the founder's host bank is someone else
        var bank = await factory.CreateClientAsAsync("demo-bank");
        var contact = await factory.CreateClientAsAsync("demo-enterprise");

        var response = await bank.SendAsync(HttpMethod.Post, "/api/v1/host-bank/reports", Bank(enterprise, "2024Q1", 1, 1));
        var customers = await bank.GetFromJsonAsync<JsonElement>("/api/v1/host-bank/customers", Ct);
        var notMine = await contact.SendAsync(HttpMethod.Post, "/api/v1/host-bank/enterprise-reports", Totals(enterprise, "2024Q1", 1, 1));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "hostbank.enterprise_not_found");
        customers.EnumerateArray().ShouldNotContain(c => c.GetProperty("enterpriseOrganisationId").GetGuid() == enterprise);
        await notMine.ShouldBeProblemAsync(HttpStatusCode.NotFound, "hostbank.enterprise_not_found");
    }

    [Fact]
    public async Task DemoTalent_ASecondHostBankOrABankWithoutACard_IsRefused()
    {
        var talent = await factory.CreateClientAsAsync("demo-talent");
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var zhongyuan = await ZhongyuanAsync();
        var icbc = await IdentityApi.OrganisationIdAsync(office, "bank-icbc");

        var mine = await talent.GetFromJsonAsync<JsonElement>("/api/v1/host-bank/me", Ct);
        var second = await talent.PostAsJsonAsync("/api/v1/host-bank/me/choice", new { partnerOrganisationId = zhongyuan }, Ct);
        var noCard = await talent.PostAsJsonAsync("/api/v1/host-bank/me/change", new { partnerOrganisationId = icbc }, Ct);
        var same = await talent.PostAsJsonAsync("/api/v1/host-bank/me/change", new { partnerOrganisationId = zhongyuan }, Ct);

        mine.GetProperty("current").GetProperty("partnerOrganisationId").GetGuid().ShouldBe(zhongyuan);
        mine.GetProperty("enterprises").GetArrayLength().ShouldBeGreaterThan(0);
        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict, "hostbank.already_chosen");
        await noCard.ShouldBeProblemAsync(HttpStatusCode.Conflict, "hostbank.no_card");
        await same.ShouldBeProblemAsync(HttpStatusCode.Conflict, "hostbank.same_bank");
    }
}
