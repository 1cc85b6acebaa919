using System.Diagnostics;
using TalentPass.Tlog;

namespace TalentPass.UnitTests.Tlog;

/// <summary>
/// Go's reference implementation (golang.org/x/mod/sumdb/tlog + sumdb/note, program tests/tools/tlog-interop) checks
/// tiles, entry bundles, checkpoint and a proof bundle written by this library. Runs when
/// <c>TALENTPASS_TLOG_INTEROP</c> names the built Go program (scripts/test.sh ledger-interop builds it and sets it).
/// </summary>
public sealed class GoInteropTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tp-tlog-fixture-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(256)]
    [InlineData(1000)]
    [InlineData(66_000)]
    public async Task GoVerifier_TilesOfThisLibrary_AcceptsCheckpointInclusionAndConsistency(int size)
    {
        var program = InteropProgram();
        var log = new LogFixture(entries: size);
        var witness = NoteSigner.GenerateCosigner("witness.go-check.example", log.Clock);
        var bundlePath = WriteLog(log, index: size / 3, witness);

        var (exit, output) = await RunAsync(program, "-base", _directory, "-vkey", log.LogKey.VerifierKey, "-bundle", bundlePath,
            "-max-entries", "2000", "-witness", witness.VerifierKey);

        exit.ShouldBe(0, output);
        output.ShouldContain($"size {size}");
        output.ShouldContain("cosignature: witness.go-check.example verified (time 2026-11-21T06:00:00Z)");
        output.ShouldContain("OK: Go sumdb/tlog and sumdb/note accept the log");
    }

    [Fact]
    public async Task GoVerifier_TamperedEntryBundle_Refuses()
    {
        var program = InteropProgram();
        var log = new LogFixture(entries: 300);
        WriteLog(log, index: 0);
        var entries = Path.Combine(_directory, "tile", "entries", "001.p", "44");
        var bytes = await File.ReadAllBytesAsync(entries, TestContext.Current.CancellationToken);
        bytes[^3] ^= 1;
        await File.WriteAllBytesAsync(entries, bytes, TestContext.Current.CancellationToken);

        var (exit, output) = await RunAsync(program, "-base", _directory, "-vkey", log.LogKey.VerifierKey);

        exit.ShouldBe(1, output);
        output.ShouldContain("FAIL");
    }

    [Fact]
    public async Task GoVerifier_AlteredCosignatureTime_Refuses()
    {
        var program = InteropProgram();
        var log = new LogFixture(entries: 3);
        var witness = NoteSigner.GenerateCosigner("witness.go-check.example", log.Clock);
        WriteLog(log, index: 0, witness);
        var path = Path.Combine(_directory, "checkpoint");
        SignedNote.TryParse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), out var note, out _).ShouldBeTrue();
        var cosignature = note.Signatures.Single(s => s.Name == witness.Name);
        var bytes = cosignature.Signature.ToArray();
        bytes[7] ^= 1; // one second later: the signed message changes
        var altered = new SignedNote(note.Text, [.. note.Signatures.Where(s => s != cosignature), cosignature with { Signature = bytes }]);
        await File.WriteAllTextAsync(path, altered.ToString(), TestContext.Current.CancellationToken);

        var (exit, output) = await RunAsync(program, "-base", _directory, "-vkey", log.LogKey.VerifierKey, "-witness", witness.VerifierKey);

        exit.ShouldBe(1, output);
        output.ShouldContain("invalid cosignature from witness witness.go-check.example");
    }

    [Fact]
    public async Task GoVerifier_OtherKey_RefusesCheckpoint()
    {
        var program = InteropProgram();
        var log = new LogFixture(entries: 3);
        WriteLog(log, index: 0);
        var stranger = NoteSigner.GenerateEd25519(LogFixture.Origin);

        var (exit, output) = await RunAsync(program, "-base", _directory, "-vkey", stranger.VerifierKey);

        exit.ShouldBe(1, output);
        output.ShouldContain("checkpoint signature");
    }

    private static string InteropProgram()
    {
        var program = Environment.GetEnvironmentVariable("TALENTPASS_TLOG_INTEROP");
        if (string.IsNullOrEmpty(program) || !File.Exists(program))
        {
            Assert.Skip("TALENTPASS_TLOG_INTEROP is not set (scripts/test.sh ledger-interop builds the Go verifier)");
        }
        return program;
    }

    /// <summary>Writes checkpoint, every hash tile and entry bundle at the log's size (a static C2SP tlog-tiles log), and a proof bundle.</summary>
    private string WriteLog(LogFixture log, long index, CosignatureSigner? witness = null)
    {
        var checkpoint = log.SignedCheckpoint();
        if (witness is not null)
        {
            checkpoint = checkpoint.WithSignatures([new NoteSignature(witness.Name, witness.KeyId, witness.Sign(checkpoint.TextBytes))]);
        }
        Write("checkpoint", System.Text.Encoding.UTF8.GetBytes(checkpoint.ToString()));
        foreach (var tile in Tile.TilesForSize(log.Store.Size))
        {
            Write(tile.Path, tile.ReadData(log.Store));
        }
        for (long n = 0; n * Tile.FullWidth < log.Store.Size; n++)
        {
            var tile = Tile.ForEntry(n * Tile.FullWidth, log.Store.Size);
            var entries = log.Entries.Skip((int)(n * Tile.FullWidth)).Take(tile.Width).Select(e => (ReadOnlyMemory<byte>)e);
            Write(tile.Path, EntryBundle.Format(entries));
        }
        var bundle = Path.Combine(_directory, "entry.tlog-proof");
        File.WriteAllText(bundle, log.Bundle(index, checkpoint).ToString());
        return bundle;
    }

    private void Write(string path, byte[] data)
    {
        var full = Path.Combine(_directory, path.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, data);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
