namespace TalentPass.Modules.Subsidies.Contracts;

/// <summary>A talent's subsidy payment schedule (e.g. 36 monthly living-subsidy payments).</summary>
public sealed record SubsidyScheduleSummary(Guid Id, Guid TalentId, string MatterCode, long AmountFen, int Payments, int Paid, string Status);

public interface ISubsidySchedules
{
    Task<IReadOnlyList<SubsidyScheduleSummary>> ListForTalentAsync(Guid talentId, CancellationToken cancellationToken = default);
}
