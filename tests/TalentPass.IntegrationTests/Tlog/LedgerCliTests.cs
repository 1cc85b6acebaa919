using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using TalentPass.Cli;
using TalentPass.Tlog;

namespace TalentPass.IntegrationTests.Tlog;

/// <summary><c>talentpass ledger verify-proof</c> and <c>talentpass witness serve</c>, run in process on files and a real port.</summary>
public sealed class LedgerCliTests : IDisposable
{
    private const string Origin = "talentpass.example/cli-test/evidence";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tp-ledger-cli-" + Guid.NewGuid().ToString("N"));
    private readonly Ed25519NoteSigner _logKey = NoteSigner.GenerateEd25519(Origin);
    private readonly MemoryHashStore _store = new(HashProfile.Sha256);
    private readonly List<byte[]> _entries = [];

    public LedgerCliTests()
    {
        Directory.CreateDirectory(_directory);
        for (var i = 0; i < 9; i++)
        {
            var entry = Entry(Document(i), new DateTimeOffset(2026, 11, 21, 6, i, 0, TimeSpan.Zero));
            _entries.Add(entry);
            _store.Append(entry);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task VerifyProof_ValidBundleAndDocument_Exit0WithIndexDateAndWitness()
    {
        var witness = NoteSigner.GenerateCosigner("witness.notary.example", TimeProvider.System);
        var bundle = WriteBundle(4, witness);
        var document = WriteFile("agreement-4.pdf", Document(4));

        var (exit, output) = await RunAsync("ledger", "verify-proof", bundle, document, "--log-key", _logKey.VerifierKey,
            "--witness", witness.VerifierKey, "--min-witnesses", "1");

        exit.ShouldBe(0, output);
        output.ShouldContain("VALID: recorded at index 4 on 2026-11-21 06:04:00 UTC");
        output.ShouldContain("the document matches the recorded digest");
        output.ShouldContain("cosigned by witness.notary.example");
    }

    [Fact]
    public async Task VerifyProof_KeyDocument_TrustsPublishedKeysAndQuorum()
    {
        var witness = NoteSigner.GenerateCosigner("witness.bank.example", TimeProvider.System);
        var keys = WriteFile("verifier-key.json", Encoding.UTF8.GetBytes(
            $$"""{"origin":"{{Origin}}","hashProfile":"sha256","logKeys":["{{_logKey.VerifierKey}}"],"witnesses":[{"name":"{{witness.Name}}","verifierKey":"{{witness.VerifierKey}}","url":null}],"witnessQuorum":1}"""));

        var (cosigned, output) = await RunAsync("ledger", "verify-proof", WriteBundle(2, witness), "--keys", keys);
        cosigned.ShouldBe(0, output);

        var (uncosigned, refusal) = await RunAsync("ledger", "verify-proof", WriteBundle(2), "--keys", keys);
        uncosigned.ShouldBe(1);
        refusal.ShouldContain("INVALID: the checkpoint is cosigned by 0 trusted witness(es), 1 required");
    }

    [Fact]
    public async Task VerifyProof_TamperedEntryInBundle_Exit1WithReason()
    {
        var bundle = WriteBundle(4);
        var proof = TlogProof.Parse(await File.ReadAllTextAsync(bundle, Ct));
        var forged = Entry(Document(7), new DateTimeOffset(2026, 11, 21, 6, 4, 0, TimeSpan.Zero));
        await File.WriteAllTextAsync(bundle, (proof with { Extra = forged }).ToString(), Ct);

        var (exit, output) = await RunAsync("ledger", "verify-proof", bundle, "--log-key", _logKey.VerifierKey);

        exit.ShouldBe(1);
        output.ShouldContain("INVALID: the inclusion proof does not show this entry at index 4");
    }

    [Fact]
    public async Task VerifyProof_OtherDocument_Exit1()
    {
        var (exit, output) = await RunAsync("ledger", "verify-proof", WriteBundle(4), WriteFile("other.pdf", Document(5)), "--log-key", _logKey.VerifierKey);
        exit.ShouldBe(1);
        output.ShouldContain("digest differs from the digest recorded in the entry");
    }

    [Fact]
    public async Task VerifyProof_NoKeys_Exit2()
    {
        var (exit, output) = await RunAsync("ledger", "verify-proof", WriteBundle(1));
        exit.ShouldBe(2);
        output.ShouldContain("--log-key");
    }

    [Fact]
    public async Task WitnessServe_FirstRunGeneratesKey_CosignsThen409_KeepsKeyOnRestart()
    {
        var keyFile = Path.Combine(_directory, "witness.key");
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        string verifierKey;
        using (var server = new RunningCommand("witness", "serve", "--listen", url, "--key-file", keyFile, "--name", "witness.cli-test.example", "--log", _logKey.VerifierKey))
        {
            verifierKey = await server.WaitForLineAsync("verifier key: ");
            File.Exists(keyFile).ShouldBeTrue();
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(keyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            using var http = new HttpClient();
            (await http.GetStringAsync(new Uri(url + "/"), Ct)).Trim().ShouldBe(verifierKey);
            var client = new WitnessClient(http, new Uri(url), NoteVerifier.Parse(verifierKey));
            var first = await client.AddCheckpointAsync(Signed(5), 0, [], Ct);
            first.Outcome.ShouldBe(WitnessOutcome.Cosigned, first.Message);

            var stale = await client.AddCheckpointAsync(Signed(9), 2, [], Ct);
            stale.Outcome.ShouldBe(WitnessOutcome.Conflict);
            stale.LatestSize.ShouldBe(5);

            var badProof = await client.AddCheckpointAsync(Signed(9), 5, [HashProfile.Sha256.Digest("x"u8)], Ct);
            badProof.Outcome.ShouldBe(WitnessOutcome.BadProof);

            var stranger = new Checkpoint(Origin, 9, _store.TreeHash(9)).Sign(NoteSigner.GenerateEd25519(Origin));
            (await client.AddCheckpointAsync(stranger, 5, MerkleTree.ProveTree(HashProfile.Sha256, 9, 5, _store), Ct)).Outcome.ShouldBe(WitnessOutcome.Forbidden);

            var second = await client.AddCheckpointAsync(Signed(9), 5, MerkleTree.ProveTree(HashProfile.Sha256, 9, 5, _store), Ct);
            second.Outcome.ShouldBe(WitnessOutcome.Cosigned, second.Message);
        }

        using (var again = new RunningCommand("witness", "serve", "--listen", url, "--key-file", keyFile, "--log", _logKey.VerifierKey))
        {
            (await again.WaitForLineAsync("verifier key: ")).ShouldBe(verifierKey);
            using var http = new HttpClient();
            var client = new WitnessClient(http, new Uri(url), NoteVerifier.Parse(verifierKey));
            (await client.AddCheckpointAsync(Signed(9), 5, [], Ct)).LatestSize.ShouldBe(9); // the state survived the restart
        }
    }

    private SignedNote Signed(long size) => new Checkpoint(Origin, size, _store.TreeHash(size)).Sign(_logKey);

    private string WriteBundle(long index, params NoteSigner[] witnesses)
    {
        var note = Signed(_store.Size);
        if (witnesses.Length > 0)
        {
            note = note.WithSignatures(witnesses.Select(w => new NoteSignature(w.Name, w.KeyId, w.Sign(note.TextBytes))));
        }

        var proof = new TlogProof(index, MerkleTree.ProveRecord(HashProfile.Sha256, _store.Size, index, _store), note, _entries[(int)index]);
        return WriteFile($"entry-{index}-{Guid.NewGuid():N}.tlog-proof", Encoding.UTF8.GetBytes(proof.ToString()));
    }

    private string WriteFile(string name, byte[] content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static byte[] Document(int i) => Encoding.UTF8.GetBytes($"Host-bank commitment #{i}");

    private static byte[] Entry(byte[] document, DateTimeOffset time) => Encoding.ASCII.GetBytes(
        "{\"digest\":\"sha256:" + Convert.ToHexStringLower(SHA256.HashData(document)) +
        "\",\"kind\":\"host_bank_commitment\",\"parties\":[\"bank-a\"],\"submitter\":\"talentpass:test\",\"time\":\"" +
        time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "\",\"v\":1}");

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await CliProgram.BuildRoot().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output }, Ct);
        return (exit, output.ToString());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A long-running CLI command (the witness server) with its output, stopped on dispose.</summary>
    private sealed class RunningCommand : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly StringWriter _output = new();
        private readonly TextWriter _synchronized;
        private readonly Task<int> _run;

        public RunningCommand(params string[] args)
        {
            _synchronized = TextWriter.Synchronized(_output);
            var config = new InvocationConfiguration { Output = _synchronized, Error = _synchronized };
            _run = Task.Run(() => CliProgram.BuildRoot().Parse(args).InvokeAsync(config, _stop.Token));
        }

        public async Task<string> WaitForLineAsync(string prefix)
        {
            while (true)
            {
                string text;
                lock (_synchronized)
                {
                    text = _output.ToString();
                }

                var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
                if (line is not null)
                {
                    return line[prefix.Length..].Trim();
                }

                if (_run.IsCompleted)
                {
                    throw new InvalidOperationException($"The command ended (exit {await _run}): {text}");
                }

                await Task.Delay(50, Ct);
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _run.GetAwaiter().GetResult().ShouldBe(0);
            _stop.Dispose();
            _output.Dispose();
        }
    }
}
