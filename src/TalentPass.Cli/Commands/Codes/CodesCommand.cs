using System.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Verifier;

namespace TalentPass.Cli.Commands.Codes;

/// <summary>
/// <c>talentpass codes fetch-lists --server URL [--dir DIR]</c> downloads the root key, the trust list and the status
/// lists into a folder; <c>talentpass codes verify CODE [--dir DIR]</c> verifies offline against that folder, or
/// <c>--online URL</c> asks the server (service-point or partner staff credentials). Exit code 0 valid, 1 refused,
/// 3 undetermined (stale or missing lists), 2 usage or connection problems.
/// </summary>
internal static class CodesCommand
{
    public const string RootKeyFile = "root-key.json";
    private const string DefaultDirectory = "data/verifier";

    public static Command Create()
    {
        var codes = new Command("codes", "Talent codes: fetch the signed lists, verify a code offline or online.");
        codes.Subcommands.Add(FetchLists());
        codes.Subcommands.Add(Verify());
        return codes;
    }

    private static Option<string> DirOption() => new("--dir")
    {
        Description = $"Folder of the cached root key, trust list and status lists (default {DefaultDirectory}).",
        DefaultValueFactory = _ => DefaultDirectory,
    };

    private static Command FetchLists()
    {
        var server = new Option<string>("--server") { Description = "Base URL of the TalentPass server, e.g. https://talentpass.example/", Required = true };
        var dir = DirOption();
        var rootKey = new Option<string?>("--root-key") { Description = "Expected root key id (hex) to pin; without it the first download is trusted and later ones must match." };
        var command = new Command("fetch-lists", "Download the root key, trust list and status lists (verified before they are cached).");
        command.Options.Add(server);
        command.Options.Add(dir);
        command.Options.Add(rootKey);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = DataPaths.Resolve(parse.GetValue(dir)!);
            using var http = new HttpClient { BaseAddress = BaseUri(parse.GetValue(server)!), Timeout = TimeSpan.FromSeconds(30) };
            RootKey root;
            try
            {
                root = (await http.GetFromJsonAsync<RootKey>("api/v1/codes/root-key", Json, cancellationToken))!;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]Cannot read the root key:[/] {e.Message}");
                return 2;
            }

            var pinned = parse.GetValue(rootKey) ?? ReadRoot(folder)?.KeyId;
            var key = CodeKeys.CreateVerificationKey(root.Profile, Convert.FromBase64String(root.PublicKey));
            var keyId = Convert.ToHexStringLower(key.KeyId.Span);
            if (keyId != root.KeyId || (pinned is not null && !string.Equals(pinned, keyId, StringComparison.OrdinalIgnoreCase)))
            {
                AnsiConsole.MarkupLineInterpolated($"[red]The server's root key {keyId} is not the pinned one ({pinned}).[/] Nothing was changed.");
                return 2;
            }

            var verifier = new OfflineVerifier(key);
            var result = await new VerifierClient(http, verifier, folder).RefreshAsync(cancellationToken);
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, RootKeyFile), JsonSerializer.Serialize(root, Json), cancellationToken);
            foreach (var problem in result.Problems)
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]{problem}[/]");
            }

            AnsiConsole.MarkupLineInterpolated($"Root key {keyId}; trust list {(result.TrustListInstalled ? "saved" : "NOT saved")}; {result.StatusListsInstalled} status list(s) saved in {folder}.");
            return result.TrustListInstalled && result.Problems.Count == 0 ? 0 : 2;
        });
        return command;
    }

    private static Command Verify()
    {
        var code = new Argument<string>("code") { Description = "The code text (TC1:…)." };
        var dir = DirOption();
        var online = new Option<string?>("--online") { Description = "Verify online at this server instead (POST /api/v1/codes/verify)." };
        var token = new Option<string?>("--token") { Description = "Bearer token for --online (or TALENTPASS_TOKEN)." };
        var username = new Option<string?>("--username") { Description = "Service-point or partner staff account for --online." };
        var password = new Option<string?>("--password") { Description = "Its password (or TALENTPASS_PASSWORD)." };
        var command = new Command("verify", "Verify a talent code: offline against the lists cached by fetch-lists (default), or online.");
        command.Arguments.Add(code);
        command.Options.Add(dir);
        command.Options.Add(online);
        command.Options.Add(token);
        command.Options.Add(username);
        command.Options.Add(password);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(code)!;
            if (parse.GetValue(online) is { } server)
            {
                return await VerifyOnlineAsync(
                    server,
                    text,
                    parse.GetValue(token) ?? Environment.GetEnvironmentVariable("TALENTPASS_TOKEN"),
                    parse.GetValue(username),
                    parse.GetValue(password) ?? Environment.GetEnvironmentVariable("TALENTPASS_PASSWORD"),
                    cancellationToken);
            }

            var folder = DataPaths.Resolve(parse.GetValue(dir)!);
            if (ReadRoot(folder) is not { } root)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]No cached root key in {folder}:[/] run `talentpass codes fetch-lists --server URL` first.");
                return 2;
            }

            var verifier = new OfflineVerifier(CodeKeys.CreateVerificationKey(root.Profile, Convert.FromBase64String(root.PublicKey)));
            using var noNetwork = new HttpClient();
            var loaded = new VerifierClient(noNetwork, verifier, folder).LoadCache();
            foreach (var problem in loaded.Problems)
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]{problem}[/]");
            }

            var result = verifier.Verify(text);
            var claims = result.Claims;
            Print(VerificationResult.OutcomeCode(result.Outcome), result.Reason, claims?.Level, claims?.MaskedName, claims is null ? null : claims.Mode.ToString().ToLowerInvariant(), claims?.ExpiresAt);
            return ExitCode(VerificationResult.OutcomeCode(result.Outcome));
        });
        return command;
    }

    private static async Task<int> VerifyOnlineAsync(string server, string code, string? token, string? username, string? password, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseUri(server), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            if (token is null && username is not null)
            {
                var signIn = await http.PostAsJsonAsync("api/v1/auth/token", new { username, password }, ct);
                if (!signIn.IsSuccessStatusCode)
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]Sign-in failed ({(int)signIn.StatusCode}).[/]");
                    return 2;
                }

                token = (await signIn.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("access_token").GetString();
            }

            if (token is null)
            {
                AnsiConsole.MarkupLine("[red]--online needs --token (or TALENTPASS_TOKEN) or --username and --password.[/]");
                return 2;
            }

            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await http.PostAsJsonAsync("api/v1/codes/verify", new { code }, ct);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            if (!response.IsSuccessStatusCode)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{(int)response.StatusCode} {Text(body, "code")}[/]: {Text(body, "detail")}");
                return 2;
            }

            var outcome = Text(body, "outcome")!;
            Print(outcome, Text(body, "reason")!, Text(body, "level"), Text(body, "maskedName"), Text(body, "mode"), body.TryGetProperty("expiresAt", out var e) && e.ValueKind == JsonValueKind.String ? e.GetDateTimeOffset() : null);
            return ExitCode(outcome);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Cannot reach {server}:[/] {e.Message}");
            return 2;
        }
    }

    private static void Print(string outcome, string reason, string? level, string? maskedName, string? mode, DateTimeOffset? expiresAt)
    {
        var colour = outcome == "valid" ? "green" : outcome == "undetermined" ? "yellow" : "red";
        // The offline reasons repeat the outcome ("valid", "undetermined: …"): say it once.
        var detail = reason.StartsWith(outcome, StringComparison.Ordinal) ? reason[outcome.Length..].TrimStart(':', ' ') : reason;
        AnsiConsole.MarkupLineInterpolated($"[{colour}]{outcome}[/]{(detail.Length > 0 ? " — " + detail : string.Empty)}");
        if (level is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"level {level} · {maskedName} · {mode} · expires {expiresAt:yyyy-MM-dd HH:mm:ss}Z");
        }
    }

    private static int ExitCode(string outcome) => outcome switch
    {
        "valid" => 0,
        "undetermined" => 3,
        _ => 1,
    };

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Uri BaseUri(string server) => new(server.EndsWith('/') ? server : server + "/", UriKind.Absolute);

    private static RootKey? ReadRoot(string folder)
    {
        var path = Path.Combine(folder, RootKeyFile);
        return File.Exists(path) ? JsonSerializer.Deserialize<RootKey>(File.ReadAllText(path), Json) : null;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record RootKey(string Profile, string KeyId, string PublicKey);
}
