using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TalentPass.Modules.Services.Contracts;

namespace TalentPass.Cli.Commands.Services;

/// <summary>
/// <c>talentpass services one-click --matter CODE --talents FILE [--parallel N]</c>: the one-click path for every
/// talent id in FILE (one per line) — a proactive campaign (免申即享) or the services benchmark. Prints the counts
/// and the processing time; exit code 0 when nothing was rejected, 1 otherwise.
/// </summary>
internal static class OneClickBatchCommand
{
    public static Command Create()
    {
        var services = new Command("services", "One-thing services: batch operations.");
        var matter = new Option<string>("--matter") { Description = "Matter code, e.g. youth-living-subsidy.", Required = true };
        var talents = new Option<string>("--talents") { Description = "File with one talent id per line.", Required = true };
        var parallel = new Option<int>("--parallel") { Description = "Concurrent workers (default 8).", DefaultValueFactory = _ => 8 };
        var command = new Command("one-click", "Apply with one click for many talents (same checks, look-ups, rules and rows as the talent's own one-click).");
        command.Options.Add(matter);
        command.Options.Add(talents);
        command.Options.Add(parallel);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var ids = new List<Guid>();
            foreach (var line in await File.ReadAllLinesAsync(parse.GetValue(talents)!, cancellationToken))
            {
                if (Guid.TryParse(line.Trim(), out var id))
                {
                    ids.Add(id);
                }
            }

            using var host = CliHost.Build();
            var batch = host.Services.GetRequiredService<IOneClickBatch>();
            var result = await batch.RunAsync(parse.GetValue(matter)!, ids, parse.GetValue(parallel), null, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"requested={result.Requested} approved={result.Approved} to_clerk={result.ToClerk} rejected={result.Rejected.Values.Sum()} elapsed_ms={result.Elapsed.TotalMilliseconds:F0}"));
            foreach (var (code, count) in result.Rejected)
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]{code}[/]: {count}");
            }

            return result.Rejected.Count == 0 ? 0 : 1;
        });
        services.Subcommands.Add(command);
        return services;
    }
}
