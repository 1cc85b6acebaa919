using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Calendar.Contracts;
using TalentPass.Modules.Services.Contracts;
using TalentPass.Modules.Services.Jobs;
using TalentPass.Modules.Services.Persistence;
using TalentPass.SharedKernel;
using static TalentPass.IntegrationTests.Services.ServicesApi;

namespace TalentPass.IntegrationTests.Services;

/// <summary>Staff work: department queues, approvals (second approval by another person), refusals, 补正, escalation, delivery.</summary>
public sealed class ServicesWorkTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SecondApproval_BySamePerson_RefusedThenAnotherPersonApproves()
    {
        var (talent, talentId, idNumber) = await TalentAsync(factory, level: "d");
        var first = await StaffAsync(factory, "dept-science");
        var second = await StaffAsync(factory, "dept-science");
        var application = await (await WindowAsync(first, talentId, idNumber, ("research-startup-funding", ResearchMaterials))).ReadJsonAsync();
        var stepId = StepId(Item(application));

        var afterFirst = Item(await (await ActAsync(first, stepId, "approve", "材料齐全")).ReadJsonAsync());
        afterFirst.GetProperty("steps")[0].GetProperty("status").GetString().ShouldBe("second");
        afterFirst.GetProperty("status").GetString().ShouldBe("in_review");

        await (await ActAsync(first, stepId, "approve")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "services.same_approver");

        var approved = Item(await (await ActAsync(second, stepId, "approve", "同意")).ReadJsonAsync());
        approved.GetProperty("status").GetString().ShouldBe("approved");
        approved.GetProperty("explanationZh").GetString()!.ShouldContain("已复核");
        var mine = await GetAsync(talent, application.GetProperty("id").GetGuid());
        Item(mine).GetProperty("status").GetString().ShouldBe("approved");
        var feed = await factory.WithScopeAsync(sp => sp.GetRequiredService<IServiceDecisionFeed>().ReadAsync(0, 10_000, Ct));
        feed.Count(e => e.Decision.TalentId == talentId).ShouldBe(1);
    }

    [Fact]
    public async Task Approve_StepOfAnotherDepartment_RefusedAsWrongDepartment()
    {
        var (_, talentId, idNumber) = await TalentAsync(factory);
        var science = await factory.CreateClientAsAsync("demo-department");
        var application = await (await WindowAsync(science, talentId, idNumber, ("youth-household-registration", HouseholdMaterials))).ReadJsonAsync();
        var stepId = StepId(Item(application)); // 社会事业局's step

        await (await ActAsync(science, stepId, "approve")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "services.wrong_department");

        var queue = await QueueAsync(science, "q=" + application.GetProperty("reference").GetString());
        queue.GetProperty("items").GetArrayLength().ShouldBe(0);
        var social = await StaffAsync(factory, "dept-social");
        var theirs = await QueueAsync(social, "q=" + application.GetProperty("reference").GetString());
        theirs.GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Refuse_WithoutReason_RefusedThenWithReasonTheTalentSeesIt()
    {
        var (talent, talentId, idNumber) = await TalentAsync(factory);
        var social = await StaffAsync(factory, "dept-social");
        var application = await (await WindowAsync(social, talentId, idNumber, ("talent-apartment", new() { ["employment-proof"] = "x.pdf" }))).ReadJsonAsync();
        var stepId = StepId(Item(application));

        await (await ActAsync(social, stepId, "refuse")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "services.reason_required");
        (await ActAsync(social, stepId, "refuse", "暂无可配租房源")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var item = Item(await GetAsync(talent, application.GetProperty("id").GetGuid()));
        item.GetProperty("status").GetString().ShouldBe("refused");
        item.GetProperty("explanationZh").GetString()!.ShouldContain("暂无可配租房源");
    }

    [Fact]
    public async Task Supplement_TalentAnswersLater_DueDateMovesByThePausedWorkingDays()
    {
        var (talent, talentId, idNumber) = await TalentAsync(factory);
        var social = await StaffAsync(factory, "dept-social");
        var application = await (await WindowAsync(social, talentId, idNumber, ("youth-household-registration", HouseholdMaterials))).ReadJsonAsync();
        var applicationId = application.GetProperty("id").GetGuid();
        var item = Item(application);
        var itemId = item.GetProperty("id").GetGuid();
        var due = DateOnly.Parse(item.GetProperty("dueOn").GetString()!, CultureInfo.InvariantCulture);

        var paused = Item(await (await ActAsync(social, StepId(item), "supplement", "请补充户口本首页")).ReadJsonAsync());
        paused.GetProperty("status").GetString().ShouldBe("supplement");
        await (await ActAsync(social, StepId(item), "approve")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "services.awaiting_supplement");

        // The request was made three working days ago (moved back in the database: the test cannot wait for days).
        var today = BusinessTime.Today(TimeProvider.System);
        var (requested, pausedDays) = await factory.WithScopeAsync(async sp =>
        {
            var calendar = sp.GetRequiredService<IWorkingDayCalendar>();
            var day = today;
            while ((await calendar.WorkingDaysBetweenAsync(day, today, Ct)).Value < 3)
            {
                day = day.AddDays(-1);
            }

            var db = sp.GetRequiredService<ServicesDbContext>();
            await db.Items.Where(i => i.Id == itemId).ExecuteUpdateAsync(s => s.SetProperty(i => i.PausedSince, day), Ct);
            return (day, (await calendar.WorkingDaysBetweenAsync(day, today, Ct)).Value);
        });
        pausedDays.ShouldBe(3);
        var expected = await factory.WithScopeAsync(sp => sp.GetRequiredService<IWorkingDayCalendar>().AddWorkingDaysAsync(due, 3, Ct));

        var answered = Item(await (await talent.PostAsJsonAsync($"/api/v1/services/items/{itemId}/supplement-answer", new { text = "已上传户口本首页" }, Ct)).ReadJsonAsync());

        answered.GetProperty("status").GetString().ShouldBe("in_review");
        answered.GetProperty("pausedWorkingDays").GetInt32().ShouldBe(3);
        answered.GetProperty("dueOn").GetString().ShouldBe(expected.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var queue = await QueueAsync(social, "q=" + application.GetProperty("reference").GetString());
        queue.GetProperty("items")[0].GetProperty("dueOn").GetString().ShouldBe(expected.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var history = (await GetAsync(talent, applicationId)).GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ToList();
        history.ShouldContain("supplement_requested");
        history.ShouldContain("supplement_answered");
        requested.ShouldBeLessThan(today);
    }

    [Fact]
    public async Task Overdue_DeadlineRound_EscalatesOnceAndFlagsTheQueue()
    {
        var (_, talentId, idNumber) = await TalentAsync(factory);
        var social = await StaffAsync(factory, "dept-social");
        var application = await (await WindowAsync(social, talentId, idNumber, ("talent-apartment", new() { ["employment-proof"] = "x.pdf" }))).ReadJsonAsync();
        var itemId = Item(application).GetProperty("id").GetGuid();
        var reference = application.GetProperty("reference").GetString();
        var past = BusinessTime.Today(TimeProvider.System).AddDays(-3);
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ServicesDbContext>();
            await db.Items.Where(i => i.Id == itemId).ExecuteUpdateAsync(s => s.SetProperty(i => i.DueOn, past), Ct);
            await db.Steps.Where(i => i.ItemId == itemId).ExecuteUpdateAsync(s => s.SetProperty(i => i.DueOn, past), Ct);
            return 0;
        });

        await factory.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<DeadlineWork>().RunAsync(Ct);
            await sp.GetRequiredService<DeadlineWork>().RunAsync(Ct);
            return 0;
        });

        var row = (await QueueAsync(social, "overdue=true&q=" + reference)).GetProperty("items")[0];
        row.GetProperty("overdue").GetBoolean().ShouldBeTrue();
        row.GetProperty("escalated").GetBoolean().ShouldBeTrue();
        var view = await GetAsync(social, application.GetProperty("id").GetGuid());
        view.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("action").GetString() == "escalated").ShouldBe(1);
    }

    [Fact]
    public async Task MailDelivery_RecognitionApproved_TrackingNumberRecorded()
    {
        var (talent, talentId, idNumber) = await TalentAsync(factory, level: "e");
        var talentBureau = await StaffAsync(factory, "dept-talent");
        var talentBureau2 = await StaffAsync(factory, "dept-talent");
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var application = await (await WindowAsync(talentBureau, talentId, idNumber,
            ("high-level-recognition", new() { ["achievements"] = "业绩.pdf", ["employment-contract"] = "合同.pdf" }))).ReadJsonAsync();
        var item = Item(application);
        (await ActAsync(talentBureau, StepId(item, 0), "approve")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterStage1 = Item(await (await ActAsync(talentBureau2, StepId(item, 0), "approve")).ReadJsonAsync());
        afterStage1.GetProperty("steps")[1].GetProperty("status").GetString().ShouldBe("open");
        var approved = Item(await (await ActAsync(office, StepId(item, 1), "approve")).ReadJsonAsync());
        approved.GetProperty("status").GetString().ShouldBe("approved");
        var itemId = approved.GetProperty("id").GetGuid();

        var mailed = Item(await (await office.PostAsJsonAsync($"/api/v1/services/items/{itemId}/delivery", new { trackingNumber = "SF1234567890" }, Ct)).ReadJsonAsync());

        mailed.GetProperty("trackingNumber").GetString().ShouldBe("SF1234567890");
        Item(await GetAsync(talent, application.GetProperty("id").GetGuid())).GetProperty("trackingNumber").GetString().ShouldBe("SF1234567890");
        await (await office.PostAsJsonAsync($"/api/v1/services/items/{itemId}/delivery", new { trackingNumber = "SF1" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "services.already_delivered");
    }

    [Fact]
    public async Task Queue_SortedByDueDateAndPaged()
    {
        var social = await StaffAsync(factory, "dept-social");
        var queue = await QueueAsync(social);
        var dues = queue.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("dueOn").ValueKind == JsonValueKind.Null ? DateOnly.MinValue : DateOnly.Parse(i.GetProperty("dueOn").GetString()!, CultureInfo.InvariantCulture))
            .ToList();
        dues.ShouldBe(dues.Order().ToList());
        var talent = await factory.CreateClientAsAsync("demo-talent");
        (await talent.GetAsync(new Uri("/api/v1/services/queue", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Report_AfterDecisions_ShowsOnTimeRatePerMatterAndDepartment()
    {
        var (talent, _, _) = await TalentAsync(factory, level: "b");
        (await OneClickAsync(talent, "vehicle-services")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var report = await (await office.GetAsync(new Uri("/api/v1/services/reports/performance", UriKind.Relative), Ct)).ReadJsonAsync();

        var row = report.GetProperty("matters").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "vehicle-services");
        row.GetProperty("decided").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        row.GetProperty("onTimeRate").GetDouble().ShouldBe(1.0);
    }
}
