using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using TalentPass.Infrastructure.Demo;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.Cli.Commands.Database;

/// <summary><c>talentpass seed</c>: migrates and fills a new database with the demo city (demo mode only).</summary>
internal static class SeedDemoCommand
{
    public static Command Create()
    {
        var command = new Command("seed", "Migrate, then seed the demo city into a new database (requires Demo:Enabled).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build();
            if (!host.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
            {
                AnsiConsole.MarkupLine("[red]Demo mode is off[/] (Demo:Enabled=false): demo data is never written to a production database.");
                return 2;
            }

            await using var scope = host.Services.CreateAsyncScope();
            var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
            await host.Services.GetRequiredService<MigrationRunner>().ApplyAsync(cancellationToken);
            var seeded = await initializer.SeedDemoAsync(cancellationToken);
            AnsiConsole.MarkupLine(seeded ? "[green]Demo data seeded.[/]" : "Demo data was already there; nothing changed.");
            return 0;
        });
        return command;
    }
}
