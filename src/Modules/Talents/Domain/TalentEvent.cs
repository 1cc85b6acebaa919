namespace TalentPass.Modules.Talents.Domain;

/// <summary>
/// One row of the durable change feed (<c>talents_events</c>), written in the same transaction as the level or
/// status change it describes. <see cref="Sequence"/> is assigned by the database in commit order (see
/// <c>TalentChangeWriter</c>).
/// </summary>
internal sealed class TalentEvent
{
    public const string LevelChanged = "level_changed";
    public const string StatusChanged = "status_changed";

    private TalentEvent()
    {
    }

    public long Sequence { get; private set; }

    public Guid EventId { get; private set; }

    public Guid TalentId { get; private set; }

    public string Kind { get; private set; } = string.Empty;

    public string Level { get; private set; } = string.Empty;

    public string Category { get; private set; } = string.Empty;

    public string Status { get; private set; } = string.Empty;

    public string? FromLevel { get; private set; }

    public string? FromStatus { get; private set; }

    public DateOnly? EffectiveOn { get; private set; }

    public string? DecisionReference { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public static TalentEvent For(Talent talent, string kind, string? fromLevel, string? fromStatus, DateOnly? effectiveOn, string? reference, Guid? decidedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(talent);
        return new TalentEvent
        {
            EventId = Guid.CreateVersion7(now),
            TalentId = talent.Id,
            Kind = kind,
            Level = talent.Level,
            Category = talent.Category,
            Status = talent.Status,
            FromLevel = fromLevel,
            FromStatus = fromStatus,
            EffectiveOn = effectiveOn,
            DecisionReference = reference,
            DecidedBy = decidedBy,
            OccurredAt = now,
        };
    }
}
