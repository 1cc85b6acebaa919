using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TalentPass.Modules.Ledger.Contracts;

namespace TalentPass.Cli.Commands.Ledger;

/// <summary>
/// <c>talentpass ledger audit</c>: recompute the tree from the stored entries and check every checkpoint (exit 0 intact,
/// 1 problems found). <c>talentpass ledger checkpoint</c>: publish a checkpoint of the current tree now.
/// </summary>
internal static class LedgerCommand
{
    public static Command Create()
    {
        var ledger = new Command("ledger", "Evidence ledger chores: audit, checkpoints, proofs.");
        ledger.Subcommands.Add(Audit());
        ledger.Subcommands.Add(PublishCheckpoint());
        return ledger;
    }

    private static Command Audit()
    {
        var audit = new Command("audit", "Recompute the Merkle tree from the stored entries and check the tree state and every published checkpoint.");
        audit.SetAction(async (_, cancellationToken) =>
        {
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<ILedgerAuditor>().AuditAsync(null, cancellationToken);
            var rate = report.EntriesChecked / Math.Max(0.001, report.Elapsed.TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"tree size {report.TreeSize:N0}, {report.EntriesChecked:N0} entries and {report.CheckpointsChecked:N0} checkpoints checked in {report.Elapsed.TotalSeconds:F1} s ({rate:N0} entries/s)"));
            if (report.IsIntact)
            {
                AnsiConsole.MarkupLine("[green]The ledger is intact.[/]");
                return 0;
            }

            AnsiConsole.MarkupLine($"[red]{report.Problems.Count} problem(s) found:[/]");
            foreach (var problem in report.Problems)
            {
                Console.WriteLine("  " + problem);
            }

            return 1;
        });
        return audit;
    }

    private static Command PublishCheckpoint()
    {
        var checkpoint = new Command("checkpoint", "Sign and publish a checkpoint of the current tree now (submitting it to the configured witnesses).");
        checkpoint.SetAction(async (_, cancellationToken) =>
        {
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var published = await scope.ServiceProvider.GetRequiredService<ILedgerCheckpoints>().PublishAsync(cancellationToken);
            if (published is null)
            {
                Console.WriteLine("No checkpoint published (the log is empty, or the witness quorum was not met).");
                return 1;
            }

            Console.Write(published);
            return 0;
        });
        return checkpoint;
    }
}
