using System.CommandLine;
using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TalentPass.Modules.Talents.Features.ImportTalents;

namespace TalentPass.Cli.Commands.Talents;

/// <summary>
/// <c>talentpass talents import FILE.csv</c>: registers talents from a UTF-8 CSV file with the header
/// <c>name,id_number,level,category[,phone,address,education_degree,education_school,education_major,
/// education_graduation_year,employer_name,honours]</c> (honours separated by <c>|</c>). Re-running the same file
/// adds nothing twice. Refused rows are listed in <c>FILE.errors.csv</c> next to the file (line, code, message).
/// Exit code 0: every row imported or already registered; 3: some rows were refused; 2: the file is unusable.
/// </summary>
internal static class ImportTalentsCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV file (UTF-8, header row)." };
        var source = new Option<string?>("--source") { Description = "Data source recorded as provenance (default: import:<file name>)." };
        var batch = new Option<int>("--batch-size") { Description = "Rows per transaction.", DefaultValueFactory = _ => TalentImporter.DefaultBatchSize };
        var import = new Command("import", "Register talents from a CSV file (idempotent; errors written to FILE.errors.csv).") { file, source, batch };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var input = parse.GetValue(file)!;
            if (!input.Exists)
            {
                AnsiConsole.MarkupLine($"[red]File not found:[/] {Markup.Escape(input.FullName)}");
                return 2;
            }

            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<TalentImporter>();
            var provenance = parse.GetValue(source) is { Length: > 0 } s ? s : "import:" + input.Name;
            var started = TimeProvider.System.GetTimestamp();
            await using var stream = new FileStream(input.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            ImportReport report;
            try
            {
                if (AnsiConsole.Profile.Capabilities.Interactive)
                {
                    report = await AnsiConsole.Progress()
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                        .StartAsync(async context =>
                        {
                            var task = context.AddTask("Importing talents", maxValue: Math.Max(1, stream.Length));
                            var progress = new Progress<int>(_ => task.Value = stream.Position);
                            var result = await importer.ImportAsync(ReadAsync(stream, cancellationToken), provenance, progress, cancellationToken, parse.GetValue(batch));
                            task.Value = task.MaxValue;
                            return result;
                        });
                }
                else
                {
                    report = await importer.ImportAsync(ReadAsync(stream, cancellationToken), provenance, null, cancellationToken, parse.GetValue(batch));
                }
            }
            catch (HeaderValidationException ex)
            {
                AnsiConsole.MarkupLine($"[red]The header is missing a required column:[/] {Markup.Escape(ex.Message.Split('\n')[0])}");
                return 2;
            }

            var elapsed = TimeProvider.System.GetElapsedTime(started);
            var errorFile = input.FullName + ".errors.csv";
            if (report.Errors.Count > 0)
            {
                await WriteErrorsAsync(errorFile, report.Errors, cancellationToken);
            }
            else if (File.Exists(errorFile))
            {
                File.Delete(errorFile);
            }

            var rate = report.Read / Math.Max(elapsed.TotalSeconds, 0.001);
            AnsiConsole.MarkupLine(
                $"Read [bold]{report.Read:N0}[/] rows in {elapsed.TotalSeconds:N1} s ({rate:N0} rows/s): " +
                $"[green]{report.Inserted:N0} imported[/], {report.AlreadyRegistered:N0} already registered, " +
                (report.Errors.Count > 0 ? $"[red]{report.Errors.Count:N0} refused[/] (see {Markup.Escape(errorFile)})." : "0 refused."));
            return report.Errors.Count > 0 ? 3 : 0;
        });

        var talents = new Command("talents", "Talent registry chores.");
        talents.Subcommands.Add(import);
        return talents;
    }

    private static async IAsyncEnumerable<ImportRow> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = null,
        };
        using var csv = new CsvReader(reader, configuration);
        if (!await csv.ReadAsync())
        {
            yield break;
        }

        csv.ReadHeader();
        foreach (var required in new[] { "name", "id_number", "level", "category" })
        {
            if (!csv.HeaderRecord!.Any(h => string.Equals(h.Trim(), required, StringComparison.OrdinalIgnoreCase)))
            {
                throw new HeaderValidationException(csv.Context, [new InvalidHeader { Names = [required], Index = 0 }]);
            }
        }

        while (await csv.ReadAsync())
        {
            ct.ThrowIfCancellationRequested();
            string? Field(string name) => csv.TryGetField<string>(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
            yield return new ImportRow(
                csv.Parser.RawRow,
                Field("name"),
                Field("id_number"),
                Field("level"),
                Field("category"),
                Field("phone"),
                Field("address"),
                Field("education_degree"),
                Field("education_school"),
                Field("education_major"),
                Field("education_graduation_year"),
                Field("employer_name"),
                Field("honours"));
        }
    }

    private static async Task WriteErrorsAsync(string path, IReadOnlyList<ImportError> errors, CancellationToken ct)
    {
        await using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteField("line");
        csv.WriteField("code");
        csv.WriteField("message");
        await csv.NextRecordAsync();
        foreach (var error in errors)
        {
            ct.ThrowIfCancellationRequested();
            csv.WriteField(error.Line);
            csv.WriteField(error.Code);
            csv.WriteField(error.Message);
            await csv.NextRecordAsync();
        }
    }
}
