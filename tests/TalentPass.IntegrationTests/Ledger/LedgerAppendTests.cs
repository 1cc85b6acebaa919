using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Ledger.Contracts;

namespace TalentPass.IntegrationTests.Ledger;

/// <summary>Appends through <see cref="ILedger"/>: durable indexes, idempotency, bad drafts.</summary>
public sealed class LedgerAppendTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Append_SameDraftTwice_ReturnsTheSameIndexAndSaysItWasAlreadyRecorded()
    {
        var draft = LedgerApi.Draft();

        var first = await LedgerApi.AppendAsync(factory, draft);
        var second = await LedgerApi.AppendAsync(factory, draft with { Parties = [.. draft.Parties.Reverse()] });

        first.AlreadyRecorded.ShouldBeFalse();
        second.Index.ShouldBe(first.Index);
        second.AlreadyRecorded.ShouldBeTrue();
    }

    [Fact]
    public async Task Append_ManyConcurrently_GetDistinctDenseIndexes()
    {
        var drafts = Enumerable.Range(0, 300).Select(_ => LedgerApi.Draft()).ToList();

        var results = await Task.WhenAll(drafts.Select(d => LedgerApi.AppendAsync(factory, d)));

        var indexes = results.Select(r => r.Index).Order().ToList();
        indexes.Distinct().Count().ShouldBe(300);
        (indexes[^1] - indexes[0]).ShouldBeGreaterThanOrEqualTo(299);
        results.ShouldAllBe(r => !r.AlreadyRecorded);
    }

    [Theory]
    [InlineData("contract", "sha256:00", "ledger.kind_unknown")]
    [InlineData("agreement", "md5:0123", "ledger.digest_invalid")]
    [InlineData("agreement", "sha256:zz", "ledger.digest_invalid")]
    public async Task Append_MalformedDraft_IsRefusedWithItsCode(string kind, string digest, string code)
    {
        var draft = LedgerApi.Draft() with { Kind = kind, DocumentDigest = digest.Length > 10 ? digest : digest };

        var result = await factory.WithScopeAsync(sp => sp.GetRequiredService<ILedger>().AppendAsync(draft, Ct));

        result.IsSuccess.ShouldBeFalse();
        result.Error!.Code.ShouldBe(code);
    }

    [Fact]
    public async Task Append_PartyWithPersonalDataCharacters_IsRefused()
    {
        var draft = LedgerApi.Draft() with { Parties = ["张三 410101199001011234"] };

        var result = await factory.WithScopeAsync(sp => sp.GetRequiredService<ILedger>().AppendAsync(draft, Ct));

        result.Error!.Code.ShouldBe("ledger.parties_invalid");
    }
}
