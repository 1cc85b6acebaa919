using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Ledger.Contracts;

namespace TalentPass.Benchmarks;

/// <summary>
/// kill -9 during appends (benchmarks/ledger.sh, section "Crash test"): a child process appends from many callers and
/// records every acknowledged index; the parent kills it with SIGKILL at a random moment, restarts on the same
/// database, and checks that every acknowledged entry is at its index, the indexes have no gap and the audit is intact.
/// </summary>
internal static class LedgerCrashTest
{
    /// <summary>The child: append until killed; one line "index hash" per acknowledged entry.</summary>
    public static async Task<int> ChildAsync(string connectionString, string acknowledgements)
    {
        await using var services = LedgerBenchmark.Build("Sqlite", connectionString);
        await using var log = new StreamWriter(acknowledgements, append: true) { AutoFlush = true };
        var gate = new object();
        var workers = Enumerable.Range(0, 512).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var draft = new LedgerEntryDraft(LedgerKinds.Agreement, "sha256:" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
                    ["bank-zhongyuan"], "crashtest", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
                await using var scope = services.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<ILedger>().AppendAsync(draft);
                lock (gate)
                {
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Value!.Index} {result.Value.EntryHash}"));
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return 0;
    }

    public static async Task<string> RunAsync(string workDirectory, int rounds)
    {
        var database = Path.Combine(workDirectory, "crash.db");
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(database + suffix);
        }

        var connectionString = $"Data Source={database}";
        await using (var services = LedgerBenchmark.Build("Sqlite", connectionString))
        {
            await services.GetRequiredService<MigrationRunner>().ApplyAsync();
        }

        var acknowledgements = Path.Combine(workDirectory, "crash.acks");
        File.Delete(acknowledgements);
        var random = new Random(7);
        var self = typeof(LedgerCrashTest).Assembly.Location;
        var lines = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            using var child = ChildProcess.Start(self, ["ledger-crash-child", connectionString, acknowledgements], new Dictionary<string, string>());
            await Task.Delay(TimeSpan.FromMilliseconds(2500 + random.Next(2000)));
            child.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush beyond what was committed
            await child.WaitForExitAsync();

            var acked = File.ReadAllLines(acknowledgements).Where(l => l.Length > 0).Select(l => l.Split(' ')).ToList();
            await using var services = LedgerBenchmark.Build("Sqlite", connectionString);
            var connections = services.GetRequiredService<IDbConnectionFactory>();
            var stored = new Dictionary<string, long>(StringComparer.Ordinal);
            long size;
            await using (var connection = await connections.OpenAsync())
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT idx, entry_hash FROM ledger_entries";
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        stored[Convert.ToHexStringLower((byte[])reader.GetValue(1))] = reader.GetInt64(0);
                    }
                }

                command.CommandText = "SELECT size FROM ledger_tree";
                size = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            }

            var lost = acked.Count(a => !stored.TryGetValue(a[1], out var index) || index != long.Parse(a[0], CultureInfo.InvariantCulture));
            LedgerAuditReport audit;
            await using (var scope = services.CreateAsyncScope())
            {
                audit = await scope.ServiceProvider.GetRequiredService<ILedgerAuditor>().AuditAsync();
            }

            var dense = stored.Count == size && (size == 0 || stored.Values.Max() == size - 1);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {round + 1} | {size:N0} | {acked.Count:N0} | {size - acked.Count:N0} | {lost} | {(dense ? "yes" : "NO")} | {(audit.IsIntact ? "intact" : string.Join("; ", audit.Problems))} |"));
            Console.WriteLine(lines[^1]);
        }

        return "## Crash test (kill -9 during appends)\n\n"
            + "A child process appends from 512 callers on SQLite and logs every acknowledged index; after 2.5–4.5 s it is killed with SIGKILL, "
            + "then the log is checked and the next round appends to the same database. *Lost* counts acknowledged entries that are not at "
            + "their acknowledged index (must be 0); *unacknowledged* entries were committed but the child died before answering.\n\n"
            + "| round | tree size | acknowledged (cumulative) | committed, unacknowledged | lost | indexes dense | audit |\n|---:|---:|---:|---:|---:|---|---|\n"
            + string.Join('\n', lines) + "\n\n";
    }
}
