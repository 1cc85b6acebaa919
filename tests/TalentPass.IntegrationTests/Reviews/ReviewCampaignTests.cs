using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.DataSharing;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.Modules.Reviews.Contracts;

namespace TalentPass.IntegrationTests.Reviews;

/// <summary>Review campaigns: scope, due dates, automatic re-verification, the talent's answer, overdue reviews for governance.</summary>
public sealed class ReviewCampaignTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NamedCampaign_DueDateInThePast_ReviewIsOverdueInTheDirectoryAndTheOverdueList()
    {
        var (_, talentId, reviewId) = await ReviewsApi.OverdueReviewAsync(factory);

        var overdue = await factory.WithScopeAsync(s => s.GetRequiredService<IReviewDirectory>().ListOverdueAsync(new DateOnly(2026, 1, 6), 10_000, Ct));
        var mine = overdue.Single(r => r.TalentId == talentId);
        mine.ReviewId.ShouldBe(reviewId);
        mine.Status.ShouldBe("overdue");
        mine.DueOn.ShouldBe(new DateOnly(2026, 1, 5));
        (await factory.WithScopeAsync(s => s.GetRequiredService<IReviewDirectory>().GetLatestAsync(talentId, Ct)))!.Status.ShouldBe("overdue");

        var office = await factory.CreateClientAsAsync(ReviewsApi.Office);
        var list = await (await office.GetAsync(new Uri("/api/v1/reviews/overdue?size=200", UriKind.Relative), Ct)).ReadJsonAsync();
        list.GetProperty("items").EnumerateArray().ShouldContain(i => i.GetProperty("id").GetGuid() == reviewId);
    }

    [Fact]
    public async Task Confirm_OverdueReview_CompletesItAndItLeavesTheOverdueList()
    {
        var (talent, talentId, _) = await ReviewsApi.OverdueReviewAsync(factory);

        var confirmed = await (await talent.PostAsync(new Uri("/api/v1/reviews/me/confirm", UriKind.Relative), null, Ct)).ReadJsonAsync();

        confirmed.GetProperty("status").GetString().ShouldBe("confirmed");
        var overdue = await factory.WithScopeAsync(s => s.GetRequiredService<IReviewDirectory>().ListOverdueAsync(new DateOnly(2026, 1, 6), 10_000, Ct));
        overdue.ShouldNotContain(r => r.TalentId == talentId);
        (await ReviewsApi.MyReviewAsync(talent)).GetProperty("status").GetString().ShouldBe("confirmed");
        var again = await talent.PostAsync(new Uri("/api/v1/reviews/me/confirm", UriKind.Relative), null, Ct);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "reviews.not_pending");
    }

    [Fact]
    public async Task NamedCampaign_ZeroWorkingDays_DueTodayAndNotYetOverdue()
    {
        var office = await factory.CreateClientAsAsync(ReviewsApi.Office);
        var (talent, talentId, _) = await TalentsApi.TalentWithAccountAsync(factory);

        var campaign = await ReviewsApi.LaunchForAsync(office, [talentId], workingDays: 0);

        campaign.GetProperty("status").GetString().ShouldBe("open");
        campaign.GetProperty("created").GetInt32().ShouldBe(1);
        var review = await ReviewsApi.MyReviewAsync(talent);
        review.GetProperty("status").GetString().ShouldBe("pending");
        var dueOn = DateOnly.Parse(review.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var overdueTomorrow = await factory.WithScopeAsync(s => s.GetRequiredService<IReviewDirectory>().ListOverdueAsync(dueOn.AddDays(1), 10_000, Ct));
        overdueTomorrow.ShouldContain(r => r.TalentId == talentId);
        var overdueToday = await factory.WithScopeAsync(s => s.GetRequiredService<IReviewDirectory>().ListOverdueAsync(dueOn, 10_000, Ct));
        overdueToday.ShouldNotContain(r => r.TalentId == talentId);
    }

    [Fact]
    public async Task Update_TalentReportsAChange_ReviewIsUpdatedWithTheNote()
    {
        var (talent, _, _) = await ReviewsApi.OverdueReviewAsync(factory);

        var updated = await (await talent.PostAsJsonAsync("/api/v1/reviews/me/update", new { note = "单位已变更为郑州大学" }, Ct)).ReadJsonAsync();

        updated.GetProperty("status").GetString().ShouldBe("updated");
        updated.GetProperty("talentNote").GetString().ShouldBe("单位已变更为郑州大学");
    }

    [Fact]
    public async Task AutomaticReverification_ContributingInTheArea_ClosesAsReverified()
    {
        var office = await factory.CreateClientAsAsync(ReviewsApi.Office);
        var (talent, talentId) = await ReviewsApi.TalentAsync(factory, DemoIdNumbers.Ordinary());

        await ReviewsApi.LaunchForAsync(office, [talentId], automatic: true);

        var review = await ReviewsApi.UntilAsync(() => ReviewsApi.MyReviewAsync(talent), r => r.GetProperty("status").GetString() != "pending");
        review.GetProperty("status").GetString().ShouldBe("reverified");
        review.GetProperty("reverification").GetString().ShouldBe("contributing");
        review.GetProperty("reverificationAnswerId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
    }

    [Fact]
    public async Task AutomaticReverification_LeftTheArea_FlagsFailedAndAClerkConfirms()
    {
        var office = await factory.CreateClientAsAsync(ReviewsApi.Office);
        var (talent, talentId) = await ReviewsApi.TalentAsync(factory, DemoIdNumbers.LeftTheArea());
        await ReviewsApi.LaunchForAsync(office, [talentId], automatic: true);

        var review = await ReviewsApi.UntilAsync(() => ReviewsApi.MyReviewAsync(talent), r => r.GetProperty("status").GetString() != "pending");
        review.GetProperty("status").GetString().ShouldBe("failed");
        review.GetProperty("reverification").GetString().ShouldBe("stopped");
        var byTalent = await talent.PostAsync(new Uri("/api/v1/reviews/me/confirm", UriKind.Relative), null, Ct);
        await byTalent.ShouldBeProblemAsync(HttpStatusCode.Conflict, "reviews.not_pending");

        var id = review.GetProperty("id").GetGuid();
        var resolved = await (await office.PostAsJsonAsync($"/api/v1/reviews/{id}/resolve", new { resolution = "confirm", note = "已核实在本市新单位工作" }, Ct)).ReadJsonAsync();

        resolved.GetProperty("status").GetString().ShouldBe("confirmed");
        var twice = await office.PostAsJsonAsync($"/api/v1/reviews/{id}/resolve", new { resolution = "confirm", note = "再次" }, Ct);
        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict, "reviews.not_failed");
    }

    [Fact]
    public async Task LevelCampaign_CategoryScope_CreatesReviewsForTalentsInScopeOnlyAndOpens()
    {
        var office = await factory.CreateClientAsAsync(ReviewsApi.Office);
        var (_, inScope) = await ReviewsApi.TalentAsync(factory, DemoIdNumbers.Ordinary(), level: "social", category: "culture");
        var (_, otherCategory) = await ReviewsApi.TalentAsync(factory, DemoIdNumbers.Ordinary(), level: "social", category: "finance");

        var launched = await (await ReviewsApi.LaunchAsync(office, new { name = "社会化人才文化类复核", levels = new[] { "social" }, categories = new[] { "culture" } })).ReadJsonAsync();
        var id = launched.GetProperty("id").GetGuid();

        var campaign = await ReviewsApi.UntilAsync(() => ReviewsApi.CampaignAsync(office, id), c => c.GetProperty("status").GetString() == "open");
        campaign.GetProperty("status").GetString().ShouldBe("open");
        campaign.GetProperty("progressPercent").GetInt32().ShouldBe(100);
        var talents = (await ReviewsApi.ReviewsAsync(office, id)).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("talentId").GetGuid()).ToList();
        talents.ShouldContain(inScope);
        talents.ShouldNotContain(otherCategory);
    }

    [Fact]
    public async Task NamedCampaign_TalentWithAnOpenReview_IsSkipped()
    {
        var office = await factory.CreateClientAsAsync(ReviewsApi.Office);
        var (_, talentId, _) = await ReviewsApi.OverdueReviewAsync(factory);

        var second = await ReviewsApi.LaunchForAsync(office, [talentId]);

        second.GetProperty("created").GetInt32().ShouldBe(0);
        second.GetProperty("skipped").GetInt32().ShouldBe(1);
    }

    [Theory]
    [InlineData("{\"name\":\"复核\"}", "reviews.scope_required")]
    [InlineData("{\"name\":\"复核\",\"levels\":[\"z\"]}", "reviews.level_unknown")]
    [InlineData("{\"name\":\"复核\",\"levels\":[\"a\"],\"categories\":[\"cooking\"]}", "reviews.category_unknown")]
    [InlineData("{\"name\":\"复核\",\"levels\":[\"a\"],\"talentIds\":[\"0195a2b4-0000-7000-8000-000000000001\"]}", "reviews.scope_ambiguous")]
    [InlineData("{\"name\":\"复核\",\"levels\":[\"a\"],\"responseWorkingDays\":121}", "reviews.response_period_invalid")]
    [InlineData("{\"levels\":[\"a\"]}", "request.invalid")]
    public async Task Launch_BadInput_RefusedWithCode(string body, string code)
    {
        var office = await factory.CreateClientAsAsync(ReviewsApi.Office);

        var response = await office.PostAsync(new Uri("/api/v1/reviews/campaigns", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Launch_UnknownTalent_NotFound()
    {
        var office = await factory.CreateClientAsAsync(ReviewsApi.Office);

        var response = await ReviewsApi.LaunchAsync(office, new { name = "复核", talentIds = new[] { Guid.NewGuid() } });

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "reviews.talent_not_found");
    }

    [Fact]
    public async Task Launch_AsTalent_Forbidden()
    {
        var talent = await factory.CreateClientAsAsync("demo-talent");

        var response = await ReviewsApi.LaunchAsync(talent, new { name = "复核", levels = new[] { "a" } });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }
}
