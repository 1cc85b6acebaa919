using System.CommandLine;
using TalentPass.Cli.Commands.Codes;
using TalentPass.Cli.Commands.Database;
using TalentPass.Cli.Commands.Ledger;
using TalentPass.Cli.Commands.Services;
using TalentPass.Cli.Commands.Talents;

namespace TalentPass.Cli;

internal static class CliProgram
{
    public static async Task<int> Main(string[] args) => await BuildRoot().Parse(args).InvokeAsync();

    /// <summary>The command tree; tests invoke it in process.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("TalentPass command-line tool: migrations, demo data, imports, code keys and verification, admin chores.");
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(SeedDemoCommand.Create());
        root.Subcommands.Add(ImportTalentsCommand.Create());
        root.Subcommands.Add(RotateKeysCommand.Create());
        root.Subcommands.Add(CodesCommand.Create());
        var ledger = LedgerCommand.Create();
        ledger.Subcommands.Add(VerifyProofCommand.Create());
        root.Subcommands.Add(ledger);
        root.Subcommands.Add(WitnessServeCommand.Create());
        root.Subcommands.Add(OneClickBatchCommand.Create());
        return root;
    }
}
