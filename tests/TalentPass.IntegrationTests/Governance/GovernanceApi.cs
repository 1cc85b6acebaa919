using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentPass.IntegrationTests.Identity;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.DataSharing.Contracts;
using TalentPass.Modules.Governance;
using TalentPass.Modules.Governance.Features.Cases;
using TalentPass.Modules.Governance.Features.Engine;
using TalentPass.Modules.Governance.Persistence;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Reviews.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Governance;

/// <summary>Helpers for the Governance tests: rules, a second talent-office decider, the engine with a stand-in review source.</summary>
internal static class GovernanceApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string UniqueRuleCode() => "t-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A rule body; by default the talent office's "misuse report + overdue review → suspend all" with the given period.</summary>
    public static Dictionary<string, object?> Rule(string code, int responseWorkingDays, bool reviewOverdue = true, string effect = "suspend_all", string deciderRole = Roles.TalentOffice, Guid? effectPartnerId = null) => new()
    {
        ["code"] = code,
        ["nameZh"] = "测试规则" + code,
        ["nameEn"] = "Test rule " + code,
        ["misuseReportsMin"] = 1,
        ["misuseReportsDays"] = 30,
        ["reviewOverdue"] = reviewOverdue,
        ["responseWorkingDays"] = responseWorkingDays,
        ["deciderRole"] = deciderRole,
        ["deciderNotSender"] = true,
        ["effect"] = effect,
        ["effectPartnerId"] = effectPartnerId,
    };

    /// <summary>Another talent-office account (a second decider).</summary>
    public static async Task<HttpClient> SecondOfficerAsync(TalentPassFactory factory)
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var username = IdentityApi.UniqueName("officer");
        await IdentityApi.CreateAccountAsync(office, username, [Roles.TalentOffice], await IdentityApi.OrganisationIdAsync(office, "talent-office"));
        return await factory.CreateClientAsAsync(username, IdentityApi.StrongPassword);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) =>
        await client.PostAsJsonAsync(path, body, Ct);

    /// <summary>
    /// Runs the real rule engine in the test host for one talent, with the Reviews module's directory replaced by a
    /// stand-in that reports the talent's review overdue (an overdue review needs its due date to have passed).
    /// </summary>
    public static Task<EvaluationResult> EvaluateWithOverdueReviewAsync(TalentPassFactory factory, Guid talentId) =>
        factory.WithScopeAsync(sp =>
        {
            var reviews = new OverdueReviews(talentId, BusinessTime.Today(TimeProvider.System).AddDays(-3));
            var engine = new RuleEngine(
                sp.GetRequiredService<GovernanceDbContext>(),
                sp.GetRequiredService<CaseWorkflow>(),
                sp.GetRequiredService<IDataSharing>(),
                sp.GetRequiredService<IOrganisationDirectory>(),
                new WithReviews(sp, reviews),
                sp.GetRequiredService<IOptions<GovernanceOptions>>(),
                TimeProvider.System);
            return engine.EvaluateAsync(talentId, Ct);
        });

    public static async Task<JsonElement> CaseUnderRuleAsync(HttpClient office, string ruleCode)
    {
        var page = await (await office.GetAsync(new Uri($"/api/v1/governance/cases?rule={ruleCode}", UriKind.Relative), Ct)).ReadJsonAsync();
        var id = page.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid();
        return await (await office.GetAsync(new Uri($"/api/v1/governance/cases/{id}", UriKind.Relative), Ct)).ReadJsonAsync();
    }

    private sealed class OverdueReviews(Guid talentId, DateOnly dueOn) : IReviewDirectory
    {
        private ReviewState State => new(Guid.NewGuid(), talentId, Guid.NewGuid(), "overdue", dueOn, null);

        public Task<ReviewState?> GetLatestAsync(Guid talent, CancellationToken cancellationToken = default) =>
            Task.FromResult(talent == talentId ? State : null);

        public Task<IReadOnlyList<ReviewState>> ListOverdueAsync(DateOnly on, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ReviewState>>([State]);
    }

    private sealed class WithReviews(IServiceProvider inner, IReviewDirectory reviews) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(IReviewDirectory) ? reviews : inner.GetService(serviceType);
    }
}
