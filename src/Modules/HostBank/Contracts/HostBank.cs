namespace TalentPass.Modules.HostBank.Contracts;

/// <summary>A talent's current host bank (M-19), for reports.</summary>
public sealed record HostBankChoice(Guid TalentId, Guid PartnerOrganisationId, DateOnly Since);

public interface IHostBankDirectory
{
    Task<HostBankChoice?> GetCurrentAsync(Guid talentId, CancellationToken cancellationToken = default);
}
