using System.Diagnostics;
using System.Net;
using System.Text.Json;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.OpenApi;

/// <summary>The published OpenAPI document is useful to partners and valid for an independent tool.</summary>
public sealed class OpenApiDocumentTests(TalentPassFactory factory)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    [Fact]
    public async Task OpenApiDocument_EveryOperation_HasOperationIdSummaryAndProblemResponse()
    {
        var document = await GetDocumentAsync();

        var operations = Operations(document).ToList();
        var defects = new List<string>();
        foreach (var (method, path, operation) in operations)
        {
            var where = $"{method.ToUpperInvariant()} {path}";
            if (!HasText(operation, "operationId"))
            {
                defects.Add($"{where}: no operationId (.WithName(\"VerbNoun\"))");
            }

            if (!HasText(operation, "summary"))
            {
                defects.Add($"{where}: no summary (.WithSummary(\"...\"))");
            }

            if (!HasClientProblemResponse(operation))
            {
                defects.Add($"{where}: no 4xx response with application/problem+json (.ProducesProblem(StatusCodes.Status4xx))");
            }
        }

        operations.ShouldNotBeEmpty("The document lists no operation at all: are the modules' endpoints mapped?");
        defects.ShouldBeEmpty($"{defects.Count} defect(s) in /openapi/v1.json:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", defects)}");
    }

    [Fact]
    public async Task OpenApiDocument_IndependentSchemaValidator_AcceptsIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var json = await factory.CreateAnonymousClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), ct);
        var file = Path.Combine(Path.GetTempPath(), $"talentpass-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json, ct);
        try
        {
            var (exitCode, output) = await OpenApiValidator.RunAsync(file, ct);

            exitCode.ShouldBe(0, $"@seriousme/openapi-schema-validator rejected /openapi/v1.json:{Environment.NewLine}{output}");
            JsonDocument.Parse(output).RootElement.GetProperty("version").GetString().ShouldStartWith("3.");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task IndependentSchemaValidator_BrokenDocument_IsRejected()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = Path.Combine(Path.GetTempPath(), $"talentpass-openapi-broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(
            file,
            """{"openapi":"3.1.1","info":{"title":"broken"},"paths":{"/x":{"get":{"responses":{"200":{"description":"ok"}}}}}}""",
            ct);
        try
        {
            var (exitCode, output) = await OpenApiValidator.RunAsync(file, ct);

            exitCode.ShouldBe(1, output);
            output.ShouldContain("version");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<JsonElement> GetDocumentAsync()
    {
        var response = await factory.CreateAnonymousClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
    }

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonElement document)
    {
        if (!document.TryGetProperty("paths", out var paths))
        {
            yield break;
        }

        foreach (var path in paths.EnumerateObject())
        {
            foreach (var item in path.Value.EnumerateObject().Where(p => Methods.Contains(p.Name)))
            {
                yield return (item.Name, path.Name, item.Value);
            }
        }
    }

    private static bool HasText(JsonElement operation, string property) =>
        operation.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString());

    private static bool HasClientProblemResponse(JsonElement operation) =>
        operation.TryGetProperty("responses", out var responses)
        && responses.EnumerateObject().Any(r =>
            r.Name.Length == 3 && r.Name[0] == '4'
            && r.Value.TryGetProperty("content", out var content)
            && content.TryGetProperty("application/problem+json", out _));
}

/// <summary>
/// Runs <c>tests/tools/validate-openapi.mjs</c> (@seriousme/openapi-schema-validator, installed by
/// <c>scripts/test.sh</c> with <c>npm ci</c>) through Node.js. A missing tool fails the test: it is never skipped.
/// </summary>
internal static class OpenApiValidator
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, CancellationToken ct)
    {
        var tools = Path.Combine(RepositoryRoot(), "tests", "tools");
        var script = Path.Combine(tools, "validate-openapi.mjs");
        var package = Path.Combine(tools, "node_modules", "@seriousme", "openapi-schema-validator", "package.json");
        File.Exists(package).ShouldBeTrue($"The OpenAPI validator is not installed: run `npm ci --prefix {tools}` (scripts/test.sh does it).");
        var node = FindNode().ShouldNotBeNull("Node.js (`node`) is not on PATH and TALENTPASS_NODE is not set: install Node.js (scripts/test.sh does it).");

        var start = new ProcessStartInfo(node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = tools,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(file);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {node}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await stdout;
        var errors = await stderr;
        process.ExitCode.ShouldNotBe(2, $"The validator failed to run:{Environment.NewLine}{errors}{output}");
        return (process.ExitCode, output);
    }

    private static string? FindNode()
    {
        var configured = Environment.GetEnvironmentVariable("TALENTPASS_NODE");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "node"))
            .FirstOrDefault(File.Exists);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TalentPass.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No TalentPass.slnx above {AppContext.BaseDirectory}.");
    }
}
