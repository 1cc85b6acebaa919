using System.Net.Http.Json;
using System.Text.Json;
using TalentPass.IntegrationTests.Identity;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Reviews;

/// <summary>
/// Helpers for the Reviews tests. <see cref="OverdueReviewAsync"/> is the recipe for an overdue review (also for other
/// modules' tests): a campaign naming one fresh talent, with a due date in the past and no automatic re-verification.
/// </summary>
internal static class ReviewsApi
{
    public const string Office = "demo-talentoffice";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> LaunchAsync(HttpClient office, object body) =>
        office.PostAsJsonAsync("/api/v1/reviews/campaigns", body, Ct);

    /// <summary>Launches a campaign for exactly these talents; returns the campaign JSON.</summary>
    public static async Task<JsonElement> LaunchForAsync(HttpClient office, IEnumerable<Guid> talentIds, DateOnly? dueOn = null, bool automatic = false, int? workingDays = null) =>
        await (await LaunchAsync(office, new
        {
            name = "测试复核" + Guid.NewGuid().ToString("N")[..6],
            talentIds,
            dueOn,
            automaticReverification = automatic,
            responseWorkingDays = workingDays,
        })).ReadJsonAsync();

    /// <summary>A fresh talent (with an account) whose review was due on 2026-01-05 and is not answered: overdue today.</summary>
    public static async Task<(HttpClient Talent, Guid TalentId, Guid ReviewId)> OverdueReviewAsync(TalentPassFactory factory)
    {
        var office = await factory.CreateClientAsAsync(Office);
        var (talent, talentId, _) = await TalentsApi.TalentWithAccountAsync(factory);
        await LaunchForAsync(office, [talentId], dueOn: new DateOnly(2026, 1, 5));
        var mine = await MyReviewAsync(talent);
        return (talent, talentId, mine.GetProperty("id").GetGuid());
    }

    public static async Task<JsonElement> MyReviewAsync(HttpClient talent) =>
        (await (await talent.GetAsync(new Uri("/api/v1/reviews/me", UriKind.Relative), Ct)).ReadJsonAsync()).GetProperty("review");

    public static async Task<JsonElement> CampaignAsync(HttpClient office, Guid id) =>
        await (await office.GetAsync(new Uri($"/api/v1/reviews/campaigns/{id}", UriKind.Relative), Ct)).ReadJsonAsync();

    public static async Task<JsonElement> ReviewsAsync(HttpClient office, Guid campaignId, string? status = null) =>
        await (await office.GetAsync(new Uri($"/api/v1/reviews/campaigns/{campaignId}/reviews?size=200{(status is null ? "" : "&status=" + status)}", UriKind.Relative), Ct)).ReadJsonAsync();

    /// <summary>Polls until <paramref name="done"/> holds (background work); fails after a generous bound.</summary>
    public static async Task<JsonElement> UntilAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var value = await read();
            if (done(value) || attempt >= 300)
            {
                return value;
            }

            await Task.Delay(100, Ct);
        }
    }

    /// <summary>A fresh talent with an account whose ID number selects a data-sharing stand-in case.</summary>
    public static async Task<(HttpClient Talent, Guid TalentId)> TalentAsync(TalentPassFactory factory, string idNumber, string level = "e", string category = "science")
    {
        var office = await factory.CreateClientAsAsync(Office);
        var username = IdentityApi.UniqueName("rev");
        var account = await IdentityApi.CreateAccountAsync(office, username, [Roles.Talent], null);
        var id = await TalentsApi.RegisterAsync(office, new
        {
            name = TalentsApi.UniqueName("复"),
            idNumber,
            level,
            category,
            phone = "13812345678",
            address = "河南省郑州市金水区农业路1号",
            accountId = account.GetProperty("id").GetGuid(),
        });
        return (await factory.CreateClientAsAsync(username, IdentityApi.StrongPassword), id);
    }
}
