namespace TalentPass.Modules.Talents.Contracts;

/// <summary>
/// Walks the registry in a stable order for bulk work by other modules (a review campaign enumerates every talent of
/// some levels and categories). Keyset paging by talent id: pass the last id of the previous batch as
/// <c>afterId</c>. Terminated talents are never listed. Summaries only, names masked.
/// </summary>
public interface ITalentRoster
{
    /// <param name="levels">Level codes to include (at least one).</param>
    /// <param name="categories">Category codes to include; empty means every category.</param>
    Task<IReadOnlyList<TalentSummary>> ListAsync(
        IReadOnlyCollection<string> levels,
        IReadOnlyCollection<string> categories,
        Guid? afterId,
        int max,
        CancellationToken cancellationToken = default);

    /// <summary>How many talents <see cref="ListAsync"/> would walk through (for progress bars).</summary>
    Task<int> CountAsync(IReadOnlyCollection<string> levels, IReadOnlyCollection<string> categories, CancellationToken cancellationToken = default);
}
