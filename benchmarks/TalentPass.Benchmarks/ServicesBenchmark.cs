using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using TalentPass.SharedKernel;
using TalentPass.StandIns;

namespace TalentPass.Benchmarks;

/// <summary>
/// One-thing services on PostgreSQL (benchmarks/services.sh → docs/benchmarks/services.md):
/// (1) N youth talents imported, then the one-click living subsidy for all of them through the real CLI
/// (<c>talentpass services one-click</c>: the same checks, data-sharing look-ups against the stand-in over HTTP with
/// answers kept as evidence, rules, rows and decision dispatch as one talent's one-click), beside two limits measured
/// in the same run: raw binary COPY of the same rows and raw HTTP look-ups against the same stand-in;
/// (2) a department queue with M applications in the database: p50/p95/p99 of the real queue API, beside the bare SQL
/// of the same query and a bare Kestrel round trip.
/// </summary>
internal static class ServicesBenchmark
{
    private const string Matter = "youth-living-subsidy";
    private static readonly StringBuilder Log = new();

    public static async Task<int> RunAsync(string[] args)
    {
        var n = Arg(args, "--applications", 100_000);
        var m = Arg(args, "--lookup-applications", 5_000);
        var queueRows = Arg(args, "--queue-rows", 1_000_000);
        var parallel = Arg(args, "--parallel", 8);
        var requests = Arg(args, "--requests", 300);
        var output = ArgText(args, "--output") ?? Path.Combine(Root(), "docs", "benchmarks", "services.md");
        var admin = Environment.GetEnvironmentVariable("TALENTPASS_BENCH_PG") ?? throw new InvalidOperationException("TALENTPASS_BENCH_PG is required.");
        var ct = CancellationToken.None;

        var pgName = "tp_svc_" + Guid.NewGuid().ToString("N")[..10];
        await ExecAsync(admin, $"CREATE DATABASE {pgName}");
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = pgName }.ConnectionString;
        await using var standIn = await StandInServer.StartAsync("http://127.0.0.1:0", cancellationToken: ct);
        var artifacts = Path.Combine(Root(), "artifacts", "bench-services");
        Directory.CreateDirectory(artifacts);
        var env = new Dictionary<string, string>
        {
            ["TALENTPASS_HOME"] = artifacts,
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__TalentPass"] = cs,
            ["FieldProtection__EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["FieldProtection__BlindIndexKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Demo__Enabled"] = "true",
            ["Demo__Talents"] = "300",
            ["DataSharing__BaseUrl"] = new Uri(standIn.BaseAddress, "data-sharing/").ToString(),
            ["DataSharing__ApiKey"] = "standin-data-sharing-demo-key",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Codes__AllowGeneratedKeys"] = "true",
            ["Ledger__AllowGeneratedKeys"] = "true",
            ["StandIns__Enabled"] = "false",
        };
        try
        {
            var cli = Dll("TalentPass.Cli", "talentpass.dll");
            Step("migrate + demo seed");
            await MustAsync(ChildProcess.RunAsync(cli, ["seed"], env, ct));

            Step($"import {n:N0} level-C talents and {m:N0} youth talents");
            var csv = Path.Combine(artifacts, $"talents-{n}-{m}.csv");
            await File.WriteAllLinesAsync(csv, new[] { "id_number,name,level,category" }
                .Concat(Enumerable.Range(0, n).Select(i => $"{HighLevelId(i)},人才{i},c,science"))
                .Concat(Enumerable.Range(0, m).Select(i => $"{YouthId(i)},青年{i},youth,engineering")), ct);
            await MustAsync(ChildProcess.RunAsync(cli, ["talents", "import", csv, "--no-progress", "--bulk"], env, ct));
            var high = await IdsAsync(cs, "c", ct);
            var youth = await IdsAsync(cs, "youth", ct);
            var highFile = Path.Combine(artifacts, "talents-c.txt");
            var youthFile = Path.Combine(artifacts, "talents-youth.txt");
            await File.WriteAllLinesAsync(highFile, high.Select(i => i.ToString()), ct);
            await File.WriteAllLinesAsync(youthFile, youth.Select(i => i.ToString()), ct);

            Step($"A: one-click 医疗保健VIP (免审即享 on the level, no look-ups) for {high.Count:N0} talents (parallel {parallel})");
            var runA = await MustAsync(ChildProcess.RunAsync(cli, ["services", "one-click", "--matter", "medical-vip", "--talents", highFile, "--parallel", parallel.ToString(CultureInfo.InvariantCulture)], env, ct));
            var approvedA = await ScalarAsync(cs, "SELECT count(*) FROM services_items WHERE matter_code = 'medical-vip' AND status = 'approved' AND auto_decided");
            Step($"B: one-click 青年人才生活补贴 (two data-sharing look-ups each) for {youth.Count:N0} talents (parallel {parallel})");
            var run = await MustAsync(ChildProcess.RunAsync(cli, ["services", "one-click", "--matter", Matter, "--talents", youthFile, "--parallel", parallel.ToString(CultureInfo.InvariantCulture)], env, ct));
            var processingA = ElapsedMs(runA.Output);
            var processingMs = ElapsedMs(run.Output);
            var approved = await ScalarAsync(cs, $"SELECT count(*) FROM services_items WHERE matter_code = '{Matter}' AND status = 'approved' AND auto_decided");
            var decisions = await ScalarAsync(cs, "SELECT count(*) FROM services_decisions WHERE dispatched_at IS NOT NULL");
            var answers = await ScalarAsync(cs, "SELECT count(*) FROM datasharing_answers");
            var audits = await ScalarAsync(cs, "SELECT count(*) FROM audit_events");
            var ids = youth;

            Step("limit: raw COPY of the same rows");
            var copy = await RawCopyAsync(cs, ct);
            Step("limit: raw HTTP look-ups against the stand-in");
            var lookups = await RawLookupsAsync(standIn.BaseAddress, ids.Count * 2, parallel, ct);

            Step($"queue: fill to {queueRows:N0} applications");
            var science = await ScalarGuidAsync(cs, "SELECT id FROM identity_organisations WHERE code = 'dept-science'");
            var fill = await FillQueueAsync(cs, queueRows, science, ct);
            Step("queue: bare SQL and API latency");
            var sql = await QueueSqlAsync(cs, science, requests, ct);
            var api = await QueueApiAsync(Dll("TalentPass.Web", "TalentPass.Web.dll"), env, requests, ct);
            var bare = await Latency.BareKestrelAsync(requests, ct);

            var report = Report(high.Count, runA.Elapsed, processingA, approvedA, ids.Count, parallel, run.Elapsed, processingMs, approved, decisions, answers, audits, copy, lookups, queueRows, fill, sql, api, bare);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            await File.WriteAllTextAsync(output, report, ct);
            Console.WriteLine(report);
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecAsync(admin, $"DROP DATABASE IF EXISTS {pgName} WITH (FORCE)");
        }
    }

    private static double ElapsedMs(string output) =>
        double.Parse(output.Split("elapsed_ms=")[1].Split('\n', '\r', ' ')[0], CultureInfo.InvariantCulture);

    private static async Task<List<Guid>> IdsAsync(string cs, string level, CancellationToken ct)
    {
        var ids = new List<Guid>();
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync(ct);
        await using var q = new NpgsqlCommand("SELECT id FROM talents_talents WHERE registration_source LIKE 'import:%' AND level = @l ORDER BY id", c);
        q.Parameters.AddWithValue("l", level);
        await using var r = await q.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            ids.Add(r.GetGuid(0));
        }

        return ids;
    }

    private static string HighLevelId(int i)
    {
        var birth = new DateOnly(1975, 1, 1).AddDays(i / 800);
        var body = string.Create(CultureInfo.InvariantCulture, $"410106{birth:yyyyMMdd}{100 + (i % 800):D3}");
        return body + ResidentIdNumber.CheckCharacter(body);
    }

    /// <summary>Ordinary stand-in records (sequence 1xx–8xx), born 2001: a bachelor or higher graduated within five years, contributing.</summary>
    private static string YouthId(int i)
    {
        var birth = new DateOnly(2001, 1, 1).AddDays(i / 800);
        var body = string.Create(CultureInfo.InvariantCulture, $"410108{birth:yyyyMMdd}{100 + (i % 800):D3}");
        return body + ResidentIdNumber.CheckCharacter(body);
    }

    private static async Task<(long Rows, TimeSpan Elapsed)> RawCopyAsync(string cs, CancellationToken ct)
    {
        string[] tables = ["services_applications", "services_items", "services_history", "services_decisions"];
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync(ct);
        var buffers = new List<(string Table, byte[] Data, long Rows)>();
        foreach (var t in tables)
        {
            using var ms = new MemoryStream();
            await using (var export = await c.BeginRawBinaryCopyAsync($"COPY {t} TO STDOUT (FORMAT BINARY)", ct))
            {
                await export.CopyToAsync(ms, ct);
            }

            buffers.Add((t, ms.ToArray(), await ScalarAsync(cs, $"SELECT count(*) FROM {t}")));
            await using var clone = new NpgsqlCommand($"CREATE TABLE bench_{t} (LIKE {t} INCLUDING ALL)", c);
            await clone.ExecuteNonQueryAsync(ct);
        }

        var sw = Stopwatch.StartNew();
        await using (var tx = await c.BeginTransactionAsync(ct))
        {
            foreach (var (t, data, _) in buffers)
            {
                await using var import = await c.BeginRawBinaryCopyAsync($"COPY bench_{t} FROM STDIN (FORMAT BINARY)", ct);
                await import.WriteAsync(data, ct);
            }

            await tx.CommitAsync(ct);
        }

        sw.Stop();
        foreach (var t in tables)
        {
            await using var drop = new NpgsqlCommand($"DROP TABLE bench_{t}", c);
            await drop.ExecuteNonQueryAsync(ct);
        }

        return (buffers.Sum(b => b.Rows), sw.Elapsed);
    }

    private static async Task<(int Calls, TimeSpan Elapsed)> RawLookupsAsync(Uri standIn, int calls, int parallel, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = standIn };
        http.DefaultRequestHeaders.Add("X-Api-Key", "standin-data-sharing-demo-key");
        var next = -1;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, i % 2 == 0 ? "data-sharing/v1/education_credentials/query" : "data-sharing/v1/social_insurance/query")
                {
                    Content = JsonContent.Create(new { idNumber = YouthId(i / 2) }),
                };
                request.Headers.Add("X-Request-Id", Guid.NewGuid().ToString());
                using var response = await http.SendAsync(request, ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                response.EnsureSuccessStatusCode();
            }
        }));
        return (calls, sw.Elapsed);
    }

    /// <summary>Adds applications (item + step each) until <paramref name="total"/>; a third at the science bureau, a quarter of those open.</summary>
    private static async Task<TimeSpan> FillQueueAsync(string cs, int total, Guid science, CancellationToken ct)
    {
        var existing = (int)await ScalarAsync(cs, "SELECT count(*) FROM services_items");
        var add = Math.Max(0, total - existing);
        var departments = new List<Guid>();
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync(ct);
        await using (var q = new NpgsqlCommand("SELECT id FROM identity_organisations WHERE kind IN ('Department', 'department') ORDER BY code", c))
        await using (var r = await q.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                departments.Add(r.GetGuid(0));
            }
        }

        string[] matters = ["youth-household-registration", "talent-apartment", "research-startup-funding", "professional-title", "high-level-housing-subsidy"];
        var now = TimeProvider.System.GetUtcNow();
        var today = BusinessTime.Today(TimeProvider.System);
        var sw = Stopwatch.StartNew();
        var random = new Random(7);
        const int chunk = 100_000;
        for (var start = 0; start < add; start += chunk)
        {
            var count = Math.Min(chunk, add - start);
            var rows = Enumerable.Range(start, count).Select(i =>
            {
                var dept = i % 3 == 0 ? science : departments[i % departments.Count];
                var open = i % 4 == 0;
                var accepted = open ? today.AddDays(-random.Next(0, 12)) : new DateOnly(2026, 1, 5).AddDays(random.Next(0, 300));
                var due = accepted.AddDays(7);
                return (App: Guid.CreateVersion7(now), Item: Guid.CreateVersion7(now), Step: Guid.CreateVersion7(now), Dept: dept, Open: open, Accepted: accepted, Due: due,
                    Matter: matters[i % matters.Length], Reference: string.Create(CultureInfo.InvariantCulture, $"YJS{accepted:yyyyMMdd}-B{i:D9}"));
            }).ToList();
            await using var tx = await c.BeginTransactionAsync(ct);
            await using (var w = await c.BeginBinaryImportAsync("COPY services_applications (id, reference, talent_id, channel, submitted_at, accepted_on) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var x in rows)
                {
                    await w.WriteRowAsync(ct, x.App, x.Reference, x.Item, "window", now, x.Accepted);
                }

                await w.CompleteAsync(ct);
            }

            await using (var w = await c.BeginBinaryImportAsync("COPY services_items (id, application_id, reference, talent_id, talent_masked_name, matter_code, matter_version, status, accepted_on, due_on, paused_working_days, auto_decided, delivery, updated_at, version, decided_on, outcome, warned_at, escalated_at) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var x in rows)
                {
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(x.Item, NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(x.App, NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(x.Reference, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(x.Item, NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync("王*", NpgsqlDbType.Text, ct);
                    await w.WriteAsync(x.Matter, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(1, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(x.Open ? "in_review" : "approved", NpgsqlDbType.Text, ct);
                    await w.WriteAsync(x.Accepted, NpgsqlDbType.Date, ct);
                    await w.WriteAsync(x.Due, NpgsqlDbType.Date, ct);
                    await w.WriteAsync(0, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                    await w.WriteAsync("online", NpgsqlDbType.Text, ct);
                    await w.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                    await w.WriteAsync(1, NpgsqlDbType.Integer, ct);
                    if (x.Open)
                    {
                        await w.WriteNullAsync(ct);
                        await w.WriteNullAsync(ct);
                    }
                    else
                    {
                        await w.WriteAsync(x.Accepted.AddDays(3), NpgsqlDbType.Date, ct);
                        await w.WriteAsync("approved", NpgsqlDbType.Text, ct);
                    }

                    // The steady state: open items were warned, overdue ones escalated (the deadline job has caught up).
                    await w.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                    if (x.Open && x.Due < today)
                    {
                        await w.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                    }
                    else
                    {
                        await w.WriteNullAsync(ct);
                    }
                }

                await w.CompleteAsync(ct);
            }

            await using (var w = await c.BeginBinaryImportAsync("COPY services_steps (id, item_id, application_id, reference, matter_code, talent_masked_name, department_id, stage, name_zh, name_en, requires_second, status, due_on, paused, escalated, updated_at, version) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var x in rows)
                {
                    await w.WriteRowAsync(ct, x.Step, x.Item, x.App, x.Reference, x.Matter, "王*", x.Dept, 1, "审核", "Review", false, x.Open ? "open" : "approved", x.Due, false, x.Open && x.Due < today, now, 1);
                }

                await w.CompleteAsync(ct);
            }

            await tx.CommitAsync(ct);
        }

        await ExecAsync(cs, "VACUUM ANALYZE services_steps");
        await ExecAsync(cs, "VACUUM ANALYZE services_items");
        await ExecAsync(cs, "VACUUM ANALYZE services_applications");
        return sw.Elapsed;
    }

    private static async Task<LatencyStats> QueueSqlAsync(string cs, Guid science, int requests, CancellationToken ct)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync(ct);
        var samples = new List<double>();
        for (var i = -20; i < requests; i++)
        {
            var sw = Stopwatch.StartNew();
            await using var q = new NpgsqlCommand("SELECT * FROM services_steps WHERE department_id = @d AND status = 'open' ORDER BY due_on, id OFFSET @o LIMIT 20", c);
            q.Parameters.AddWithValue("d", science);
            q.Parameters.AddWithValue("o", (Math.Abs(i) % 10) * 20);
            await using (var r = await q.ExecuteReaderAsync(ct))
            {
                while (await r.ReadAsync(ct))
                {
                }
            }

            await using var count = new NpgsqlCommand("SELECT count(*) FROM (SELECT 1 FROM services_steps WHERE department_id = @d AND status = 'open' LIMIT 10001) t", c);
            count.Parameters.AddWithValue("d", science);
            await count.ExecuteScalarAsync(ct);
            if (i >= 0)
            {
                samples.Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        return LatencyStats.From("bare SQL (page + capped count)", samples, 20);
    }

    private static async Task<List<LatencyStats>> QueueApiAsync(string webDll, Dictionary<string, string> env, int requests, CancellationToken ct)
    {
        var port = FreePort();
        var baseAddress = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        var webEnv = new Dictionary<string, string>(env) { ["ASPNETCORE_URLS"] = baseAddress };
        using var web = ChildProcess.Start(webDll, [], webEnv);
        web.OutputDataReceived += (_, _) => { };
        web.BeginOutputReadLine();
        try
        {
            using var anonymous = Latency.Client(baseAddress, null);
            var ready = Stopwatch.StartNew();
            while (true)
            {
                if (web.HasExited || ready.Elapsed > TimeSpan.FromMinutes(3))
                {
                    throw new InvalidOperationException("The web host did not start: " + await web.StandardError.ReadToEndAsync(ct));
                }

                try
                {
                    using var health = await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative), ct);
                    if (health.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(500, ct);
            }

            var tokenResponse = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "demo-department", password = "Demo@12345" }, ct);
            tokenResponse.EnsureSuccessStatusCode();
            var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("access_token").GetString();
            using var client = Latency.Client(baseAddress, token);
            var scenarios = new (string Name, Func<int, string> Url)[]
            {
                ("queue, pages 1-10", i => $"/api/v1/services/queue?page={(i % 10) + 1}&size=20"),
                ("queue, one matter", i => $"/api/v1/services/queue?matter={(i % 2 == 0 ? "research-startup-funding" : "talent-apartment")}&size=20"),
                ("queue, overdue only", _ => "/api/v1/services/queue?overdue=true&size=20"),
                ("queue, reference search", i => string.Create(CultureInfo.InvariantCulture, $"/api/v1/services/queue?q=YJS{BusinessTime.Today(TimeProvider.System).AddDays(-(i % 12)):yyyyMMdd}&size=20")),
                ("queue, page 50", _ => "/api/v1/services/queue?page=50&size=20"),
            };
            var stats = new List<LatencyStats>();
            foreach (var (name, url) in scenarios)
            {
                stats.Add(await Latency.MeasureAsync(client, name, Enumerable.Range(0, requests).Select(url).ToList(), 20, ct));
            }

            return stats;
        }
        finally
        {
            web.Kill(entireProcessTree: true);
            await web.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static string Report(int campaign, TimeSpan wallA, double processingA, long approvedA, int talents, int parallel, TimeSpan wall, double processingMs, long approved, long decisions, long answers, long audits,
        (long Rows, TimeSpan Elapsed) copy, (int Calls, TimeSpan Elapsed) lookups, int queueRows, TimeSpan fill, LatencyStats sql, List<LatencyStats> api, LatencyStats bare)
    {
        string F(double v) => v.ToString("N1", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.AppendLine("# Services benchmark (one-thing services)");
        sb.AppendLine();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Run {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC with `benchmarks/services.sh` on {Environment.ProcessorCount} cores (shared with other work), PostgreSQL {PgVersion()} with durable settings (fsync on), Release build."));
        sb.AppendLine();
        sb.AppendLine("## 1. One-click applications, auto-approved end to end (target: 100,000 in under 60 s)");
        sb.AppendLine();
        sb.AppendLine("Both runs go through the real CLI, `talentpass services one-click --matter CODE --talents FILE --parallel N` (`IOneClickBatch`): for each talent the registry read, the same checks as a talent's own one-click (status, catalogue, eligibility, open or granted applications — one query per chunk), the matter's data-sharing look-ups, the 免审即享 rules, the due date through `IWorkingDayCalendar`, the rows (application, item, history, decision) written per chunk of 500 in ONE transaction with binary COPY, and after each commit the decisions dispatched to the `IServiceDecisionHandler`s and marked dispatched (the talent is notified when a Notifications module is registered; none is in this build).");
        sb.AppendLine();
        sb.AppendLine("| run | talents | processing time (CLI, after start-up) | rate | CLI wall time | approved automatically |");
        sb.AppendLine("|---|---|---|---|---|---|");
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| A: `medical-vip` (rule on the level, no look-ups) | {campaign:N0} | **{processingA / 1000:N1} s** | {campaign / (processingA / 1000):N0}/s | {wallA.TotalSeconds:N1} s | {approvedA:N0} |"));
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| B: `{Matter}` (two data-sharing look-ups over HTTP to the stand-in, answers kept and ID-number reads audited) | {talents:N0} | **{processingMs / 1000:N1} s** | {talents / (processingMs / 1000):N0}/s | {wall.TotalSeconds:N1} s | {approved:N0} |"));
        sb.AppendLine();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Decisions dispatched: {decisions:N0}; data-sharing answers kept: {answers:N0}; audit events: {audits:N0}."));
        sb.AppendLine();
        sb.AppendLine("Limits measured in the same run:");
        sb.AppendLine();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- raw binary COPY of all {copy.Rows:N0} Services rows written by both runs into empty copies of the tables: {copy.Elapsed.TotalSeconds:N2} s;"));
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- {lookups.Calls:N0} raw HTTP look-ups against the same stand-in ({parallel} concurrent, no database): {lookups.Elapsed.TotalSeconds:N1} s."));
        sb.AppendLine();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"## 2. Department queue with {queueRows:N0} applications (limit: p95 under 100 ms)"));
        sb.AppendLine();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{queueRows:N0} applications in `services_items` (one step each in `services_steps`; a third at the science bureau, a quarter open), filled with COPY in {fill.TotalSeconds:N0} s. `GET /api/v1/services/queue` as `demo-department` (科技局) through the real web host with a bearer token, sequential on one keep-alive connection, {sql.Requests} requests per scenario after 20 warm-up requests. Each request: the page by `(department_id, status, due_on, id)`, the capped count, the matter names and a working-day countdown per row through `IWorkingDayCalendar`."));
        sb.AppendLine();
        sb.AppendLine("| scenario | p50 ms | p95 ms | p99 ms | max ms |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var s in api.Append(sql).Append(bare))
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {s.Scenario} | {F(s.P50)} | {F(s.P95)} | {F(s.P99)} | {F(s.Max)} |"));
        }

        sb.AppendLine();
        sb.AppendLine("The last two rows are the limits measured in the same run: the bare SQL of the same page and capped count on one connection, and a bare Kestrel round trip (no authentication, no database).");
        sb.AppendLine();
        sb.AppendLine("## Log");
        sb.AppendLine();
        sb.AppendLine("```");
        sb.Append(Log);
        sb.AppendLine("```");
        sb.AppendLine();
        sb.AppendLine("Reproduce: `benchmarks/services.sh [--applications N] [--queue-rows N] [--parallel N] [--requests N]`.");
        return sb.ToString();
    }

    private static string PgVersion()
    {
        var admin = Environment.GetEnvironmentVariable("TALENTPASS_BENCH_PG")!;
        using var c = new NpgsqlConnection(admin);
        c.Open();
        using var q = new NpgsqlCommand("SHOW server_version", c);
        return (string)q.ExecuteScalar()!;
    }

    private static async Task ExecAsync(string cs, string sql)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        await using var q = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
        await q.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string cs, string sql)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        await using var q = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
        return Convert.ToInt64(await q.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<Guid> ScalarGuidAsync(string cs, string sql)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        await using var q = new NpgsqlCommand(sql, c);
        return (Guid)(await q.ExecuteScalarAsync())!;
    }

    private static async Task<(int ExitCode, string Output, TimeSpan Elapsed)> MustAsync(Task<(int ExitCode, string Output, TimeSpan Elapsed)> run)
    {
        var result = await run;
        Step(string.Create(CultureInfo.InvariantCulture, $"  exit {result.ExitCode} after {result.Elapsed.TotalSeconds:N1} s: {result.Output.Trim().Split('\n')[^1]}"));
        return result.ExitCode == 0 ? result : throw new InvalidOperationException($"exit {result.ExitCode}:\n{result.Output}");
    }

    private static void Step(string message)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{TimeProvider.System.GetUtcNow():HH:mm:ss} {message}");
        Log.AppendLine(line);
        Console.WriteLine(line);
    }

    private static string Root()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "TalentPass.slnx")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("TalentPass.slnx not found above the benchmark binary.");
    }

    private static string Dll(string project, string dll) => Path.Combine(Root(), "src", project, "bin", "Release", "net10.0", dll);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int Arg(string[] args, string name, int fallback) =>
        ArgText(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static string? ArgText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
