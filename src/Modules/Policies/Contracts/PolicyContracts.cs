namespace TalentPass.Modules.Policies.Contracts;

/// <summary>
/// An approved policy version (M-16, M-22): <paramref name="Kind"/> one of <c>levels|rights|amounts|matters|rules</c>,
/// <paramref name="Version"/> the label other modules store with their data (e.g. <c>rights-2026.1</c>,
/// <c>youth-living-2026.1</c>), valid from/to (the measures' validity is two years).
/// </summary>
public sealed record PolicyVersionInfo(Guid Id, string Kind, string Version, string TitleZh, string TitleEn, DateOnly ValidFrom, DateOnly ValidTo, string Status);

/// <summary>Read access to policy versions for modules that label their data with one.</summary>
public interface IPolicyRegistry
{
    Task<PolicyVersionInfo?> FindAsync(string version, CancellationToken cancellationToken = default);

    /// <summary>The approved versions of a kind in force on a day.</summary>
    Task<IReadOnlyList<PolicyVersionInfo>> ListInForceAsync(string kind, DateOnly on, CancellationToken cancellationToken = default);
}
