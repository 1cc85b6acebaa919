using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Contracts;

/// <summary>
/// Level and status decisions made by other modules on their own authority (recognition sets a level, governance
/// suspends by rule). The caller has checked who may decide; the registry checks the decision itself (known level,
/// termination is final, …), stores it with its reason and reference, and raises the same events as a talent-office
/// decision (in-process handlers and the durable <see cref="ITalentEventFeed"/>).
/// </summary>
public interface ITalentDecisions
{
    /// <param name="decisionReference">Where the decision is documented, e.g. <c>recognition/{id}</c>.</param>
    Task<Result> ChangeLevelAsync(Guid talentId, string level, string? category, DateOnly effectiveOn, string reason, string decisionReference, Guid? decidedBy, CancellationToken cancellationToken = default);

    /// <param name="status"><c>active</c>, <c>suspended</c> or <c>terminated</c>.</param>
    Task<Result> ChangeStatusAsync(Guid talentId, string status, string reason, string decisionReference, Guid? decidedBy, CancellationToken cancellationToken = default);
}

/// <summary>One committed registry change in the durable feed, numbered in commit order.</summary>
/// <param name="Kind"><c>level_changed</c> or <c>status_changed</c>.</param>
/// <param name="Level">The level (and <paramref name="Category"/>, <paramref name="Status"/>) after the change.</param>
public sealed record TalentFeedEvent(
    long Sequence,
    Guid EventId,
    Guid TalentId,
    string Kind,
    string Level,
    string Category,
    string Status,
    string? FromLevel,
    string? FromStatus,
    DateOnly? EffectiveOn,
    DateTimeOffset OccurredAt);

/// <summary>
/// The registry's durable change feed: every level and status change is written in the same transaction as the
/// change itself. Consumers keep their own cursor (the last <see cref="TalentFeedEvent.Sequence"/> they processed)
/// and read on — nothing is lost when a process dies between commit and reaction.
/// </summary>
public interface ITalentEventFeed
{
    Task<IReadOnlyList<TalentFeedEvent>> ReadAsync(long afterSequence, int max, CancellationToken cancellationToken = default);
}

/// <summary>An enterprise founded by a talent (M-19 host bank).</summary>
public sealed record FoundedEnterprise(Guid OrganisationId, string CreditCode, DateOnly? FoundedOn);

/// <summary>
/// Personal data other modules need to act for a talent (data-sharing look-ups by ID number, SMS to the phone).
/// Every call is written to the audit log with its purpose; never store or log what it returns.
/// </summary>
public interface ITalentPersonalData
{
    Task<TalentIdentity?> GetIdentityAsync(Guid talentId, string purpose, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FoundedEnterprise>> ListFoundedEnterprisesAsync(Guid talentId, CancellationToken cancellationToken = default);
}

public sealed record TalentIdentity(Guid TalentId, string Name, string IdNumber, string? Phone);
