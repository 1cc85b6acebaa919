namespace TalentPass.Modules.Talents.Contracts;

/// <summary>What other modules may know about a talent: no personal data, the name masked.</summary>
public sealed record TalentSummary(
    Guid Id,
    string MaskedName,
    string Level,
    string Category,
    string Status,
    Guid? AccountId,
    Guid? EmployerOrganisationId);

/// <summary>Read access to the registry for other modules (codes, cards, rights).</summary>
public interface ITalentDirectory
{
    Task<TalentSummary?> GetAsync(Guid talentId, CancellationToken cancellationToken = default);

    Task<TalentSummary?> FindByAccountAsync(Guid accountId, CancellationToken cancellationToken = default);
}

/// <summary>Raised after a talent's level or category changed and was saved (M-12: code, cards and rights follow).</summary>
public sealed record TalentLevelChanged(
    Guid TalentId,
    string? FromLevel,
    string ToLevel,
    string? FromCategory,
    string ToCategory,
    DateOnly EffectiveOn,
    DateTimeOffset DecidedAt);

/// <summary>Raised after a talent was suspended, reactivated or terminated and it was saved (M-13, M-14).</summary>
public sealed record TalentStatusChanged(Guid TalentId, string FromStatus, string ToStatus, DateTimeOffset ChangedAt);

/// <summary>
/// The extension point for modules that react to registry changes (codes refresh the status list, cards
/// notify partners). Register implementations with <c>services.AddScoped&lt;ITalentEventHandler, X&gt;()</c>;
/// they are called in process after the change is committed. Anything that must reach another system must
/// write its own outbox row in the handler — a handler failure is logged, never undoes the change.
/// </summary>
public interface ITalentEventHandler
{
    Task HandleAsync(TalentLevelChanged change, CancellationToken cancellationToken);

    Task HandleAsync(TalentStatusChanged change, CancellationToken cancellationToken);
}
