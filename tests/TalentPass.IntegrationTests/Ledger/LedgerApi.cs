using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Ledger.Contracts;

namespace TalentPass.IntegrationTests.Ledger;

/// <summary>Helpers for the ledger tests: unique drafts and appends through the module contract.</summary>
internal static class LedgerApi
{
    public static string NewDigest() => "sha256:" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static LedgerEntryDraft Draft(string? digest = null, string kind = LedgerKinds.Agreement, DateTimeOffset? time = null) =>
        new(kind, digest ?? NewDigest(), ["bank-zhongyuan", "talent-office"], "tests", time ?? new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), "test:" + Guid.NewGuid().ToString("N"));

    public static async Task<LedgerAppended> AppendAsync(TalentPassFactory factory, LedgerEntryDraft draft)
    {
        var result = await factory.WithScopeAsync(sp => sp.GetRequiredService<ILedger>().AppendAsync(draft, TestContext.Current.CancellationToken));
        result.IsSuccess.ShouldBeTrue(result.Error?.Code);
        return result.Value!;
    }
}
