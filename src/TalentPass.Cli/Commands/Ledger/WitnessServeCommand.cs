using System.CommandLine;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TalentPass.Tlog;

namespace TalentPass.Cli.Commands.Ledger;

/// <summary>
/// <c>talentpass witness serve --listen URL --key-file FILE --log VKEY…</c>: a C2SP tlog-witness that a partner bank or
/// a notary runs (Kestrel in this process). On first run it generates its Ed25519 cosigner key into the key file
/// (mode 0600) and prints its verifier key, to be configured in the log (<c>Ledger:Witnesses</c>). It keeps the latest
/// cosigned checkpoint of each log under the state directory (atomic, durable writes) and answers
/// <c>POST /add-checkpoint</c> with 200 / 400 / 403 / 404 / 409 / 422 as the spec says; <c>GET /</c> returns its key.
/// </summary>
internal static class WitnessServeCommand
{
    private const int MaxBodyBytes = 256 * 1024;

    public static Command Create()
    {
        var listen = new Option<string>("--listen") { Description = "URL to listen on, e.g. http://0.0.0.0:7380.", DefaultValueFactory = _ => "http://127.0.0.1:7380" };
        var keyFile = new Option<FileInfo>("--key-file") { Description = "The witness's private key file (created on first run).", Required = true };
        var name = new Option<string?>("--name") { Description = "Key name for a new key, e.g. witness.bank-a.example (default: talentpass-witness/<host>)." };
        var logs = new Option<string[]>("--log") { Description = "Verifier key of a log to witness (its name is the log origin; sha256). Repeatable.", Required = true };
        var sm3Logs = new Option<string[]>("--sm3-log") { Description = "Verifier key of an sm3-profile log to witness. Repeatable." };
        var state = new Option<DirectoryInfo?>("--state-dir") { Description = "Where the latest cosigned checkpoints are kept (default: <key file>.state/)." };
        var command = new Command("serve", "Run a transparency-log witness (C2SP tlog-witness add-checkpoint).")
        {
            listen, keyFile, name, logs, sm3Logs, state,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            CosignatureSigner signer;
            List<WitnessedLog> followed;
            try
            {
                followed =
                [
                    .. (parse.GetValue(logs) ?? []).Select(k => WitnessedLog.FromVerifierKey(k, HashProfile.Sha256)),
                    .. (parse.GetValue(sm3Logs) ?? []).Select(k => WitnessedLog.FromVerifierKey(k, HashProfile.Sm3)),
                ];
                if (followed.Select(l => l.Origin).Distinct(StringComparer.Ordinal).Count() != followed.Count)
                {
                    throw new ArgumentException("two --log keys name the same origin; give each log once");
                }

                signer = LoadOrCreateKey(parse.GetValue(keyFile)!, parse.GetValue(name), output);
            }
            catch (Exception e) when (e is FormatException or IOException or ArgumentException or UnauthorizedAccessException)
            {
                await output.WriteLineAsync($"Cannot start the witness: {e.Message}");
                return 2;
            }

            var stateDirectory = parse.GetValue(state)?.FullName ?? parse.GetValue(keyFile)!.FullName + ".state";
            FileWitnessStateStore? opened = null;
            try
            {
                opened = new FileWitnessStateStore(stateDirectory);
            }
            catch (IOException e)
            {
                await output.WriteLineAsync($"Cannot open the state directory {stateDirectory} (is another witness running on it?): {e.Message}");
                return 2;
            }

            using var store = opened;
            var witness = new Witness(signer, followed, store);

            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.WebHost.UseUrls(parse.GetValue(listen)!);
            builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxBodyBytes);
            await using var app = builder.Build();
            app.MapGet("/", () => Results.Text(witness.VerifierKey + "\n", "text/plain; charset=utf-8"));
            app.MapPost("/add-checkpoint", async (HttpRequest request, CancellationToken ct) =>
            {
                string body;
                try
                {
                    using var reader = new StreamReader(request.Body, new UTF8Encoding(false, true));
                    body = await reader.ReadToEndAsync(ct);
                }
                catch (Exception e) when (e is DecoderFallbackException or Microsoft.AspNetCore.Http.BadHttpRequestException)
                {
                    return Results.Text("bad request: body is not UTF-8 or too large\n", "text/plain; charset=utf-8", statusCode: 400);
                }

                var answer = witness.AddCheckpoint(body);
                return Results.Text(answer.Body, answer.ContentType, Encoding.UTF8, answer.StatusCode);
            });

            await app.StartAsync(cancellationToken);
            await output.WriteLineAsync($"witness {signer.Name} listening on {string.Join(", ", app.Urls)}");
            await output.WriteLineAsync($"verifier key: {witness.VerifierKey}");
            foreach (var log in followed)
            {
                await output.WriteLineAsync($"witnessing {log.Origin} ({log.Profile.Name})");
            }

            await output.WriteLineAsync($"state: {stateDirectory}");
            await output.FlushAsync(cancellationToken);
            // Runs until Ctrl+C / SIGTERM (the host's console lifetime) or the command's cancellation.
            await app.WaitForShutdownAsync(cancellationToken);
            await app.StopAsync(CancellationToken.None);
            return 0;
        });
        return new Command("witness", "Transparency-log witness for the evidence ledger (C2SP tlog-witness).") { command, CreateKeygen() };
    }

    /// <summary><c>talentpass witness keygen --key-file FILE --name NAME</c>: creates the key (if absent) and prints its verifier key.</summary>
    private static Command CreateKeygen()
    {
        var keyFile = new Option<FileInfo>("--key-file") { Description = "The witness's private key file (created if absent).", Required = true };
        var name = new Option<string?>("--name") { Description = "Key name for a new key, e.g. witness.bank-a.example." };
        var command = new Command("keygen", "Create the witness key (if absent) and print its verifier key, to configure in the log.") { keyFile, name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            try
            {
                var signer = LoadOrCreateKey(parse.GetValue(keyFile)!, parse.GetValue(name), parse.InvocationConfiguration.Error);
                await output.WriteLineAsync(signer.VerifierKey);
                return 0;
            }
            catch (Exception e) when (e is FormatException or IOException or ArgumentException or UnauthorizedAccessException)
            {
                await output.WriteLineAsync($"Cannot create the witness key: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static CosignatureSigner LoadOrCreateKey(FileInfo file, string? name, TextWriter output)
    {
        if (file.Exists)
        {
            return NoteSigner.FromPrivateKey(File.ReadAllText(file.FullName)) as CosignatureSigner
                ?? throw new FormatException($"{file.FullName} does not hold a witness cosigner key (type 0x04).");
        }

        var keyName = name ?? "talentpass-witness/" + Environment.MachineName.ToLowerInvariant();
        var signer = NoteSigner.GenerateCosigner(keyName, TimeProvider.System);
        file.Directory?.Create();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(file.FullName, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.WriteLine(signer.PrivateKey);
        }

        output.WriteLine($"generated a new witness key in {file.FullName}");
        return signer;
    }
}
