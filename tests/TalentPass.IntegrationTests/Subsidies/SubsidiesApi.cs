using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.DataSharing;
using TalentPass.IntegrationTests.Identity;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.Modules.Services.Contracts;
using TalentPass.Modules.Subsidies.Features.Schedules;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Subsidies;

/// <summary>Helpers for the Subsidies tests: a talent with an approved subsidy, batches, schedules.</summary>
internal static class SubsidiesApi
{
    private static int year = 2100 + Random.Shared.Next(0, 400); // far-future months: batches of other runs' months never collide

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A year of months no other test in this run uses (each test takes its own).</summary>
    public static int NextYear() => Interlocked.Add(ref year, 4); // 4: the 36-payment test also creates the batch of its year + 3

    public static string Month(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");

    /// <summary>A fresh talent (with an account) whose ID number selects the stand-in case, and an approved subsidy decided in January of <paramref name="decidedYear"/>.</summary>
    public static async Task<(Guid TalentId, Guid ApplicationId, HttpClient Talent)> TalentWithSubsidyAsync(
        TalentPassFactory factory, string idNumber, int decidedYear, long amountFen = 150_000, int payments = 36)
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var username = IdentityApi.UniqueName("sub");
        var account = await IdentityApi.CreateAccountAsync(office, username, [Roles.Talent], null);
        var talentId = await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName(), level: "youth", accountId: account.GetProperty("id").GetGuid(), idNumber: idNumber);
        var applicationId = Guid.NewGuid();
        await DecideAsync(factory, new ServiceMatterDecided(
            applicationId, talentId, "youth-living-subsidy", 1, "approved", amountFen, payments, new DateOnly(decidedYear, 1, 10), new DateTimeOffset(decidedYear, 1, 10, 2, 0, 0, TimeSpan.Zero)));
        return (talentId, applicationId, await factory.CreateClientAsAsync(username, IdentityApi.StrongPassword));
    }

    /// <summary>Raises the decision to the Subsidies handler, as Services does after commit.</summary>
    public static Task DecideAsync(TalentPassFactory factory, ServiceMatterDecided decision) =>
        factory.WithScopeAsync(async sp =>
        {
            await sp.GetServices<IServiceDecisionHandler>().OfType<SubsidiesDecisionHandler>().Single().HandleAsync(decision, Ct);
            return 0;
        });

    public static async Task<JsonElement> ScheduleOfAsync(HttpClient office, Guid talentId)
    {
        var list = await (await office.GetAsync(new Uri($"/api/v1/subsidies/schedules?talentId={talentId}", UriKind.Relative), Ct)).ReadJsonAsync();
        var summary = list.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        return await (await office.GetAsync(new Uri($"/api/v1/subsidies/schedules/{summary.GetProperty("id").GetGuid()}", UriKind.Relative), Ct)).ReadJsonAsync();
    }

    public static Task<HttpResponseMessage> PostBatchAsync(HttpClient office, string month) =>
        office.PostAsJsonAsync("/api/v1/subsidies/batches", new { month }, Ct);

    public static async Task<JsonElement> CreateBatchAsync(HttpClient office, string month) => await (await PostBatchAsync(office, month)).ReadJsonAsync();

    /// <summary>The batch with only <paramref name="talentId"/>'s payments and holds.</summary>
    public static async Task<JsonElement> BatchAsync(HttpClient office, Guid batchId, Guid talentId) =>
        await (await office.GetAsync(new Uri($"/api/v1/subsidies/batches/{batchId}?talentId={talentId}", UriKind.Relative), Ct)).ReadJsonAsync();

    public static async Task ConfirmAsync(HttpClient office, Guid batchId) =>
        await (await office.PostAsJsonAsync($"/api/v1/subsidies/batches/{batchId}/confirm", new { bankReference = "BANK-" + batchId.ToString("N")[..8] }, Ct)).ReadJsonAsync();

    public static IEnumerable<JsonElement> PaymentsOf(JsonElement batch, Guid talentId) =>
        batch.GetProperty("payments").GetProperty("items").EnumerateArray().Where(p => p.GetProperty("talentId").GetGuid() == talentId);

    public static IEnumerable<JsonElement> HoldsOf(JsonElement batch, Guid talentId) =>
        batch.GetProperty("holds").EnumerateArray().Where(p => p.GetProperty("talentId").GetGuid() == talentId);

    public static string Ordinary() => DemoIdNumbers.Ordinary();
}
