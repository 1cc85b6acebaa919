using System.Globalization;
using TalentPass.Benchmarks;

// Registry benchmark: import rows/s and staff-search latency at scale, on SQLite and PostgreSQL, each beside
// the limit measured in the same run (raw inserts, raw crypto, bare Kestrel). See benchmarks/README.md.
if (args is ["ledger-crash-child", var crashDatabase, var acknowledgements])
{
    return await LedgerCrashTest.ChildAsync(crashDatabase, acknowledgements);
}

if (args is ["ledger", ..])
{
    // talentpass-benchmarks ledger [--appends N] [--entries N] [--concurrency N] [--output FILE] [--skip-big]
    return await LedgerBenchmark.RunAsync(args[1..]);
}

if (args is ["generate", var count, var directory])
{
    // talentpass-benchmarks generate N DIR: writes DIR/talents-N.csv (valid, unique ID numbers; deterministic).
    Console.WriteLine(await TalentCsvGenerator.EnsureAsync(Path.GetFullPath(directory), long.Parse(count, CultureInfo.InvariantCulture), CancellationToken.None));
    return 0;
}

if (args is ["services", .. var servicesArgs])
{
    // talentpass-benchmarks services [--applications N] [--queue-rows N] [--parallel N] [--requests N] [--output FILE] (benchmarks/services.sh).
    return await ServicesBenchmark.RunAsync(servicesArgs);
}

if (args is ["codes", .. var codesArgs])
{
    // talentpass-benchmarks codes [--seconds S] [--rounds R] [--output FILE]: talent-code micro benchmarks (benchmarks/codes.sh).
    return await CodesBenchmark.RunAsync(codesArgs);
}

if (args is ["bare-kestrel", .. var bareArgs])
{
    // talentpass-benchmarks bare-kestrel [--port P]: the limits of benchmarks/codes-online.sh (no auth, no database).
    return await BareKestrel.RunAsync(bareArgs);
}

if (args is ["webhooks", .. var webhookArgs])
{
    // talentpass-benchmarks webhooks [--events N] [--keys K] [--concurrency C] [--output FILE]: webhook delivery (benchmarks/partners.sh).
    return await WebhooksBenchmark.RunAsync(webhookArgs);
}

if (args is ["codes-vectors"])
{
    // talentpass-benchmarks codes-vectors: fresh TEST-ONLY keys, codes and lists for docs/talent-code-format.md.
    Console.Write(CodeVectors.Generate());
    return 0;
}

var options = RegistryBenchmarkOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(RegistryBenchmarkOptions.Usage);
    return 2;
}

var report = await new RegistryBenchmark(options).RunAsync(CancellationToken.None);
Directory.CreateDirectory(Path.GetDirectoryName(options.Output)!);
await File.WriteAllTextAsync(options.Output, report);
Console.WriteLine(report);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Written to {options.Output}"));
return 0;
