using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.Modules.Ledger.Sequencing;

namespace TalentPass.IntegrationTests.Ledger;

/// <summary>
/// A node dies at each step of an append (fault injected where the process would stop); after a restart the log
/// has no gap and no fork: every acknowledged entry keeps its index, the unacknowledged one is sequenced exactly
/// once, and the audit finds the log intact.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class LedgerCrashRecoveryTests(TalentPassFactory factory)
{
    [Theory]
    [InlineData("batch-read")]
    [InlineData("entries-written")]
    [InlineData("before-commit")]
    public async Task Crash_AtAStepOfAnAppend_RestartRecoversWithoutGapOrFork(string step)
    {
        await using var ledger = await IsolatedLedger.CreateAsync(factory);
        var before = new List<long>();
        var victim = LedgerApi.Draft();
        using (var node = ledger.StartNode())
        {
            for (var i = 0; i < 5; i++)
            {
                before.Add((await IsolatedLedger.AppendAsync(node, LedgerApi.Draft())).Index);
            }

            var crash = new InvalidOperationException("simulated crash at " + step);
            node.Services.GetRequiredService<LedgerSequencer>().FaultHook = s => { if (s == step) throw crash; };

            await Should.ThrowAsync<InvalidOperationException>(() => IsolatedLedger.AppendAsync(node, victim));
        }

        (await ledger.ScalarAsync("SELECT size FROM ledger_tree")).ShouldBe(5);
        (await ledger.ScalarAsync("SELECT COUNT(*) FROM ledger_entries")).ShouldBe(5);

        using (var restarted = ledger.StartNode())
        {
            var retried = await IsolatedLedger.AppendAsync(restarted, victim);
            var next = await IsolatedLedger.AppendAsync(restarted, LedgerApi.Draft());

            before.ShouldBe([0, 1, 2, 3, 4]);
            retried.Index.ShouldBe(5);
            next.Index.ShouldBe(6);
            var report = await IsolatedLedger.AuditAsync(restarted);
            report.Problems.ShouldBeEmpty();
            report.TreeSize.ShouldBe(7);
        }

        (await ledger.ScalarAsync("SELECT COUNT(*) FROM ledger_pending")).ShouldBe(0);
    }

    [Fact]
    public async Task TwoNodes_OnPostgres_OnlyTheLeaseHolderSequencesAndTheOtherNodesAppendsLandOnce()
    {
        Assert.SkipUnless(TestDatabase.ConfiguredProvider == "Postgres", "The advisory-lock lease exists on PostgreSQL only.");
        await using var ledger = await IsolatedLedger.CreateAsync(factory);
        using var leader = ledger.StartNode();
        using var follower = ledger.StartNode();
        var ct = TestContext.Current.CancellationToken;
        (await leader.Services.GetRequiredService<LedgerSequencer>().SequencePendingAsync(ct)).ShouldNotBeNull();

        var appends = Enumerable.Range(0, 40).Select(i => IsolatedLedger.AppendAsync(i % 2 == 0 ? leader : follower, LedgerApi.Draft())).ToList();
        var leaderLoop = Task.Run(async () =>
        {
            while (!appends.All(a => a.IsCompleted))
            {
                await using var scope = leader.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<LedgerJobs>().RunOnceAsync(ct);
                await Task.Delay(20, ct);
            }
        }, ct);
        var results = await Task.WhenAll(appends);
        await leaderLoop;

        follower.Services.GetRequiredService<LedgerSequencer>().IsLeader.ShouldBeFalse();
        results.Select(r => r.Index).Order().ShouldBe(Enumerable.Range(0, 40).Select(i => (long)i));
        (await IsolatedLedger.AuditAsync(leader)).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task FollowerCrash_AfterItsEntryIsPending_TheLeaderSequencesItOnceAndARetryGetsThatIndex()
    {
        Assert.SkipUnless(TestDatabase.ConfiguredProvider == "Postgres", "Followers (pending hand-off) exist on PostgreSQL only.");
        await using var ledger = await IsolatedLedger.CreateAsync(factory);
        var ct = TestContext.Current.CancellationToken;
        using var leader = ledger.StartNode();
        (await leader.Services.GetRequiredService<LedgerSequencer>().SequencePendingAsync(ct)).ShouldNotBeNull();
        var victim = LedgerApi.Draft();
        using (var follower = ledger.StartNode())
        {
            follower.Services.GetRequiredService<LedgerAppender>().FaultHook = s => { if (s == "pending-written") throw new InvalidOperationException("simulated crash"); };
            await Should.ThrowAsync<InvalidOperationException>(() => IsolatedLedger.AppendAsync(follower, victim));
        }

        (await ledger.ScalarAsync("SELECT COUNT(*) FROM ledger_pending")).ShouldBe(1);
        await using (var scope = leader.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LedgerJobs>().RunOnceAsync(ct);
        }

        var retried = await IsolatedLedger.AppendAsync(leader, victim);
        retried.Index.ShouldBe(0);
        retried.AlreadyRecorded.ShouldBeTrue();
        (await ledger.ScalarAsync("SELECT COUNT(*) FROM ledger_entries")).ShouldBe(1);
        (await IsolatedLedger.AuditAsync(leader)).Problems.ShouldBeEmpty();
    }
}
