namespace TalentPass.Modules.Recognition.Contracts;

/// <summary>A recognition decision that set a talent's level (for reports and governance).</summary>
public sealed record RecognitionSummary(Guid Id, Guid TalentId, string Path, string Level, DateOnly EffectiveOn, DateTimeOffset DecidedAt);

public interface IRecognitionDirectory
{
    Task<IReadOnlyList<RecognitionSummary>> ListForTalentAsync(Guid talentId, CancellationToken cancellationToken = default);
}
