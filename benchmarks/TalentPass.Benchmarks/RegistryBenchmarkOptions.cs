using System.Globalization;

namespace TalentPass.Benchmarks;

internal sealed record RegistryBenchmarkOptions(
    long Rows,
    IReadOnlyList<string> Providers,
    string? PostgresAdmin,
    int SearchRequests,
    string Root,
    string Output,
    string Configuration)
{
    public const string Usage = """
        usage: TalentPass.Benchmarks registry [--rows N] [--providers sqlite,postgres] [--pg CONNECTION]
                                              [--requests N] [--output FILE] [--configuration Release]
          --rows       talents to import (default 1000000)
          --providers  which databases (default sqlite,postgres; postgres needs --pg or TALENTPASS_BENCH_PG)
          --pg         admin connection string of a PostgreSQL server where databases may be created
          --requests   search requests per scenario (default 300)
          --output     report file (default docs/benchmarks/registry.md)
        The CLI and web host must be built first (benchmarks/registry.sh does it).
        """;

    public static RegistryBenchmarkOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "registry")
        {
            return null;
        }

        var root = FindRoot();
        long rows = 1_000_000;
        var providers = new List<string> { "sqlite", "postgres" };
        var pg = Environment.GetEnvironmentVariable("TALENTPASS_BENCH_PG");
        var requests = 300;
        var output = Path.Combine(root, "docs", "benchmarks", "registry.md");
        var configuration = "Release";
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--rows": rows = long.Parse(value!, CultureInfo.InvariantCulture); i++; break;
                case "--providers": providers = [.. value!.Split(',', StringSplitOptions.RemoveEmptyEntries)]; i++; break;
                case "--pg": pg = value; i++; break;
                case "--requests": requests = int.Parse(value!, CultureInfo.InvariantCulture); i++; break;
                case "--output": output = Path.GetFullPath(value!); i++; break;
                case "--configuration": configuration = value!; i++; break;
                default: return null;
            }
        }

        if (providers.Contains("postgres") && string.IsNullOrWhiteSpace(pg))
        {
            Console.Error.WriteLine("postgres needs --pg or TALENTPASS_BENCH_PG");
            return null;
        }

        return new RegistryBenchmarkOptions(rows, providers, pg, requests, root, output, configuration);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TalentPass.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the TalentPass checkout.");
    }
}
