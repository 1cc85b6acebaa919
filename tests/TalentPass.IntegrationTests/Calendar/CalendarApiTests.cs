using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.Calendar;

/// <summary>
/// The calendar API on the shared host. Tests that load a year use their own far-future year (2090+) so that the
/// years other tests rely on (2025, 2026 loaded; 2027 not) stay as they are.
/// </summary>
public sealed class CalendarApiTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deadline_AcceptedBeforeNationalDay2026_FiveWorkingDaysEndOnThe13th()
    {
        var client = factory.CreateAnonymousClient();

        var body = await (await client.GetAsync(new Uri("/api/v1/calendar/deadline?accepted=2026-09-30&workingDays=5", UriKind.Relative), Ct)).ReadJsonAsync();

        body.GetProperty("due").GetString().ShouldBe("2026-10-13");
    }

    [Fact]
    public async Task Deadline_ReachesAnUnloadedYear_ConflictNamingTheYear()
    {
        var client = factory.CreateAnonymousClient();

        var response = await client.GetAsync(new Uri("/api/v1/calendar/deadline?accepted=2024-12-20&workingDays=3", UriKind.Relative), Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "calendar.year_not_loaded");
        problem.GetProperty("errors").GetProperty("year")[0].GetString().ShouldBe("2024");
    }

    [Theory]
    [InlineData("accepted=2026-02-30&workingDays=5", "accepted")]
    [InlineData("accepted=30.09.2026&workingDays=5", "accepted")]
    [InlineData("accepted=2026-09-30&workingDays=0", "workingDays")]
    [InlineData("accepted=2026-09-30&workingDays=-3", "workingDays")]
    [InlineData("accepted=2026-09-30&workingDays=five", "workingDays")]
    [InlineData("workingDays=5", "accepted")]
    public async Task Deadline_BadInput_ValidationProblemNamingTheParameter(string query, string field)
    {
        var client = factory.CreateAnonymousClient();

        var response = await client.GetAsync(new Uri("/api/v1/calendar/deadline?" + query, UriKind.Relative), Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "calendar.deadline_invalid");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Years_SeededYears_HoldTheOfficialDaysWithMatchingChecksums()
    {
        var client = factory.CreateAnonymousClient();

        var years = await (await client.GetAsync(new Uri("/api/v1/calendar/years", UriKind.Relative), Ct)).ReadJsonAsync();
        var y2026 = await (await client.GetAsync(new Uri("/api/v1/calendar/years/2026", UriKind.Relative), Ct)).ReadJsonAsync();

        var listed = years.EnumerateArray().ToDictionary(y => y.GetProperty("year").GetInt32());
        listed.Keys.ShouldContain(2025);
        listed.Keys.ShouldContain(2026);
        listed[2026].GetProperty("source").GetString()!.ShouldContain("2026");
        listed[2026].GetProperty("holidays").GetInt32().ShouldBe(33);
        listed[2026].GetProperty("makeupWorkdays").GetInt32().ShouldBe(6);
        var days = y2026.GetProperty("days").EnumerateArray().ToList();
        days.ShouldContain(d => d.GetProperty("date").GetString() == "2026-10-10" && d.GetProperty("kind").GetString() == "workday_makeup");
        days.ShouldContain(d => d.GetProperty("date").GetString() == "2026-10-07" && d.GetProperty("kind").GetString() == "holiday");
        y2026.GetProperty("checksum").GetString().ShouldBe(Checksum(days));
    }

    [Fact]
    public async Task Years_FromAndTo_OnlyThoseYears_OutOfRangeIsAProblem()
    {
        var client = factory.CreateAnonymousClient();

        var y2025 = await (await client.GetAsync(new Uri("/api/v1/calendar/years?from=2025&to=2025", UriKind.Relative), Ct)).ReadJsonAsync();
        var bad = await client.GetAsync(new Uri("/api/v1/calendar/years?from=1999", UriKind.Relative), Ct);

        y2025.EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ShouldBe([2025]);
        await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "calendar.year_invalid");
    }

    [Fact]
    public async Task GetYear_NotLoaded_NotFound()
    {
        var response = await factory.CreateAnonymousClient().GetAsync(new Uri("/api/v1/calendar/years/2089", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "calendar.year_not_found");
    }

    [Fact]
    public async Task LoadYear_NewThenReplaced_DeadlinesFollowAndTheReplacementIsAudited()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var anonymous = factory.CreateAnonymousClient();
        const string Deadline = "/api/v1/calendar/deadline?accepted=2090-09-29&workingDays=3";
        (await anonymous.GetAsync(new Uri(Deadline, UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // 2090-09-29 is a Friday; 10-01 (Sun) … 10-05 (Thu) off, 10-07 (Sat) a make-up day.
        var created = await office.PostAsJsonAsync("/api/v1/calendar/years/2090", new
        {
            source = "integration test notice 2090",
            schedule = "2090-10-01..2090-10-05 holiday 国庆节 National Day\n2090-10-07 workday 国庆节 National Day\n",
        }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        (await (await anonymous.GetAsync(new Uri(Deadline, UriKind.Relative), Ct)).ReadJsonAsync()).GetProperty("due").GetString().ShouldBe("2090-10-09");

        var again = await office.PostAsJsonAsync("/api/v1/calendar/years/2090", new { source = "again", schedule = "2090-10-01 holiday x" }, Ct);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "calendar.year_already_loaded");
        var noReason = await office.PostAsJsonAsync("/api/v1/calendar/years/2090", new { source = "again", schedule = "2090-10-01 holiday x", replace = true }, Ct);
        await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "calendar.reason_required");

        var replaced = await office.PostAsJsonAsync("/api/v1/calendar/years/2090", new
        {
            source = "integration test notice 2090, corrected",
            days = new[]
            {
                new { date = "2090-10-01", kind = "holiday", name = "国庆节" },
                new { date = "2090-10-02", kind = "holiday", name = "国庆节" },
                new { date = "2090-10-03", kind = "holiday", name = "国庆节" },
            },
            replace = true,
            reason = "notice corrected",
            expectedRevision = 1,
        }, Ct);
        var body = await replaced.ReadJsonAsync();

        replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("revision").GetInt32().ShouldBe(2);
        body.GetProperty("changes").GetProperty("removed").EnumerateArray().Select(d => d.GetString()).ShouldBe(["2090-10-04", "2090-10-05", "2090-10-07"]);
        body.GetProperty("changes").GetProperty("changed").GetArrayLength().ShouldBe(3);
        // Now Fri 29 → Wed 4, Thu 5, Fri 6.
        (await (await anonymous.GetAsync(new Uri(Deadline, UriKind.Relative), Ct)).ReadJsonAsync()).GetProperty("due").GetString().ShouldBe("2090-10-06");
        var stale = await office.PostAsJsonAsync("/api/v1/calendar/years/2090", new { source = "x", schedule = "2090-10-01 holiday x", replace = true, reason = "r", expectedRevision = 1 }, Ct);
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict, "calendar.version_conflict");

        var auditor = await factory.CreateClientAsAsync("demo-auditor");
        var audit = await (await auditor.GetAsync(new Uri("/api/v1/audit/events?action=calendar.year_replaced&subjectId=2090", UriKind.Relative), Ct)).ReadJsonAsync();
        var detail = audit.GetProperty("items")[0].GetProperty("detail").GetString() ?? string.Empty;
        detail.ShouldContain("notice corrected");
        detail.ShouldContain("3 removed");
    }

    [Fact]
    public async Task LoadYear_InvalidSchedule_EveryBadLineIsNamedAndNothingIsLoaded()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var response = await office.PostAsJsonAsync("/api/v1/calendar/years/2091", new
        {
            source = "integration test",
            schedule = "2091-01-01 holiday 元旦\n2091-01-03 workday 周三\n2090-12-31 holiday 跨年\n2091-01-01 holiday 重复\nnonsense",
        }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "calendar.schedule_invalid");
        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["line 2", "line 3", "line 4", "line 5"]);
        (await office.GetAsync(new Uri("/api/v1/calendar/years/2091", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LoadYear_NotTalentOffice_Refused()
    {
        var talent = await factory.CreateClientAsAsync("demo-talent");
        var payload = new { source = "x", schedule = "2092-01-01 holiday 元旦" };

        var forbidden = await talent.PostAsJsonAsync("/api/v1/calendar/years/2092", payload, Ct);
        var anonymous = await factory.CreateAnonymousClient().PostAsJsonAsync("/api/v1/calendar/years/2092", payload, Ct);

        await forbidden.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await anonymous.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    private static string Checksum(IEnumerable<JsonElement> days) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(days
            .Select(d => $"{d.GetProperty("date").GetString()}\t{d.GetProperty("kind").GetString()}\t{d.GetProperty("name").GetString()}\n")))));
}
