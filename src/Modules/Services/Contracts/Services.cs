namespace TalentPass.Modules.Services.Contracts;

/// <summary>Raised after an application's matter was decided (committed): approved, refused or withdrawn.</summary>
/// <param name="MatterCode">The catalogue code of the matter, e.g. <c>youth-living-subsidy</c>.</param>
/// <param name="Outcome"><c>approved</c>, <c>refused</c> or <c>withdrawn</c>.</param>
/// <param name="AmountFen">For subsidy matters: the approved amount per payment in fen; otherwise null.</param>
/// <param name="Payments">For subsidy matters: the number of payments (e.g. 36 monthly payments); otherwise null.</param>
public sealed record ServiceMatterDecided(
    Guid ApplicationId,
    Guid TalentId,
    string MatterCode,
    int MatterVersion,
    string Outcome,
    long? AmountFen,
    int? Payments,
    DateOnly DecidedOn,
    DateTimeOffset DecidedAt);

/// <summary>Implemented by modules acting on decisions (subsidy payments). Register as scoped; called after commit.</summary>
public interface IServiceDecisionHandler
{
    Task HandleAsync(ServiceMatterDecided decision, CancellationToken cancellationToken);
}

/// <summary>One entry of the durable decision list, numbered in commit order.</summary>
public sealed record ServiceDecisionFeedEntry(long Sequence, ServiceMatterDecided Decision);

/// <summary>
/// The durable, commit-ordered list of decided matters (the in-process <see cref="IServiceDecisionHandler"/> call
/// after commit may be lost if the process dies; a consumer that keeps its own cursor — the last
/// <see cref="ServiceDecisionFeedEntry.Sequence"/> it processed — misses nothing).
/// </summary>
public interface IServiceDecisionFeed
{
    Task<IReadOnlyList<ServiceDecisionFeedEntry>> ReadAsync(long afterSequence, int max, CancellationToken cancellationToken = default);
}

/// <summary>What a one-click batch did (see <see cref="IOneClickBatch"/>).</summary>
/// <param name="Rejected">Talents refused before anything was stored (not eligible, already granted, …), by error code.</param>
public sealed record OneClickBatchResult(int Requested, int Approved, int ToClerk, IReadOnlyDictionary<string, int> Rejected, TimeSpan Elapsed);

/// <summary>
/// The one-click path for many talents at once (a proactive campaign, 免申即享, or a benchmark): the same checks, look-ups,
/// rules and rows as one talent's one-click application, written a chunk per transaction, decisions raised after each commit.
/// </summary>
public interface IOneClickBatch
{
    Task<OneClickBatchResult> RunAsync(string matterCode, IReadOnlyList<Guid> talentIds, int parallelism, IProgress<int>? progress = null, CancellationToken cancellationToken = default);
}
