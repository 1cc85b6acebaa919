using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Rights.Catalogue;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Rights.Features;

internal sealed record MyRight(
    RightDefinition Right,
    OrganisationRef Provider,
    IReadOnlyList<OrganisationRef> ServicePoints,
    RightUsage? Usage);

internal sealed record MyRightsView(string MaskedName, string Level, string Category, string Status, bool UsageKnown, IReadOnlyList<MyRight> Rights);

/// <summary>
/// "My rights": the active rights the talent's level and category give today, where they are given and — when the
/// Redemptions module is present (<see cref="IRightsUsage"/> resolved optionally) — what is left of each quota.
/// </summary>
internal sealed class MyRights(ICurrentUser user, ITalentDirectory talents, RightsCatalogue catalogue, CatalogueQueries queries, IServiceProvider services, TimeProvider clock)
{
    public async Task<TalentSummary?> TalentAsync(CancellationToken ct) =>
        user.AccountId is { } account ? await talents.FindByAccountAsync(account, ct) : null;

    public async Task<Result<MyRightsView>> GetAsync(CancellationToken ct)
    {
        var talent = await TalentAsync(ct);
        if (talent is null)
        {
            return RightsErrors.NoProfile;
        }

        var today = BusinessTime.Today(clock);
        var snapshot = await catalogue.GetSnapshotAsync(ct);
        var usable = snapshot.Rights
            .Where(r => RightEligibility.Check(r, talent.Level, talent.Category, Beneficiaries.Self, null, today) is null)
            .OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        var usageSource = services.GetService<IRightsUsage>();
        var usage = usageSource is null || usable.Count == 0
            ? new Dictionary<Guid, RightUsage>()
            : await usageSource.GetForTalentAsync(talent.Id, usable.Select(r => r.Id).ToList(), ct);
        var orgs = await queries.OrganisationsAsync(ct);
        var rights = usable.Select(r => new MyRight(
                r,
                CatalogueQueries.Ref(orgs, r.ProviderOrganisationId),
                r.ServicePointOrganisationIds.Select(sp => CatalogueQueries.Ref(orgs, sp)).ToList(),
                usage.GetValueOrDefault(r.Id)))
            .ToList();
        return new MyRightsView(talent.MaskedName, talent.Level, talent.Category, talent.Status, usageSource is not null, rights);
    }
}
