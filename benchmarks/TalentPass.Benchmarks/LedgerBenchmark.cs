using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Ledger;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Ledger.Domain;
using TalentPass.Modules.Ledger.Features.Checkpoints;
using TalentPass.Modules.Ledger.Persistence;
using TalentPass.Modules.Ledger.Sequencing;
using TalentPass.Tlog;

namespace TalentPass.Benchmarks;

/// <summary>
/// Ledger benchmark (benchmarks/ledger.sh → docs/benchmarks/ledger.md): durable appends/s through <see cref="ILedger"/>
/// with batching on SQLite and PostgreSQL beside the fsync limit measured in the same run; inclusion-proof time and
/// size and a full audit at 10,000,000 entries (loaded directly through the sequencer's tile code).
/// </summary>
internal sealed class LedgerBenchmark(string workDirectory, string? postgres, long appends, long bigLog, int concurrency, bool reuse)
{
    private readonly StringBuilder report = new();

    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var output = Path.GetFullPath(Arg("--output", "docs/benchmarks/ledger.md"));
        var bench = new LedgerBenchmark(
            Path.GetFullPath(Arg("--work", Path.Combine(Path.GetTempPath(), "talentpass-ledger-bench"))),
            Environment.GetEnvironmentVariable("TALENTPASS_BENCH_PG") is { Length: > 0 } pg ? pg : null,
            long.Parse(Arg("--appends", "100000"), CultureInfo.InvariantCulture),
            long.Parse(Arg("--entries", "10000000"), CultureInfo.InvariantCulture),
            int.Parse(Arg("--concurrency", "2048"), CultureInfo.InvariantCulture),
            args.Contains("--reuse-big"));
        var text = await bench.RunAsync(args.Contains("--skip-big"), args.Contains("--skip-appends"));
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, text);
        Console.WriteLine(text);
        Console.WriteLine("Written to " + output);
        return 0;
    }

    private async Task<string> RunAsync(bool skipBig, bool skipAppends)
    {
        Directory.CreateDirectory(workDirectory);
        var started = TimeProvider.System.GetUtcNow();
        report.AppendLine("# Ledger benchmark").AppendLine()
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"Run {started:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores (`benchmarks/ledger.sh`, written by `TalentPass.Benchmarks ledger`). Every figure is beside its limit measured in the same run."))
            .AppendLine();

        report.AppendLine("## Durable appends").AppendLine()
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"`ILedger.AppendAsync` from {concurrency:N0} concurrent callers; each call returns only after its batch is committed with its index (SQLite `synchronous=FULL` in WAL mode, PostgreSQL with `fsync=on`, `synchronous_commit=on`). Batches: up to 256 entries or 250 ms. The fsync limit: one `write`+`fsync` of 4 KiB per loop on the same disk, and appends from a single caller (one entry per batch)."))
            .AppendLine()
            .AppendLine("| provider | entries | batched appends/s | p50 / p99 latency | CPU per append (whole process) | appends per CPU-second | single-caller appends/s | raw fsync/s |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        var fsync = FsyncRate(workDirectory);
        if (!skipAppends)
        {
            await AppendRowAsync("SQLite", "Sqlite", SqliteConnection("append"), fsync);
        }

        if (postgres is not null && !skipAppends)
        {
            await AppendRowAsync("PostgreSQL", "Postgres", await FreshPostgresAsync("tp_ledger_bench_append"), fsync);
        }

        report.AppendLine().AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Load average while measuring (1 min, this shared 2-core box): {LoadAverage()} at the end of the append runs. \"CPU per append\" counts this benchmark process only (client, sequencer, SQLite; PostgreSQL's server CPU is not included); it is the figure that does not depend on what else runs on the machine."))
            .AppendLine();
        if (!skipAppends)
        {
            report.Append(await LedgerCrashTest.RunAsync(workDirectory, 3));
        }

        if (!skipBig)
        {
            await BigLogAsync();
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Load average at the end: {LoadAverage()}.")).AppendLine();
        }

        return report.ToString();
    }

    private async Task AppendRowAsync(string label, string provider, string connectionString, double fsync)
    {
        await using var services = Build(provider, connectionString);
        await services.GetRequiredService<MigrationRunner>().ApplyAsync();
        await AppendManyAsync(services, 2000, concurrency); // warm-up
        var single = await AppendManyAsync(services, 1000, 1);
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var batched = await AppendManyAsync(services, appends, concurrency);
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds * 1000 / appends;
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {appends:N0} | **{batched.Rate:N0}** | {batched.P50:F0} / {batched.P99:F0} ms | {cpu:F0} µs | {1e6 / cpu:N0} | {single.Rate:N0} | {fsync:N0} |"));
        Console.WriteLine($"{label}: batched {batched.Rate:N0}/s, single {single.Rate:N0}/s, fsync {fsync:N0}/s");
    }

    private static async Task<(double Rate, double P50, double P99)> AppendManyAsync(ServiceProvider services, long count, int callers)
    {
        var latencies = new double[count];
        long next = -1;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, (int)Math.Min(callers, count)).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= count)
                {
                    return;
                }

                var draft = new LedgerEntryDraft(LedgerKinds.Agreement, "sha256:" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
                    ["bank-zhongyuan", "talent-office"], "bench", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), "bench/" + i.ToString(CultureInfo.InvariantCulture));
                var t0 = Stopwatch.GetTimestamp();
                await using var scope = services.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<ILedger>().AppendAsync(draft);
                if (!result.IsSuccess)
                {
                    throw new InvalidOperationException(result.Error.Code);
                }

                latencies[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            }
        })).ToArray();
        await Task.WhenAll(workers);
        stopwatch.Stop();
        Array.Sort(latencies);
        return (count / stopwatch.Elapsed.TotalSeconds, latencies[count / 2], latencies[(long)(count * 0.99)]);
    }

    private async Task BigLogAsync()
    {
        var existing = Path.Combine(workDirectory, "big.db");
        var reused = reuse && File.Exists(existing);
        var connectionString = reused ? $"Data Source={existing}" : SqliteConnection("big");
        await using var services = Build("Sqlite", connectionString);
        await services.GetRequiredService<MigrationRunner>().ApplyAsync();
        var load = Stopwatch.StartNew();
        if (!reused)
        {
            await BulkLoadAsync(services, bigLog);
        }

        load.Stop();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ILedgerCheckpoints>().PublishAsync();
        }

        var n = bigLog;
        var bound = 32 * (int)Math.Ceiling(Math.Log2(n));
        var random = new Random(42);
        var times = new List<double>();
        var computeTimes = new List<double>();
        int minBytes = int.MaxValue, maxBytes = 0;
        var profile = HashProfile.Sha256;
        var connections = services.GetRequiredService<IDbConnectionFactory>();
        await using (var connection = await connections.OpenAsync())
        {
            Hash root;
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT root_hash FROM ledger_tree";
                root = new Hash((byte[])(await command.ExecuteScalarAsync())!);
            }

            for (var i = 0; i < 2000; i++)
            {
                var index = i == 0 ? 0 : i == 1 ? n - 1 : random.NextInt64(n);
                var tiles = new TileHashReader(profile, connection);
                var t0 = Stopwatch.GetTimestamp();
                var proof = await MerkleTree.ProveRecordAsync(profile, n, index, tiles, CancellationToken.None);
                var elapsed = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                var t1 = Stopwatch.GetTimestamp();
                await MerkleTree.ProveRecordAsync(profile, n, index, tiles, CancellationToken.None); // tiles now in memory: the proof math alone
                var compute = Stopwatch.GetElapsedTime(t1).TotalMilliseconds;
                if (i >= 100)
                {
                    times.Add(elapsed); // after warm-up
                    computeTimes.Add(compute);
                }

                minBytes = Math.Min(minBytes, proof.Length * Hash.Size);
                maxBytes = Math.Max(maxBytes, proof.Length * Hash.Size);
                if (i < 20)
                {
                    await using var leaf = connection.CreateCommand();
                    leaf.CommandText = "SELECT leaf_hash FROM ledger_entries WHERE idx = " + index.ToString(CultureInfo.InvariantCulture);
                    var leafHash = new Hash((byte[])(await leaf.ExecuteScalarAsync())!);
                    if (!MerkleTree.CheckRecord(profile, proof, n, root, index, leafHash))
                    {
                        throw new InvalidOperationException($"Proof of {index} does not verify.");
                    }
                }
            }
        }

        times.Sort();
        computeTimes.Sort();
        TimeSpan audit;
        LedgerAuditReport auditReport;
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        await using (var scope = services.CreateAsyncScope())
        {
            auditReport = await scope.ServiceProvider.GetRequiredService<ILedgerAuditor>().AuditAsync();
            audit = auditReport.Elapsed;
        }

        var auditCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;

        var databaseBytes = new FileInfo(Path.Combine(workDirectory, "big.db")).Length;
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"## A log of {n:N0} entries (SQLite)")).AppendLine()
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"{(reused ? "Reused from an earlier run of the same command; l" : "L")}oaded in {load.Elapsed.TotalSeconds:F0} s with the sequencer's tile code in 100,000-entry transactions (secondary indexes dropped for the load; database {databaseBytes / 1e9:F1} GB), then one signed checkpoint."))
            .AppendLine()
            .AppendLine("| measure | result | limit |")
            .AppendLine("|---|---:|---:|")
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"| inclusion proof, tiles read from the database (median / p99 of {times.Count:N0} random indexes) | **{times[times.Count / 2]:F3} / {times[(int)(times.Count * 0.99)]:F3} ms** | < 1 ms |"))
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"| inclusion proof computation alone, its tiles in memory (median / p99) | **{computeTimes[computeTimes.Count / 2]:F3} / {computeTimes[(int)(computeTimes.Count * 0.99)]:F3} ms** | < 1 ms |"))
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"| inclusion proof size | {minBytes}–{maxBytes} bytes | 32·⌈log2 N⌉ = {bound} bytes |"))
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"| full audit (`talentpass ledger audit`: every entry re-hashed, tree rebuilt, checkpoint checked) | **{audit.TotalSeconds:F0} s** ({auditReport.EntriesChecked / audit.TotalSeconds:N0} entries/s, {auditCpu:F0} CPU-seconds on {Environment.ProcessorCount} cores, {(auditReport.IsIntact ? "intact" : "PROBLEMS")}) | < 120 s |"))
            .AppendLine();
    }

    /// <summary>Writes entries, tiles and the tree state as the sequencer would, in large transactions (benchmark set-up only).</summary>
    private static async Task BulkLoadAsync(ServiceProvider services, long count)
    {
        var connections = services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await connections.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000; DROP INDEX ux_ledger_entries_entry_hash; DROP INDEX ix_ledger_entries_kind; DROP INDEX ix_ledger_entries_digest; DROP INDEX ix_ledger_entries_submitter;";
            await pragma.ExecuteNonQueryAsync();
        }

        var hasher = LogHasher.For("sha256");
        var edge = TreeEdge.Empty(hasher);
        var time = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var digest = new byte[32];
        for (long start = 0; start < count; start += 100_000)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO ledger_entries (idx, entry_hash, leaf_hash, entry, kind, digest, parties, submitter, reference, entry_time, sequenced_at) VALUES (@i, @h, @l, @e, 'agreement', @d, ',bank-zhongyuan,talent-office,', 'talentpass:bench', NULL, @t, @t)";
            var pi = insert.CreateParameter(); pi.ParameterName = "@i"; insert.Parameters.Add(pi);
            var ph = insert.CreateParameter(); ph.ParameterName = "@h"; insert.Parameters.Add(ph);
            var pl = insert.CreateParameter(); pl.ParameterName = "@l"; insert.Parameters.Add(pl);
            var pe = insert.CreateParameter(); pe.ParameterName = "@e"; insert.Parameters.Add(pe);
            var pd = insert.CreateParameter(); pd.ParameterName = "@d"; insert.Parameters.Add(pd);
            var pt = insert.CreateParameter(); pt.ParameterName = "@t"; pt.Value = time.UtcTicks; insert.Parameters.Add(pt);
            insert.Prepare();
            var end = Math.Min(count, start + 100_000);
            for (var i = start; i < end; i++)
            {
                RandomNumberGenerator.Fill(digest);
                var entry = LedgerEntry.Create(LedgerKinds.Agreement, "sha256:" + Convert.ToHexStringLower(digest), ["bank-zhongyuan", "talent-office"],
                    "talentpass:bench", time, "bench/" + i.ToString(CultureInfo.InvariantCulture)).Value!;
                var leaf = hasher.Leaf(entry.Canonical);
                pi.Value = i;
                ph.Value = entry.EntryHash;
                pl.Value = leaf;
                pe.Value = entry.Canonical;
                pd.Value = entry.Digest;
                await insert.ExecuteNonQueryAsync();
                edge.Append(leaf);
            }

            await using var tile = connection.CreateCommand();
            tile.Transaction = transaction;
            tile.CommandText = "INSERT INTO ledger_tiles (level, tile_index, width, hashes) VALUES (@l, @i, @w, @h) ON CONFLICT (level, tile_index) DO UPDATE SET width = excluded.width, hashes = excluded.hashes";
            var tl = tile.CreateParameter(); tl.ParameterName = "@l"; tile.Parameters.Add(tl);
            var ti = tile.CreateParameter(); ti.ParameterName = "@i"; tile.Parameters.Add(ti);
            var tw = tile.CreateParameter(); tw.ParameterName = "@w"; tile.Parameters.Add(tw);
            var th = tile.CreateParameter(); th.ParameterName = "@h"; tile.Parameters.Add(th);
            foreach (var t in edge.TakeChanged())
            {
                tl.Value = t.Level;
                ti.Value = t.Index;
                tw.Value = t.Width;
                th.Value = t.Hashes;
                await tile.ExecuteNonQueryAsync();
            }

            await using var tree = connection.CreateCommand();
            tree.Transaction = transaction;
            tree.CommandText = "UPDATE ledger_tree SET size = @s, root_hash = @r, hash_profile = 'sha256', origin = 'talentpass.example/bench/evidence'";
            var ts = tree.CreateParameter(); ts.ParameterName = "@s"; ts.Value = edge.Size; tree.Parameters.Add(ts);
            var tr = tree.CreateParameter(); tr.ParameterName = "@r"; tr.Value = edge.Root(); tree.Parameters.Add(tr);
            await tree.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            if (start % 1_000_000 == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  loaded {end:N0}"));
            }
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static double FsyncRate(string directory)
    {
        var path = Path.Combine(directory, "fsync.probe");
        var block = new byte[4096];
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        var stopwatch = Stopwatch.StartNew();
        var n = 0;
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(3))
        {
            file.Position = 0;
            file.Write(block);
            file.Flush(flushToDisk: true);
            n++;
        }

        stopwatch.Stop();
        file.Dispose();
        File.Delete(path);
        return n / stopwatch.Elapsed.TotalSeconds;
    }

    private string SqliteConnection(string name)
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(Path.Combine(workDirectory, name + ".db" + suffix));
        }

        return $"Data Source={Path.Combine(workDirectory, name + ".db")}";
    }

    private async Task<string> FreshPostgresAsync(string database)
    {
        await using (var admin = new Npgsql.NpgsqlConnection(postgres))
        {
            await admin.OpenAsync();
            await using var command = admin.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {database} WITH (FORCE); CREATE DATABASE {database}";
            await command.ExecuteNonQueryAsync();
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database, MaxPoolSize = 200 }.ConnectionString;
    }

    internal static ServiceProvider Build(string provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:TalentPass"] = connectionString,
            ["Ledger:Origin"] = "talentpass.example/bench/evidence",
            ["Ledger:KeyEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["FieldProtection:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["FieldProtection:BlindIndexKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        services.AddSingleton<IConfiguration>(configuration);
        services.AddTalentPassCore(configuration, [new LedgerModule()], forWeb: false);
        return services.BuildServiceProvider();
    }
}
