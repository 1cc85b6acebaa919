namespace TalentPass.Modules.Talents.Contracts;

/// <summary>
/// Bulk import of recognised talents from CSV (format: <c>docs/talents-import.md</c>). Valid rows are added,
/// rows whose ID number is already registered are skipped (re-running the same file adds nothing), invalid
/// rows are reported with line, column and a stable code and change nothing. Each batch is committed before
/// it is counted as added, so an interrupted import is simply run again.
/// </summary>
public interface ITalentImporter
{
    Task<TalentImportResult> ImportAsync(
        Stream csv,
        string sourceName,
        IProgress<TalentImportProgress>? progress,
        CancellationToken cancellationToken = default,
        TalentImportOptions? options = null);
}

/// <param name="BulkLoad">
/// For large initial loads: the search indexes are dropped, the whole file is loaded in ONE transaction and the
/// indexes are rebuilt from their own definitions before it commits. All or nothing (an interrupted bulk load
/// leaves the registry exactly as before). Meant for a maintenance window: until it commits, other writers wait
/// and, on PostgreSQL (DROP INDEX locks the table), so do searches. The unique
/// ID-number index stays, so re-runs and duplicates behave as in a normal import.
/// </param>
public sealed record TalentImportOptions(bool BulkLoad = false);

/// <param name="BytesRead">Position in the input, for a progress bar.</param>
public sealed record TalentImportProgress(long RowsRead, long Added, long AlreadyRegistered, long Rejected, long BytesRead);

public sealed record TalentImportError(long Line, string? Column, string Code, string Message);

/// <param name="FileError">A problem with the whole file (missing or unknown column): nothing was imported.</param>
public sealed record TalentImportResult(
    long RowsRead,
    long Added,
    long AlreadyRegistered,
    IReadOnlyList<TalentImportError> Errors,
    TalentImportError? FileError = null)
{
    public long Rejected => Errors.Count;
}
