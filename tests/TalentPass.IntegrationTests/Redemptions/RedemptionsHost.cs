using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Rights.Contracts;

namespace TalentPass.IntegrationTests.Redemptions;

/// <summary>
/// The test host (same database as <see cref="TalentPassFactory"/>) with a catalogue the tests fill themselves, so
/// each test defines exactly the right and quota it needs (a right with an overall quota of 100, …) without touching
/// the demo catalogue others rely on. Family members come from the same in-memory stand-in.
/// </summary>
internal sealed class RedemptionsHost
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static RedemptionsHost? shared;

    private RedemptionsHost(WebApplicationFactory<Program> app, TestCatalogue catalogue)
    {
        App = app;
        Catalogue = catalogue;
    }

    public WebApplicationFactory<Program> App { get; }

    public TestCatalogue Catalogue { get; }

    public static async Task<RedemptionsHost> GetAsync(TalentPassFactory factory)
    {
        await Gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (shared is null)
            {
                var catalogue = new TestCatalogue();
                var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
                {
                    s.AddSingleton<IRightsCatalogue>(catalogue);
                    s.AddSingleton<IFamilyMembers>(catalogue);
                }));
                shared = new RedemptionsHost(app, catalogue);
            }

            return shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    public async Task<HttpClient> ClientAsAsync(string username)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password = TalentPassFactory.DemoPassword }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return client;
    }

    public async Task<Guid> OrganisationIdAsync(string code)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var organisations = await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().ListAsync(null, TestContext.Current.CancellationToken);
        return organisations.Single(o => o.Code == code).Id;
    }
}

/// <summary>An in-memory catalogue and family register for the redemption tests.</summary>
internal sealed class TestCatalogue : IRightsCatalogue, IFamilyMembers
{
    private readonly ConcurrentDictionary<Guid, RightDefinition> rights = new();
    private readonly ConcurrentDictionary<Guid, FamilyMember> members = new();
    private RightsCatalogueSnapshot snapshot = new(0, []);

    public RightDefinition Add(
        Guid servicePoint,
        IReadOnlyList<RightQuota> quotas,
        IReadOnlyList<string>? levels = null,
        IReadOnlyList<string>? family = null,
        IReadOnlyList<RightPool>? pools = null,
        bool offline = false,
        bool staticCode = false,
        DateOnly? validTo = null,
        int reversalMinutes = 30)
    {
        var id = Guid.NewGuid();
        var right = new RightDefinition(
            id, "test-" + id.ToString("N")[..10], RightKinds.Government, "测试权益", "Test right", "测试", "Test", servicePoint,
            levels ?? ["a", "b", "c", "d", "e"], [], family ?? [], new DateOnly(2020, 1, 1), validTo, "test-1", [servicePoint],
            RequiresOnlineVerification: true, offline, staticCode, 1_000, quotas, pools ?? [], reversalMinutes, "active", 1);
        rights[id] = right;
        lock (rights)
        {
            snapshot = new RightsCatalogueSnapshot(snapshot.Revision + 1, rights.Values.ToList());
        }

        return right;
    }

    public FamilyMember AddMember(Guid talentId, string relation)
    {
        var member = new FamilyMember(Guid.NewGuid(), talentId, relation, "李*");
        members[member.Id] = member;
        return member;
    }

    public Task<RightsCatalogueSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default) => Task.FromResult(snapshot);

    public Task<RightDefinition?> GetAsync(Guid rightId, CancellationToken cancellationToken = default) =>
        Task.FromResult(rights.GetValueOrDefault(rightId));

    public Task<IReadOnlyList<FamilyMember>> ListAsync(Guid talentId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FamilyMember>>(members.Values.Where(m => m.TalentId == talentId).ToList());

    Task<FamilyMember?> IFamilyMembers.GetAsync(Guid familyMemberId, CancellationToken cancellationToken) =>
        Task.FromResult(members.GetValueOrDefault(familyMemberId));
}
