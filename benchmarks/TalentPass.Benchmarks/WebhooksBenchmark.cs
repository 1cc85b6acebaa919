using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Webhooks;
using TalentPass.Modules.Webhooks.Contracts;
using TalentPass.Modules.Webhooks.Domain;
using TalentPass.Modules.Webhooks.Features.Delivery;
using TalentPass.Modules.Webhooks.Persistence;

namespace TalentPass.Benchmarks;

/// <summary>
/// <c>TalentPass.Benchmarks webhooks [--events N] [--keys K] [--concurrency C] [--output FILE]</c> (benchmarks/partners.sh):
/// sustained webhook delivery to a local receiver. A producer enqueues N events over K ordering keys through
/// <see cref="IWebhookOutbox"/> (transactions of 500, as the Cards feed consumer does) while the real dispatcher
/// claims, signs and POSTs them to a Kestrel receiver on loopback; the figure is N / (time from the first enqueue to
/// the last confirmed delivery). The limit, in the same run: the same receiver driven by a plain HTTP loop (same body
/// size, same concurrency, no database, no signing). The receiver checks order per key and counts duplicates.
/// </summary>
internal static class WebhooksBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var events = int.Parse(Arg("--events", "30000"), CultureInfo.InvariantCulture);
        var keys = int.Parse(Arg("--keys", "3000"), CultureInfo.InvariantCulture);
        var concurrency = int.Parse(Arg("--concurrency", "64"), CultureInfo.InvariantCulture);
        var output = Path.GetFullPath(Arg("--output", "docs/benchmarks/partners.md"));
        var work = Path.Combine(Path.GetTempPath(), $"talentpass-webhooks-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        var postgres = Environment.GetEnvironmentVariable("TALENTPASS_BENCH_PG") is { Length: > 0 } pg ? pg : null;

        await using var receiver = await Receiver.StartAsync();
        var report = new StringBuilder();
        report.AppendLine("# Partner benchmarks: webhook delivery").AppendLine()
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"Run {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores (`benchmarks/partners.sh`, written by `TalentPass.Benchmarks webhooks`). Target: ≥ 1,000 events/s sustained to a local receiver. Every figure is beside its limit measured in the same run."))
            .AppendLine()
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"A producer enqueues {events:N0} events over {keys:N0} ordering keys ({events / keys} per key) through `IWebhookOutbox.EnqueueAsync` in transactions of 500 while the real dispatcher (batch 500, {concurrency} requests in flight, Standard-Webhooks HMAC signing, outcomes written per batch — one UPDATE over arrays on PostgreSQL, one prepared UPDATE per row in one transaction on SQLite) delivers them to a Kestrel receiver on loopback. The figure is events / (first enqueue → last confirmed delivery). The limit: the same receiver driven by a plain `HttpClient` loop with the same body size and concurrency — no database, no signing, no ordering."))
            .AppendLine()
            .AppendLine("| run | events | delivered/s | limit: bare receiver req/s | share of the limit | CPU-seconds per 1,000 events | order violations | duplicates |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");

        var runs = new List<(string Name, string Provider, string ConnectionString)> { ("SQLite", "Sqlite", $"Data Source={Path.Combine(work, "webhooks.db")}") };
        if (postgres is not null)
        {
            runs.Add(("PostgreSQL", "Postgres", await FreshPostgresAsync(postgres, "tp_webhooks_bench")));
        }

        foreach (var (name, provider, cs) in runs)
        {
            var limit = await BareLoopAsync(receiver, concurrency, TimeSpan.FromSeconds(5));
            receiver.Reset();
            var (rate, cpuPerThousand) = await DeliverAsync(provider, cs, receiver, events, keys, concurrency);
            var (violations, duplicates) = receiver.Check();
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {events:N0} | **{rate:N0}** | {limit:N0} | {rate / limit:P0} | {cpuPerThousand:0.00} | {violations} | {duplicates} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {rate:N0} events/s (bare receiver {limit:N0}/s), {violations} order violations, {duplicates} duplicates"));
        }

        report.AppendLine()
            .AppendLine("Where the time goes: each event is one HTTP POST (the receiver limit); per batch the dispatcher adds one claim query (`UPDATE … RETURNING`, `FOR UPDATE SKIP LOCKED` on PostgreSQL) and one write of the outcomes (PostgreSQL: enqueue and outcomes are single statements over arrays; before that change PostgreSQL managed 540 events/s with one round trip per event), and events of the same key go one per batch (order), so the number of keys in flight bounds the parallelism. The producer's inserts compete with the dispatcher's updates for the same database (SQLite: one writer at a time).")
            .AppendLine()
            .AppendLine("Reproduce: `benchmarks/partners.sh [--events N] [--keys K] [--concurrency C]` (starts a private PostgreSQL unless `TALENTPASS_BENCH_PG` is set).");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, report.ToString());
        Console.WriteLine(report);
        Console.WriteLine("Written to " + output);
        Directory.Delete(work, recursive: true);
        return 0;
    }

    private static async Task<(double Rate, double CpuPerThousand)> DeliverAsync(string provider, string connectionString, Receiver receiver, int events, int keys, int concurrency)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:TalentPass"] = connectionString,
            ["FieldProtection:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["FieldProtection:BlindIndexKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Webhooks:AllowLoopback"] = "true",
            ["Webhooks:BatchSize"] = "500",
            ["Webhooks:MaxConcurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
            ["Webhooks:PollInterval"] = "00:00:00.050",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        services.AddSingleton<IConfiguration>(configuration);
        services.AddTalentPassCore(configuration, [new WebhooksModule()], forWeb: false);
        await using var provider_ = services.BuildServiceProvider();
        await provider_.GetRequiredService<MigrationRunner>().ApplyAsync();

        var partner = Guid.NewGuid();
        var secret = WebhookSigner.NewSecret();
        await using (var scope = provider_.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WebhooksDbContext>();
            var now = TimeProvider.System.GetUtcNow();
            db.Endpoints.Add(new EndpointRow
            {
                PartnerOrganisationId = partner,
                Url = receiver.Url,
                Enabled = true,
                SecretCipher = scope.ServiceProvider.GetRequiredService<IFieldProtector>().Protect(secret),
                SecretCreatedAt = now,
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
            });
            await db.SaveChangesAsync();
        }

        var dispatcher = provider_.GetRequiredService<WebhookDispatcher>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await dispatcher.StartAsync(CancellationToken.None);
        var perKey = events / keys;
        await using (var scope = provider_.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IWebhookOutbox>();
            var connections = scope.ServiceProvider.GetRequiredService<IDbConnectionFactory>();
            var batch = new List<WebhookEventDraft>(500);
            for (var round = 1; round <= perKey; round++)
            {
                for (var k = 0; k < keys; k++)
                {
                    var data = string.Create(CultureInfo.InvariantCulture, $$"""{"key":"talent:{{k}}","n":{{round}},"customerRef":"tpc_{{k:x24}}","level":"C","status":"active"}""");
                    batch.Add(new WebhookEventDraft(Guid.CreateVersion7(), partner, "talent.level.changed", $"talent:{k}", data, TimeProvider.System.GetUtcNow()));
                    if (batch.Count == 500)
                    {
                        await EnqueueAsync(connections, outbox, batch);
                    }
                }
            }

            if (batch.Count > 0)
            {
                await EnqueueAsync(connections, outbox, batch);
            }
        }

        while (receiver.Accepted < perKey * keys)
        {
            await Task.Delay(10);
        }

        var elapsed = clock.Elapsed;
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        await dispatcher.StopAsync(CancellationToken.None);
        return (perKey * keys / elapsed.TotalSeconds, used.TotalSeconds / (perKey * keys) * 1000);
    }

    private static async Task EnqueueAsync(IDbConnectionFactory connections, IWebhookOutbox outbox, List<WebhookEventDraft> batch)
    {
        await using var connection = await connections.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await outbox.EnqueueAsync(connection, tx, batch);
        await tx.CommitAsync();
        batch.Clear();
    }

    /// <summary>The receiver's throughput with a plain HTTP loop: same body size, same concurrency.</summary>
    private static async Task<double> BareLoopAsync(Receiver receiver, int concurrency, TimeSpan duration)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false });
        var body = WebhookPayload.Build(Guid.NewGuid(), "talent.level.changed", TimeProvider.System.GetUtcNow(), """{"key":"bare","n":0,"customerRef":"tpc_000000000000000000000000","level":"C","status":"active"}""");
        long count = 0;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (stop.Elapsed < duration)
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                using var response = await client.PostAsync(receiver.Url, content);
                response.EnsureSuccessStatusCode();
                Interlocked.Increment(ref count);
            }
        }));
        return count / stop.Elapsed.TotalSeconds;
    }

    private static async Task<string> FreshPostgresAsync(string admin, string database)
    {
        await using (var connection = new Npgsql.NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {database} WITH (FORCE); CREATE DATABASE {database}";
            await command.ExecuteNonQueryAsync();
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = database, MaxPoolSize = 100 }.ConnectionString;
    }

    /// <summary>A partner stand-in: reads each event, answers 200, remembers per key the last sequence number seen.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly ConcurrentQueue<(string Key, int N)> sequence = new();
        private readonly ConcurrentDictionary<string, byte> ids = new();
        private WebApplication? app;
        private long accepted;
        private long violations;
        private long duplicates;

        public string Url { get; private set; } = "";

        public long Accepted => Interlocked.Read(ref accepted);

        public static async Task<Receiver> StartAsync()
        {
            var receiver = new Receiver();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var web = builder.Build();
            web.MapPost("/hooks", async (HttpContext context) =>
            {
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer);
                receiver.Record(context.Request.Headers["webhook-id"].ToString(), buffer.ToArray());
                return Results.Ok();
            });
            await web.StartAsync();
            receiver.Url = new Uri(new Uri(web.Urls.First()), "/hooks").ToString();
            receiver.app = web;
            return receiver;
        }

        public void Reset()
        {
            sequence.Clear();
            ids.Clear();
            Interlocked.Exchange(ref accepted, 0);
            Interlocked.Exchange(ref violations, 0);
            Interlocked.Exchange(ref duplicates, 0);
        }

        private void Record(string id, byte[] body)
        {
            using var json = JsonDocument.Parse(body);
            var data = json.RootElement.GetProperty("data");
            var key = data.GetProperty("key").GetString()!;
            if (key == "bare")
            {
                return;
            }

            if (!ids.TryAdd(id, 0))
            {
                Interlocked.Increment(ref duplicates);
                return;
            }

            // Arrival order: the n-th event of a key must come right after the (n-1)-th (checked after the run).
            sequence.Enqueue((key, data.GetProperty("n").GetInt32()));
            Interlocked.Increment(ref accepted);
        }

        /// <summary>Order violations (an event arriving before an earlier one of its key) and duplicates.</summary>
        public (long Violations, long Duplicates) Check()
        {
            var last = new Dictionary<string, int>();
            foreach (var (key, n) in sequence)
            {
                last.TryGetValue(key, out var previous);
                if (n != previous + 1)
                {
                    violations++;
                }

                last[key] = n;
            }

            sequence.Clear();
            return (violations, Interlocked.Read(ref duplicates));
        }

        public async ValueTask DisposeAsync()
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
    }
}
