using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Codes;
using TalentPass.IntegrationTests.DataSharing;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Services.Contracts;
using TalentPass.Modules.Subsidies.Contracts;
using TalentPass.Modules.Subsidies.Features.Schedules;
using TalentPass.Modules.Subsidies.Persistence;
using static TalentPass.IntegrationTests.Subsidies.SubsidiesApi;

namespace TalentPass.IntegrationTests.Subsidies;

/// <summary>
/// Schedules from decisions, monthly batches, the bank file and stops. One class, so its batches (which take every
/// schedule due) run one after another; each test uses months of its own far-future years.
/// </summary>
public sealed class SubsidiesTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Decision_RaisedTwice_OneScheduleOf36Payments()
    {
        var year = NextYear();
        var (talentId, applicationId, _) = await TalentWithSubsidyAsync(factory, Ordinary(), year);
        await DecideAsync(factory, new ServiceMatterDecided(applicationId, talentId, "youth-living-subsidy", 1, "approved", 150_000, 36, new DateOnly(year, 1, 10), new DateTimeOffset(year, 1, 10, 2, 0, 0, TimeSpan.Zero)));

        var summaries = await factory.WithScopeAsync(sp => sp.GetRequiredService<ISubsidySchedules>().ListForTalentAsync(talentId, Ct));

        var schedule = summaries.ShouldHaveSingleItem();
        schedule.Payments.ShouldBe(36);
        schedule.AmountFen.ShouldBe(150_000);
        schedule.Paid.ShouldBe(0);
        schedule.Status.ShouldBe("active");
    }

    [Fact]
    public async Task Decision_RefusedOrWithoutAmount_NoSchedule()
    {
        var (talentId, _, _) = await TalentWithSubsidyAsync(factory, Ordinary(), NextYear(), payments: 0);
        await DecideAsync(factory, new ServiceMatterDecided(Guid.NewGuid(), talentId, "youth-living-subsidy", 1, "refused", 150_000, 36, new DateOnly(2026, 1, 1), default));

        var summaries = await factory.WithScopeAsync(sp => sp.GetRequiredService<ISubsidySchedules>().ListForTalentAsync(talentId, Ct));

        summaries.ShouldBeEmpty();
    }

    [Fact]
    public async Task Batches_ThirtySixMonths_AllPaidOncePerMonthThenCompletedAndNoMore()
    {
        var year = NextYear();
        var (talentId, _, talent) = await TalentWithSubsidyAsync(factory, Ordinary(), year);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        for (var i = 0; i < 36; i++)
        {
            var batch = await CreateBatchAsync(office, Month(year + (i / 12), (i % 12) + 1));
            var batchId = batch.GetProperty("id").GetGuid();
            var mine = PaymentsOf(await BatchAsync(office, batchId, talentId), talentId).ShouldHaveSingleItem();
            mine.GetProperty("sequence").GetInt32().ShouldBe(i + 1);
            await ConfirmAsync(office, batchId);
        }

        var after = await CreateBatchAsync(office, Month(year + 3, 1));
        var schedule = await ScheduleOfAsync(office, talentId);
        var my = await (await talent.GetAsync(new Uri("/api/v1/subsidies/me", UriKind.Relative), Ct)).ReadJsonAsync();

        PaymentsOf(await BatchAsync(office, after.GetProperty("id").GetGuid(), talentId), talentId).ShouldBeEmpty();
        schedule.GetProperty("schedule").GetProperty("paid").GetInt32().ShouldBe(36);
        schedule.GetProperty("schedule").GetProperty("status").GetString().ShouldBe("completed");
        schedule.GetProperty("payments").GetArrayLength().ShouldBe(36);
        var months = schedule.GetProperty("payments").EnumerateArray().Select(p => p.GetProperty("month").GetString()).ToList();
        months.Distinct().Count().ShouldBe(36);
        my.EnumerateArray().ShouldHaveSingleItem().GetProperty("schedule").GetProperty("paid").GetInt32().ShouldBe(36);
    }

    [Fact]
    public async Task CreateBatch_SameMonthAgain_ReturnsTheSameBatchAndAddsNothing()
    {
        var year = NextYear();
        var (talentId, _, _) = await TalentWithSubsidyAsync(factory, Ordinary(), year);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var firstResponse = await PostBatchAsync(office, Month(year, 2));
        var first = await firstResponse.ReadJsonAsync();
        var againResponse = await PostBatchAsync(office, Month(year, 2));
        var again = await againResponse.ReadJsonAsync();

        firstResponse.StatusCode.ShouldBe(HttpStatusCode.Created);
        againResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.GetProperty("id").GetGuid().ShouldBe(first.GetProperty("id").GetGuid());
        again.GetProperty("paymentCount").GetInt32().ShouldBe(first.GetProperty("paymentCount").GetInt32());
        again.GetProperty("totalFen").GetInt64().ShouldBe(first.GetProperty("totalFen").GetInt64());
        PaymentsOf(await BatchAsync(office, first.GetProperty("id").GetGuid(), talentId), talentId).ShouldHaveSingleItem();
        var schedule = await ScheduleOfAsync(office, talentId);
        schedule.GetProperty("schedule").GetProperty("scheduled").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task ExportBatch_Csv_BomHeaderRowsAndTotalsThatAddUp()
    {
        var year = NextYear();
        var idNumber = Ordinary();
        var (talentId, _, _) = await TalentWithSubsidyAsync(factory, idNumber, year, amountFen: 123_456);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var batch = await CreateBatchAsync(office, Month(year, 1));

        var response = await office.GetAsync(new Uri($"/api/v1/subsidies/batches/{batch.GetProperty("id").GetGuid()}/export.csv", UriKind.Relative), Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"subsidies-batch-{Month(year, 1)}.csv");
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("line,payment_reference,payee_name,payee_id_number,amount_fen,amount_yuan,matter_code,installment,month");
        var rows = lines[1..^1].Select(l => l.Split(',')).ToList();
        var total = lines[^1].Split(',');
        total[0].ShouldBe("TOTAL");
        int.Parse(total[1], CultureInfo.InvariantCulture).ShouldBe(rows.Count);
        int.Parse(total[1], CultureInfo.InvariantCulture).ShouldBe(batch.GetProperty("paymentCount").GetInt32());
        long.Parse(total[4], CultureInfo.InvariantCulture).ShouldBe(rows.Sum(r => long.Parse(r[4], CultureInfo.InvariantCulture)));
        long.Parse(total[4], CultureInfo.InvariantCulture).ShouldBe(batch.GetProperty("totalFen").GetInt64());
        decimal.Parse(total[5], CultureInfo.InvariantCulture).ShouldBe(rows.Sum(r => decimal.Parse(r[5], CultureInfo.InvariantCulture)));
        rows.Select(r => r[0]).ShouldBe(Enumerable.Range(1, rows.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        var mine = rows.Where(r => r[3] == idNumber).ShouldHaveSingleItem();
        mine[4].ShouldBe("123456");
        mine[5].ShouldBe("1234.56");
        mine[7].ShouldBe("1/36");
        mine[8].ShouldBe(Month(year, 1));
        talentId.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task CreateBatch_TalentLeftTheArea_ScheduleStoppedWithTheAnswerAsEvidence()
    {
        var year = NextYear();
        var (talentId, _, talent) = await TalentWithSubsidyAsync(factory, DemoIdNumbers.LeftTheArea(), year);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var batch = await CreateBatchAsync(office, Month(year, 1));
        var detail = await BatchAsync(office, batch.GetProperty("id").GetGuid(), talentId);
        var next = await CreateBatchAsync(office, Month(year, 2));
        var schedule = await ScheduleOfAsync(office, talentId);
        var my = await (await talent.GetAsync(new Uri("/api/v1/subsidies/me", UriKind.Relative), Ct)).ReadJsonAsync();

        PaymentsOf(detail, talentId).ShouldBeEmpty();
        var hold = HoldsOf(detail, talentId).ShouldHaveSingleItem();
        hold.GetProperty("reason").GetString().ShouldBe("left_area");
        var answerId = hold.GetProperty("answerId").GetGuid();
        var evidence = await (await office.GetAsync(new Uri($"/api/v1/data-sharing/answers/{answerId}", UriKind.Relative), Ct)).ReadJsonAsync();
        evidence.GetProperty("fields").GetProperty("contributing").GetString().ShouldBe("false");
        schedule.GetProperty("schedule").GetProperty("status").GetString().ShouldBe("stopped");
        schedule.GetProperty("schedule").GetProperty("statusReason").GetString().ShouldBe("left_area");
        schedule.GetProperty("schedule").GetProperty("statusEvidence").GetString().ShouldBe($"datasharing:answer:{answerId}");
        HoldsOf(await BatchAsync(office, next.GetProperty("id").GetGuid(), talentId), talentId).ShouldBeEmpty();
        PaymentsOf(await BatchAsync(office, next.GetProperty("id").GetGuid(), talentId), talentId).ShouldBeEmpty();
        my.EnumerateArray().ShouldHaveSingleItem().GetProperty("schedule").GetProperty("status").GetString().ShouldBe("stopped");
    }

    [Fact]
    public async Task CreateBatch_TalentSuspendedThenReinstated_PausedHeldThenResumedAndPaid()
    {
        var year = NextYear();
        var (talentId, _, _) = await TalentWithSubsidyAsync(factory, Ordinary(), year);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        await CodesApi.SetStatusAsync(office, talentId, "suspended");
        var paused = await ScheduleOfAsync(office, talentId);
        var held = await CreateBatchAsync(office, Month(year, 1));
        var heldDetail = await BatchAsync(office, held.GetProperty("id").GetGuid(), talentId);
        await CodesApi.SetStatusAsync(office, talentId, "active");
        var resumed = await ScheduleOfAsync(office, talentId);
        var paid = await CreateBatchAsync(office, Month(year, 2));

        paused.GetProperty("schedule").GetProperty("status").GetString().ShouldBe("paused");
        paused.GetProperty("schedule").GetProperty("statusReason").GetString().ShouldBe("talent_suspended");
        HoldsOf(heldDetail, talentId).ShouldHaveSingleItem(heldDetail.ToString() + " PAUSED " + paused.ToString() + " HELD " + held.ToString()).GetProperty("reason").GetString().ShouldBe("talent_suspended");
        PaymentsOf(heldDetail, talentId).ShouldBeEmpty();
        resumed.GetProperty("schedule").GetProperty("status").GetString().ShouldBe("active");
        var payment = PaymentsOf(await BatchAsync(office, paid.GetProperty("id").GetGuid(), talentId), talentId).ShouldHaveSingleItem();
        payment.GetProperty("sequence").GetInt32().ShouldBe(1);
        resumed.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldBe(["created", "paused", "resumed"]);
    }

    [Fact]
    public async Task CreateBatch_TalentTerminated_ScheduleStopped()
    {
        var year = NextYear();
        var (talentId, _, _) = await TalentWithSubsidyAsync(factory, Ordinary(), year);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        await CodesApi.SetStatusAsync(office, talentId, "terminated");
        var batch = await CreateBatchAsync(office, Month(year, 1));
        var schedule = await ScheduleOfAsync(office, talentId);

        schedule.GetProperty("schedule").GetProperty("status").GetString().ShouldBe("stopped");
        schedule.GetProperty("schedule").GetProperty("statusReason").GetString().ShouldBe("talent_terminated");
        PaymentsOf(await BatchAsync(office, batch.GetProperty("id").GetGuid(), talentId), talentId).ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateBatch_SocialInsuranceUnavailable_HeldThisMonthScheduleStaysActive()
    {
        var year = NextYear();
        var (talentId, _, _) = await TalentWithSubsidyAsync(factory, DemoIdNumbers.Unavailable(), year);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var batch = await CreateBatchAsync(office, Month(year, 1));
        var detail = await BatchAsync(office, batch.GetProperty("id").GetGuid(), talentId);
        var schedule = await ScheduleOfAsync(office, talentId);

        HoldsOf(detail, talentId).ShouldHaveSingleItem().GetProperty("reason").GetString().ShouldBe("data_unavailable");
        PaymentsOf(detail, talentId).ShouldBeEmpty();
        schedule.GetProperty("schedule").GetProperty("status").GetString().ShouldBe("active");
        schedule.GetProperty("schedule").GetProperty("scheduled").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task StopAndResume_ByTheTalentOffice_HistoryKeepsTheReasons()
    {
        var year = NextYear();
        var (talentId, _, _) = await TalentWithSubsidyAsync(factory, Ordinary(), year);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var id = (await ScheduleOfAsync(office, talentId)).GetProperty("schedule").GetProperty("id").GetGuid();

        var noReason = await office.PostAsJsonAsync($"/api/v1/subsidies/schedules/{id}/stop", new { reason = " " }, Ct);
        (await office.PostAsJsonAsync($"/api/v1/subsidies/schedules/{id}/stop", new { reason = "重复享受 / double benefit" }, Ct)).EnsureSuccessStatusCode();
        var again = await office.PostAsJsonAsync($"/api/v1/subsidies/schedules/{id}/stop", new { reason = "again" }, Ct);
        (await office.PostAsJsonAsync($"/api/v1/subsidies/schedules/{id}/resume", new { reason = "核实无误 / checked" }, Ct)).EnsureSuccessStatusCode();
        var schedule = await ScheduleOfAsync(office, talentId);

        await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "subsidies.reason_required");
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "subsidies.not_stoppable");
        schedule.GetProperty("schedule").GetProperty("status").GetString().ShouldBe("active");
        var history = schedule.GetProperty("history").EnumerateArray().ToList();
        history.Select(e => e.GetProperty("kind").GetString()).ShouldBe(["created", "stopped", "resumed"]);
        history[1].GetProperty("evidence").GetString().ShouldBe("office:重复享受 / double benefit");
    }

    [Fact]
    public async Task ConfirmBatch_WithoutBankReference_ValidationProblem()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var batch = await CreateBatchAsync(office, Month(NextYear(), 1));

        var response = await office.PostAsJsonAsync($"/api/v1/subsidies/batches/{batch.GetProperty("id").GetGuid()}/confirm", new { bankReference = "" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "subsidies.bank_reference_required");
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("26-01")]
    [InlineData("1999-12")]
    [InlineData(null)]
    public async Task CreateBatch_BadMonth_ValidationProblem(string? month)
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var response = await PostBatchAsync(office, month!);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "subsidies.month_invalid");
    }

    [Fact]
    public async Task CreateBatch_Talent_Forbidden()
    {
        var talent = await factory.CreateClientAsAsync("demo-talent");

        var response = await PostBatchAsync(talent, "2026-01");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task CatchUp_DecisionsMissedInProcess_CreatedOnceFromTheFeed()
    {
        var (talentId, _, _) = await TalentWithSubsidyAsync(factory, Ordinary(), NextYear(), payments: 0);
        var missed = new ServiceMatterDecided(Guid.NewGuid(), talentId, "youth-rent-subsidy", 2, "approved", 80_000, 12, new DateOnly(2026, 3, 5), default);
        var refused = new ServiceMatterDecided(Guid.NewGuid(), talentId, "youth-living-subsidy", 1, "refused", null, null, new DateOnly(2026, 3, 5), default);
        var feed = new FakeFeed([new(1, missed), new(2, refused)]);
        var cursorId = "test-" + Guid.NewGuid().ToString("N");

        var created = await factory.WithScopeAsync(sp => sp.GetRequiredService<ScheduleWriter>().CatchUpAsync(feed, Ct, cursorId));
        var nothingNew = await factory.WithScopeAsync(sp => sp.GetRequiredService<ScheduleWriter>().CatchUpAsync(feed, Ct, cursorId));
        var otherCursor = await factory.WithScopeAsync(sp => sp.GetRequiredService<ScheduleWriter>().CatchUpAsync(feed, Ct, cursorId + "b"));
        await DecideAsync(factory, missed); // the in-process call arriving late
        var summaries = await factory.WithScopeAsync(sp => sp.GetRequiredService<ISubsidySchedules>().ListForTalentAsync(talentId, Ct));
        var cursor = await factory.WithScopeAsync(async sp => (await sp.GetRequiredService<SubsidiesDbContext>().Cursors.FindAsync([cursorId], Ct))!.Position);

        created.ShouldBe(1);
        nothingNew.ShouldBe(0);
        otherCursor.ShouldBe(0);
        var schedule = summaries.ShouldHaveSingleItem();
        schedule.MatterCode.ShouldBe("youth-rent-subsidy");
        schedule.Payments.ShouldBe(12);
        cursor.ShouldBe(2);
    }

    private sealed class FakeFeed(IReadOnlyList<ServiceDecisionFeedEntry> entries) : IServiceDecisionFeed
    {
        public Task<IReadOnlyList<ServiceDecisionFeedEntry>> ReadAsync(long afterSequence, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ServiceDecisionFeedEntry>>(entries.Where(e => e.Sequence > afterSequence).Take(max).ToList());
    }
}
