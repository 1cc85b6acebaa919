using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.Cli.Commands.Database;

/// <summary><c>talentpass migrate [--dry-run]</c>: applies the pending versioned migrations of every module.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "List pending migrations without applying them." };
        var command = new Command("migrate", "Apply pending database migrations (SQLite or PostgreSQL, as configured).") { dryRun };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build();
            var runner = host.Services.GetRequiredService<MigrationRunner>();
            var options = host.Services.GetRequiredService<DatabaseOptions>();
            if (parse.GetValue(dryRun))
            {
                var pending = await runner.PendingAsync(cancellationToken);
                AnsiConsole.MarkupLine($"[bold]{pending.Count}[/] pending migration(s) on {options.Provider}:");
                foreach (var script in pending)
                {
                    AnsiConsole.MarkupLine($"  {script.Module} {script.Version:D4}_{Markup.Escape(script.Name)}");
                }

                return 0;
            }

            var applied = await runner.ApplyAsync(cancellationToken);
            foreach (var script in applied)
            {
                AnsiConsole.MarkupLine($"  applied {script.Module} {script.Version:D4}_{Markup.Escape(script.Name)}");
            }

            AnsiConsole.MarkupLine($"[green]Database is up to date[/] ({options.Provider}, {applied.Count} applied now).");
            return 0;
        });
        return command;
    }
}
