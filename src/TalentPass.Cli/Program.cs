using System.CommandLine;
using TalentPass.Cli.Commands.Database;

var root = new RootCommand("TalentPass command-line tool: migrations, demo data, imports and admin chores.");
root.Subcommands.Add(MigrateCommand.Create());
root.Subcommands.Add(SeedDemoCommand.Create());
return await root.Parse(args).InvokeAsync();
