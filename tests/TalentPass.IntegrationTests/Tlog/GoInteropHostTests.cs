using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Tlog;

namespace TalentPass.IntegrationTests.Tlog;

/// <summary>
/// The host's tiles for a log of several hundred entries (more than one tile per level), mirrored to a directory and
/// checked by the library and by Go's sumdb/tlog (tests/tools/tlog-interop; runs when <c>TALENTPASS_TLOG_INTEROP</c>
/// names it — scripts/test.sh ledger-interop sets it).
/// </summary>
public sealed class GoInteropHostTests(TalentPassFactory factory) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _mirror = Path.Combine(Path.GetTempPath(), "tp-ledger-mirror-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_mirror))
        {
            Directory.Delete(_mirror, recursive: true);
        }
    }

    [Fact]
    public async Task HostTiles_LogBeyondOneTile_VerifyWithLibraryAndGo()
    {
        var drafts = Enumerable.Range(0, 600).Select(i => new LedgerEntryDraft(
            LedgerKinds.PerformanceReport, "sha256:" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            ["bank-zhongyuan"], "tests", new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero).AddSeconds(i), "interop:" + Guid.NewGuid().ToString("N")));
        var appended = await Task.WhenAll(drafts.Select(d => factory.WithScopeAsync(sp => sp.GetRequiredService<ILedger>().AppendAsync(d, Ct))));
        appended.ShouldAllBe(a => a.IsSuccess);
        var last = appended.Max(a => a.Value!.Index);
        var client = factory.CreateAnonymousClient();
        (await client.GetAsync(new Uri($"/api/v1/ledger/entries/{last}/proof", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var keys = await client.GetStringAsync(new Uri("/api/v1/ledger/verifier-key", UriKind.Relative), Ct);
        var logKey = JsonDocument.Parse(keys).RootElement.GetProperty("logKeys")[0].GetString()!;
        var checkpointText = await MirrorAsync(client, "checkpoint");
        SignedNote.TryParse(Encoding.UTF8.GetString(checkpointText), out var note, out _).ShouldBeTrue();
        note.Open([NoteVerifier.Parse(logKey)]).IsValid.ShouldBeTrue();
        var checkpoint = Checkpoint.Parse(note.Text);
        checkpoint.Size.ShouldBeGreaterThan(600);

        // The library: every level-0 hash tile holds the leaf hashes of the entry bundle beside it, and the tiles hash
        // up to the signed root.
        var leaves = new List<Hash>();
        foreach (var tile in Tile.TilesForSize(checkpoint.Size))
        {
            var data = await MirrorAsync(client, tile.Path);
            data.Length.ShouldBe(tile.Width * Hash.Size, tile.Path);
            if (tile.Level == 0)
            {
                var bundle = await MirrorAsync(client, new Tile(Tile.EntriesLevel, tile.Index, tile.Width).Path);
                EntryBundle.TryParse(bundle, out var entries).ShouldBeTrue();
                entries.Count.ShouldBe(tile.Width);
                for (var i = 0; i < entries.Count; i++)
                {
                    HashProfile.Sha256.LeafHash(entries[i]).ShouldBe(new Hash(data.AsSpan(i * Hash.Size, Hash.Size)));
                    leaves.Add(new Hash(data.AsSpan(i * Hash.Size, Hash.Size)));
                }
            }
        }

        var builder = new TreeBuilder(HashProfile.Sha256);
        leaves.ForEach(builder.AppendLeafHash);
        builder.RootHash().ShouldBe(checkpoint.RootHash);

        var program = Environment.GetEnvironmentVariable("TALENTPASS_TLOG_INTEROP");
        if (string.IsNullOrEmpty(program) || !File.Exists(program))
        {
            Assert.Skip("Go part skipped: TALENTPASS_TLOG_INTEROP is not set (scripts/test.sh ledger-interop sets it)");
        }

        var (exit, output) = await RunAsync(program, "-base", _mirror, "-vkey", logKey, "-max-entries", "1000");
        exit.ShouldBe(0, output);
        output.ShouldContain($"size {checkpoint.Size}");
        output.ShouldContain("OK: Go sumdb/tlog and sumdb/note accept the log");
    }

    private async Task<byte[]> MirrorAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri("/ledger/" + path, UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        var data = await response.Content.ReadAsByteArrayAsync(Ct);
        var file = Path.Combine(_mirror, path.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, data, Ct);
        return data;
    }

    private static async Task<(int Exit, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await stdout + await stderr);
    }
}
