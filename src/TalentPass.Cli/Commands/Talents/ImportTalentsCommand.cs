using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TalentPass.Modules.Talents.Contracts;

namespace TalentPass.Cli.Commands.Talents;

/// <summary>
/// <c>talentpass talents import FILE.csv</c>: bulk import with a progress bar. Writes a per-row error report
/// <c>FILE.errors.csv</c> next to the file when rows are rejected. Exit codes: 0 all rows imported or already
/// registered, 1 some rows rejected (the others were imported), 2 the file was refused as a whole.
/// </summary>
internal static class ImportTalentsCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "UTF-8 CSV with a header row (see docs/talents-import.md)." };
        var noProgress = new Option<bool>("--no-progress") { Description = "Print a summary only (for scripts and logs)." };
        var bulk = new Option<bool>("--bulk")
        {
            Description = "Large initial load in a maintenance window: drop the search indexes, load the whole file in one transaction, rebuild them. All or nothing; until it commits other writers wait and, on PostgreSQL, so do searches.",
        };
        var import = new Command("import", "Import talents from a CSV file; re-running the same file adds nothing.") { file, noProgress, bulk };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                AnsiConsole.MarkupLine($"[red]File not found:[/] {Markup.Escape(path.FullName)}");
                return 2;
            }

            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<ITalentImporter>();
            var options = new TalentImportOptions(BulkLoad: parse.GetValue(bulk));
            var stopwatch = Stopwatch.StartNew();
            TalentImportResult result;
            await using (var stream = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            {
                if (parse.GetValue(noProgress) || !AnsiConsole.Profile.Capabilities.Interactive)
                {
                    result = await importer.ImportAsync(stream, path.Name, null, cancellationToken, options);
                }
                else
                {
                    result = await AnsiConsole.Progress()
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                        .StartAsync(async context =>
                        {
                            var task = context.AddTask($"Importing {Markup.Escape(path.Name)}", maxValue: Math.Max(1, stream.Length));
                            var progress = new Progress<TalentImportProgress>(p =>
                            {
                                task.Value = p.BytesRead;
                                task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.RowsRead:N0} rows · {p.Added:N0} added · {p.AlreadyRegistered:N0} already registered · {p.Rejected:N0} rejected");
                            });
                            var outcome = await importer.ImportAsync(stream, path.Name, progress, cancellationToken, options);
                            task.Value = task.MaxValue;
                            return outcome;
                        });
                }
            }

            stopwatch.Stop();
            var report = path.FullName + ".errors.csv";
            if (result.FileError is { } fileError)
            {
                AnsiConsole.MarkupLine($"[red]File refused[/] ({fileError.Code}): {Markup.Escape(fileError.Message)}");
                return 2;
            }

            if (result.Errors.Count > 0)
            {
                await WriteReportAsync(report, result.Errors, cancellationToken);
            }
            else if (File.Exists(report))
            {
                File.Delete(report);
            }

            var table = new Table().AddColumns("rows read", "added", "already registered", "rejected", "time", "rows/s");
            table.AddRow(
                result.RowsRead.ToString("N0", CultureInfo.InvariantCulture),
                result.Added.ToString("N0", CultureInfo.InvariantCulture),
                result.AlreadyRegistered.ToString("N0", CultureInfo.InvariantCulture),
                result.Rejected.ToString("N0", CultureInfo.InvariantCulture),
                stopwatch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s",
                (result.RowsRead / Math.Max(0.001, stopwatch.Elapsed.TotalSeconds)).ToString("N0", CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
            if (result.Rejected > 0)
            {
                AnsiConsole.MarkupLine($"[yellow]{result.Rejected:N0} row(s) rejected[/]; the errors are listed in {Markup.Escape(report)}. Fix them and import the same file again: rows already imported are skipped.");
                return 1;
            }

            return 0;
        });

        var talents = new Command("talents", "Talent registry chores.");
        talents.Subcommands.Add(import);
        return talents;
    }

    private static async Task WriteReportAsync(string path, IReadOnlyList<TalentImportError> errors, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        await writer.WriteLineAsync("line,column,code,message");
        foreach (var error in errors)
        {
            await writer.WriteLineAsync(string.Join(',', error.Line.ToString(CultureInfo.InvariantCulture), Quote(error.Column), Quote(error.Code), Quote(error.Message)).AsMemory(), cancellationToken);
        }
    }

    private static string Quote(string? value) =>
        value is null ? string.Empty : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
