namespace TalentPass.Modules.Ledger.Contracts;

/// <summary>Outcome of a full audit: what was checked and every problem found (empty = the log is intact).</summary>
public sealed record LedgerAuditReport(long TreeSize, long EntriesChecked, int CheckpointsChecked, IReadOnlyList<string> Problems, TimeSpan Elapsed)
{
    public bool IsIntact => Problems.Count == 0;
}

/// <summary>
/// Recomputes the Merkle tree from the stored entries and checks the stored tree state and every published
/// checkpoint (root and log signature) against it. Used by <c>talentpass ledger audit</c>.
/// </summary>
public interface ILedgerAuditor
{
    Task<LedgerAuditReport> AuditAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>Publishing on demand (CLI): returns the latest published checkpoint note, or null when none could be published.</summary>
public interface ILedgerCheckpoints
{
    Task<string?> PublishAsync(CancellationToken cancellationToken = default);
}
