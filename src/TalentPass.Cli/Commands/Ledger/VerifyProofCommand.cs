using System.CommandLine;
using System.Globalization;
using TalentPass.Tlog;

namespace TalentPass.Cli.Commands.Ledger;

/// <summary>
/// <c>talentpass ledger verify-proof BUNDLE [DOCUMENT]</c>: checks a C2SP tlog-proof bundle offline — the log's
/// signature on the checkpoint, the witnesses' cosignatures (k of n), the entry's inclusion and, when DOCUMENT is
/// given, that the document's digest is the one recorded. Trust comes from <c>--keys</c> (the JSON published at
/// <c>GET /api/v1/ledger/verifier-key</c>, as a file or URL) or from <c>--log-key</c>/<c>--witness</c>.
/// Exit codes: 0 valid, 1 invalid (the reason is printed), 2 usage error (missing file, no keys).
/// </summary>
internal static class VerifyProofCommand
{
    public static Command Create()
    {
        var bundle = new Argument<FileInfo>("BUNDLE") { Description = "The proof bundle (.tlog-proof, c2sp.org/tlog-proof@v1)." };
        var document = new Argument<FileInfo?>("DOCUMENT") { Description = "Optional: the document whose digest the entry records.", Arity = ArgumentArity.ZeroOrOne };
        var keys = new Option<string?>("--keys") { Description = "The log's key document (file or http(s) URL of /api/v1/ledger/verifier-key)." };
        var logKeys = new Option<string[]>("--log-key") { Description = "The log's verifier key <name>+<hex>+<base64> (repeatable).", AllowMultipleArgumentsPerToken = false };
        var witnesses = new Option<string[]>("--witness") { Description = "A trusted witness's verifier key (repeatable)." };
        var quorum = new Option<int?>("--min-witnesses") { Description = "How many trusted witnesses must have cosigned (default: the published quorum, or 0)." };
        var origin = new Option<string?>("--origin") { Description = "Expected log origin (default: the key document's origin or the log key's name)." };
        var hash = new Option<string>("--hash") { Description = "Hash profile of the log: sha256 | sm3 (with --log-key).", DefaultValueFactory = _ => "sha256" };
        var command = new Command("verify-proof", "Verify an evidence proof bundle offline (and optionally the document it records).")
        {
            bundle, document, keys, logKeys, witnesses, quorum, origin, hash,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var bundleFile = parse.GetValue(bundle)!;
            var documentFile = parse.GetValue(document);
            if (!bundleFile.Exists || documentFile is { Exists: false })
            {
                await output.WriteLineAsync($"File not found: {(bundleFile.Exists ? documentFile! : bundleFile).FullName}");
                return 2;
            }

            LogPolicy policy;
            try
            {
                policy = await LoadPolicyAsync(parse.GetValue(keys), parse.GetValue(logKeys) ?? [], parse.GetValue(witnesses) ?? [],
                    parse.GetValue(quorum), parse.GetValue(origin), parse.GetValue(hash)!, cancellationToken);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or IOException or HttpRequestException)
            {
                await output.WriteLineAsync($"Cannot load the trusted keys: {e.Message}");
                return 2;
            }

            var text = await File.ReadAllTextAsync(bundleFile.FullName, cancellationToken);
            ProofVerification result;
            if (documentFile is null)
            {
                result = TlogProofVerifier.Verify(text, policy);
            }
            else
            {
                await using var stream = documentFile.OpenRead();
                result = TlogProofVerifier.Verify(text, policy, stream);
            }

            if (!result.IsValid)
            {
                await output.WriteLineAsync($"INVALID: {result.Reason}.");
                return 1;
            }

            var checkpoint = result.Checkpoint!;
            var when = result.Evidence?.Time is { } time ? " on " + time.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "";
            await output.WriteLineAsync($"VALID: recorded at index {result.Index}{when} in log {checkpoint.Origin} (checkpoint size {checkpoint.Size}, root {checkpoint.RootHash.ToBase64()}).");
            if (result.Evidence is { } evidence)
            {
                await output.WriteLineAsync($"  kind {evidence.Kind}, parties {string.Join(", ", evidence.Parties)}, document {evidence.DigestAlgorithm}:{evidence.Digest.ToHex()}");
            }

            await output.WriteLineAsync(result.DocumentChecked ? "  the document matches the recorded digest." : "  no document given: only the entry was checked.");
            await output.WriteLineAsync(result.Witnesses.Count == 0
                ? "  not cosigned by any trusted witness."
                : "  cosigned by " + string.Join(", ", result.Witnesses.Select(w => w.Time is { } t ? $"{w.Name} ({t.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)})" : w.Name)) + ".");
            return 0;
        });
        return command;
    }

    private static async Task<LogPolicy> LoadPolicyAsync(
        string? keys, string[] logKeys, string[] witnesses, int? quorum, string? origin, string hash, CancellationToken cancellationToken)
    {
        if (keys is not null)
        {
            string json;
            if (keys.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || keys.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
                json = await http.GetStringAsync(new Uri(keys), cancellationToken);
            }
            else
            {
                json = await File.ReadAllTextAsync(keys, cancellationToken);
            }

            var published = LogPolicy.FromKeyDocument(json, quorum);
            var extraWitnesses = witnesses.Select(NoteVerifier.Parse).ToList();
            return published with
            {
                Origin = origin ?? published.Origin,
                Witnesses = [.. published.Witnesses, .. extraWitnesses],
            };
        }

        if (logKeys.Length == 0)
        {
            throw new ArgumentException("give --keys (the published key document) or at least one --log-key");
        }

        var parsed = logKeys.Select(NoteVerifier.Parse).ToList();
        return new LogPolicy(origin ?? parsed[0].Name, HashProfile.Get(hash), parsed, [.. witnesses.Select(NoteVerifier.Parse)], quorum ?? 0);
    }
}
