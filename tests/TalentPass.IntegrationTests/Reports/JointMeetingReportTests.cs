using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Reports;

/// <summary>
/// The joint-meeting dashboard (M-16) through its JSON and CSV endpoints: every registered report source in order,
/// figures that follow what happens in the modules, CSV equal to JSON, period validation and access.
/// </summary>
public sealed class JointMeetingReportTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Today => BusinessTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> ReportAsync(HttpClient client, string query) =>
        await (await client.GetAsync(new Uri("/api/v1/reports/joint-meeting?" + query, UriKind.Relative), Ct)).ReadJsonAsync();

    private static JsonElement Section(JsonElement report, string key) =>
        report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);

    private static long Figure(JsonElement section, string key) =>
        section.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key).GetProperty("value").GetInt64();

    private static long Point(JsonElement section, string series, string key) =>
        section.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("key").GetString() == series)
            .GetProperty("points").EnumerateArray().Single(p => p.GetProperty("key").GetString() == key).GetProperty("value").GetInt64();

    [Fact]
    public async Task JointMeeting_TalentRegisteredToday_CountsInTalentsByLevel()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var query = $"from={Today}&to={Today}";
        var before = Section(await ReportAsync(office, query), "talents");

        await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName("报"), level: "a");

        var after = Section(await ReportAsync(office, query), "talents");
        Point(after, "by_level", "a").ShouldBeGreaterThanOrEqualTo(Point(before, "by_level", "a") + 1);
        Point(after, "new_by_level", "a").ShouldBeGreaterThanOrEqualTo(Point(before, "new_by_level", "a") + 1);
        Figure(after, "registered_in_period").ShouldBeGreaterThanOrEqualTo(Figure(before, "registered_in_period") + 1);

        // A period that ended before the talent was registered does not count it.
        var past = Section(await ReportAsync(office, "period=year&year=2020"), "talents");
        Figure(past, "registered_in_period").ShouldBe(0);
    }

    [Fact]
    public async Task JointMeeting_EveryRegisteredSource_AppearsInOrder()
    {
        var auditor = await factory.CreateClientAsAsync("demo-auditor");
        var report = await ReportAsync(auditor, "period=month");

        var sections = report.GetProperty("sections").EnumerateArray().ToList();
        var keys = sections.Select(s => s.GetProperty("key").GetString()).ToList();
        keys.ShouldContain("talents");
        keys.ShouldContain("codes");
        keys.ShouldContain("cards");
        keys.ShouldContain("services");
        keys.ShouldContain("hostbank");
        var orders = sections.Select(s => s.GetProperty("order").GetInt32()).ToList();
        orders.ShouldBe(orders.Order().ToList());
        report.GetProperty("from").GetString().ShouldEndWith("-01");
        Figure(Section(report, "talents"), "registered_total").ShouldBeGreaterThanOrEqualTo(TalentPassFactory.DemoTalents);
    }

    [Fact]
    public async Task Csv_SamePeriod_HasTheSameFiguresAsTheJson()
    {
        var office = await factory.CreateClientAsAsync("demo-bigdata");
        var query = $"from={Today[..8]}01&to={Today}";

        // Other tests change figures meanwhile: compare a CSV taken between two identical JSON answers.
        for (var attempt = 0; ; attempt++)
        {
            var first = (await ReportAsync(office, query)).GetRawText();
            var response = await office.GetAsync(new Uri("/api/v1/reports/joint-meeting.csv?" + query, UriKind.Relative), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
            var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
            var second = (await ReportAsync(office, query)).GetRawText();
            if (first != second && attempt < 50)
            {
                // The scan-log load tests write thousands of rows in bursts; wait for a quiet moment.
                await Task.Delay(TimeSpan.FromMilliseconds(200), Ct);
                continue;
            }

            first.ShouldBe(second);
            bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble()); // spreadsheet programs read UTF-8
            var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
            lines[0].ShouldBe("from,to,section,series,key,label_zh,label_en,value,unit");
            var csv = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(c => (c[2], c[3], c[4]), c => c[^2]); // labels may hold quoted commas: value is next to last

            using var json = JsonDocument.Parse(first);
            var expected = new Dictionary<(string, string, string), string>();
            foreach (var section in json.RootElement.GetProperty("sections").EnumerateArray())
            {
                var key = section.GetProperty("key").GetString()!;
                foreach (var f in section.GetProperty("figures").EnumerateArray())
                {
                    expected[(key, "", f.GetProperty("key").GetString()!)] = f.GetProperty("value").GetInt64().ToString(CultureInfo.InvariantCulture);
                }

                foreach (var s in section.GetProperty("series").EnumerateArray())
                {
                    foreach (var p in s.GetProperty("points").EnumerateArray())
                    {
                        expected[(key, s.GetProperty("key").GetString()!, p.GetProperty("key").GetString()!)] = p.GetProperty("value").GetInt64().ToString(CultureInfo.InvariantCulture);
                    }
                }
            }

            expected.Count.ShouldBeGreaterThan(20);
            csv.ShouldBe(expected);
            return;
        }
    }

    [Fact]
    public async Task JointMeeting_BadPeriod_IsRefused()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        foreach (var query in new[] { "from=2026-05-01&to=2026-04-30", "period=quarter&quarter=2026Q5", "period=month&month=2026-13", "period=custom&from=2026-01-01", "period=week", "from=2000-01-01&to=2010-01-01" })
        {
            var response = await office.GetAsync(new Uri("/api/v1/reports/joint-meeting?" + query, UriKind.Relative), Ct);
            await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reports.period_invalid");
        }

        var csv = await office.GetAsync(new Uri("/api/v1/reports/joint-meeting.csv?from=2026-05-01&to=2026-04-30", UriKind.Relative), Ct);
        await csv.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reports.period_invalid");
    }

    [Fact]
    public async Task JointMeeting_ForATalentOrAPartner_IsForbidden()
    {
        foreach (var user in new[] { "demo-talent", "demo-bank", "demo-department" })
        {
            var client = await factory.CreateClientAsAsync(user);
            var response = await client.GetAsync(new Uri("/api/v1/reports/joint-meeting", UriKind.Relative), Ct);
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        }
    }

    [Fact]
    public async Task DashboardPage_ShowsChartsWithTablesForEachSection()
    {
        var browser = await CookieBrowser.SignInAsync(factory, "demo-talentoffice");
        var html = await browser.GetPageAsync("/reports/joint-meeting?period=year");

        html.ShouldContain("data-section=\"talents\"");
        html.ShouldContain("<svg role=\"img\"");
        html.ShouldContain("data-testid=\"chart-table\"");
        html.ShouldContain("@media print");
    }
}
