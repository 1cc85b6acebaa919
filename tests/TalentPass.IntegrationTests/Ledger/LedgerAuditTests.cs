using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.Modules.Ledger.Contracts;

namespace TalentPass.IntegrationTests.Ledger;

/// <summary><c>talentpass ledger audit</c> on a log of its own: intact, then with an edited and a deleted row.</summary>
[Collection(CliCollection.Name)]
public sealed class LedgerAuditTests(TalentPassFactory factory)
{
    [Fact]
    public async Task Audit_IntactLog_ExitsZero()
    {
        await using var ledger = await SeededAsync(12);

        (await ledger.RunCliAsync("ledger", "audit")).ShouldBe(0);
    }

    [Fact]
    public async Task Audit_EditedEntry_IsDetectedAndNamesTheCheckpoint()
    {
        await using var ledger = await SeededAsync(12);
        // An operator with database access rewrites the document digest of entry 5 (and even its stored leaf hash).
        await ledger.ExecuteAsync(ledger.Database.IsPostgres
            ? "UPDATE ledger_entries SET entry = convert_to(replace(convert_from(entry, 'UTF8'), '\"kind\":\"agreement\"', '\"kind\":\"violation\"'), 'UTF8') WHERE idx = 5"
            : "UPDATE ledger_entries SET entry = CAST(replace(CAST(entry AS TEXT), '\"kind\":\"agreement\"', '\"kind\":\"violation\"') AS BLOB) WHERE idx = 5");

        (await ledger.RunCliAsync("ledger", "audit")).ShouldBe(1);
        using var node = ledger.StartNode();
        var report = await IsolatedLedger.AuditAsync(node);
        report.Problems.ShouldContain(p => p.StartsWith("entry 5:", StringComparison.Ordinal));
        report.Problems.ShouldContain(p => p.StartsWith("checkpoint 12:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_DeletedEntry_IsDetected()
    {
        await using var ledger = await SeededAsync(12);
        await ledger.ExecuteAsync("DELETE FROM ledger_entries WHERE idx = 3");

        (await ledger.RunCliAsync("ledger", "audit")).ShouldBe(1);
        using var node = ledger.StartNode();
        var report = await IsolatedLedger.AuditAsync(node);
        report.Problems.ShouldContain("entries 3..3: missing (deleted rows)");
    }

    private async Task<IsolatedLedger> SeededAsync(int count)
    {
        var ledger = await IsolatedLedger.CreateAsync(factory);
        using var node = ledger.StartNode();
        for (var i = 0; i < count; i++)
        {
            await IsolatedLedger.AppendAsync(node, LedgerApi.Draft());
        }

        await using var scope = node.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<ILedgerCheckpoints>().PublishAsync(TestContext.Current.CancellationToken)).ShouldNotBeNull();
        return ledger;
    }
}
