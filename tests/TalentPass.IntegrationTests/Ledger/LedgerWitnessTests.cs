using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Tlog;

namespace TalentPass.IntegrationTests.Ledger;

/// <summary>
/// Checkpoints submitted to real C2SP tlog-witness servers over HTTP (the library's witness logic behind Kestrel, as
/// <c>talentpass witness serve</c> runs it): published once the k-of-n policy is met, held back while it is not.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class LedgerWitnessTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Checkpoint_WithTwoOfTwoWitnessesUp_IsPublishedWithBothCosignatures()
    {
        await using var ledger = await IsolatedLedger.CreateAsync(factory);
        var logKey = await FirstCheckpointAsync(ledger);
        await using var first = await WitnessServer.StartAsync("witness-bank", logKey);
        await using var second = await WitnessServer.StartAsync("witness-notary", logKey);

        var note = await PublishWithWitnessesAsync(ledger, 2, first, second);

        SignedNote.TryParse(note!, out var signed, out _).ShouldBeTrue();
        var policy = LogPolicy.Create("talentpass.example/zhongyuan/evidence", HashProfile.Sha256, [logKey], [first.VerifierKey, second.VerifierKey], 2);
        var verification = policy.VerifyCheckpoint(signed);
        verification.IsValid.ShouldBeTrue(verification.Reason);
        verification.Checkpoint!.Size.ShouldBe(4);
        verification.Witnesses.Select(w => w.Name).ShouldBe(["witness-bank", "witness-notary"], ignoreOrder: true);
    }

    [Fact]
    public async Task Checkpoint_WithOneOfTwoRequiredWitnessesDown_IsNotPublished()
    {
        await using var ledger = await IsolatedLedger.CreateAsync(factory);
        var logKey = await FirstCheckpointAsync(ledger);
        await using var up = await WitnessServer.StartAsync("witness-bank", logKey);
        var down = await WitnessServer.StartAsync("witness-notary", logKey);
        await down.DisposeAsync();

        var note = await PublishWithWitnessesAsync(ledger, 2, up, down);

        Checkpoint.Parse(SignedNote.TryParse(note!, out var signed, out _) ? signed.Text : string.Empty).Size.ShouldBe(2);
        (await ledger.ScalarAsync("SELECT COUNT(*) FROM ledger_checkpoints WHERE published_at IS NULL")).ShouldBe(1);
        (await ledger.ScalarAsync("SELECT cosigned_size FROM ledger_witness_states WHERE name = 'witness-bank'")).ShouldBe(4);
    }

    /// <summary>Two entries and a first checkpoint without witnesses; returns the log's verifier key.</summary>
    private static async Task<string> FirstCheckpointAsync(IsolatedLedger ledger)
    {
        using var node = ledger.StartNode();
        await IsolatedLedger.AppendAsync(node, LedgerApi.Draft());
        await IsolatedLedger.AppendAsync(node, LedgerApi.Draft());
        await using var scope = node.Services.CreateAsyncScope();
        var note = await scope.ServiceProvider.GetRequiredService<ILedgerCheckpoints>().PublishAsync(Ct);
        note.ShouldNotBeNull();
        return (string)(await ledger.ScalarTextAsync("SELECT public_key FROM ledger_signing_keys"));
    }

    private static async Task<string?> PublishWithWitnessesAsync(IsolatedLedger ledger, int quorum, params WitnessServer[] witnesses)
    {
        for (var i = 0; i < witnesses.Length; i++)
        {
            ledger.Extra[$"Ledger:Witnesses:{i}:Name"] = witnesses[i].Name;
            ledger.Extra[$"Ledger:Witnesses:{i}:Url"] = witnesses[i].Url;
            ledger.Extra[$"Ledger:Witnesses:{i}:VerifierKey"] = witnesses[i].VerifierKey;
        }

        ledger.Extra["Ledger:WitnessQuorum"] = quorum.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var node = ledger.StartNode();
        await IsolatedLedger.AppendAsync(node, LedgerApi.Draft());
        await IsolatedLedger.AppendAsync(node, LedgerApi.Draft());
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ILedgerCheckpoints>().PublishAsync(Ct);
    }

    private sealed class WitnessServer : IAsyncDisposable
    {
        private readonly WebApplication app;

        private WitnessServer(WebApplication app, string name, string url, string verifierKey)
        {
            this.app = app;
            Name = name;
            Url = url;
            VerifierKey = verifierKey;
        }

        public string Name { get; }

        public string Url { get; }

        public string VerifierKey { get; }

        public static async Task<WitnessServer> StartAsync(string name, string logKey)
        {
            var signer = NoteSigner.GenerateCosigner(name, TimeProvider.System);
            var witness = new Witness(signer, [WitnessedLog.FromVerifierKey(logKey, HashProfile.Sha256)], new MemoryStore());
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.MapPost("/add-checkpoint", async (HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body);
                var response = witness.AddCheckpoint(await reader.ReadToEndAsync());
                return Results.Text(response.Body, response.ContentType, statusCode: response.StatusCode);
            });
            await app.StartAsync(Ct);
            var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new WitnessServer(app, name, url, signer.VerifierKey);
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private sealed class MemoryStore : IWitnessStateStore
    {
        private readonly Dictionary<string, WitnessState> states = [];

        public WitnessState? Read(string origin) => states.GetValueOrDefault(origin);

        public void Write(string origin, WitnessState state) => states[origin] = state;
    }
}
