using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Redemptions.Features.Lookup;

/// <summary>A scan (<paramref name="Code"/>) or a card swipe (<paramref name="CardToken"/>).</summary>
internal sealed record LookupRequest(string? Code, string? CardToken);

internal sealed record LookupTalent(string MaskedName, string Level, string Category, string Status, string Source);

internal sealed record LookupPool(string Code, string NameZh, string NameEn, int Left);

/// <summary>A right given here: <paramref name="Refusal"/> null when it can be redeemed for the talent now.</summary>
internal sealed record LookupRight(
    Guid RightId,
    string Code,
    string Kind,
    string NameZh,
    string NameEn,
    long ValueFen,
    IReadOnlyList<string> FamilyRelations,
    int? LeftForTalent,
    int? LeftOverall,
    IReadOnlyList<LookupPool> Pools,
    string? Refusal);

internal sealed record LookupFamilyMember(Guid Id, string Relation, string MaskedName);

internal sealed record LookupResponse(string LookupId, DateTimeOffset ExpiresAt, LookupTalent Talent, IReadOnlyList<LookupRight> Rights, IReadOnlyList<LookupFamilyMember> Family);

/// <summary>
/// POST /api/v1/redemptions/lookup: who the talent is (masked), the rights given at the staff's organisation with
/// what is left and whether each can be redeemed now, the covered family members, and a lookup id to redeem with.
/// </summary>
internal sealed class LookupHandler(TalentResolver resolver, IRightsCatalogue catalogue, IFamilyMembers family, IRightsUsage usage, Microsoft.Extensions.Options.IOptions<RedemptionsOptions> options, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/lookup", async Task<Results<Ok<LookupResponse>, ProblemHttpResult>> (LookupRequest request, HttpContext context, LookupHandler handler) =>
            {
                if (RedemptionsEndpoints.StaffOf(context) is not { } staff)
                {
                    return RedemptionsErrors.NoOrganisation.ToProblem();
                }

                var result = await handler.LookupAsync(request, staff, context.RequestAborted);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("LookupRedemptionTalent")
            .WithSummary("Identify a talent by a scanned code or card token; the rights usable here now, quotas left, family covered")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public async Task<Result<LookupResponse>> LookupAsync(LookupRequest request, Staff staff, CancellationToken ct)
    {
        Result<IdentifiedTalent> found;
        if (!string.IsNullOrWhiteSpace(request.Code))
        {
            found = await resolver.FromCodeAsync(request.Code, staff, offline: false, ct);
        }
        else if (!string.IsNullOrWhiteSpace(request.CardToken))
        {
            found = await resolver.FromCardAsync(request.CardToken.Trim(), staff, offline: false, ct);
        }
        else
        {
            return RedemptionsErrors.IdentifierMissing;
        }

        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var talent = found.Value!;
        var snapshot = await catalogue.GetSnapshotAsync(ct);
        var here = snapshot.Rights
            .Where(r => r.ServicePointOrganisationIds.Contains(staff.OrganisationId)
                || (r.ServicePointOrganisationIds.Count == 0 && r.ProviderOrganisationId == staff.OrganisationId))
            .ToList();
        var left = await usage.GetForTalentAsync(talent.TalentId, here.Select(r => r.Id).ToList(), ct);
        var today = BusinessTime.Today(clock);
        var rights = here
            .Select(r =>
            {
                var refusal = RightEligibility.Check(r, talent.Level, talent.Category, Beneficiaries.Self, staff.OrganisationId, today);
                refusal ??= talent.Source == Domain.RedemptionSources.StaticCode && !r.StaticCodeAccepted ? RedemptionsErrors.StaticCodeNotAccepted.Code : null;
                var u = left.GetValueOrDefault(r.Id);
                refusal ??= u is { LeftForTalent: 0 } || u is { LeftOverall: 0 } ? RedemptionsErrors.QuotaExhausted.Code : null;
                var pools = r.Pools.Select(p => new LookupPool(p.Code, p.NameZh, p.NameEn, u?.LeftInPools.GetValueOrDefault(p.Code, p.Capacity) ?? p.Capacity)).ToList();
                return new LookupRight(r.Id, r.Code, r.Kind, r.NameZh, r.NameEn, r.ValueFen, r.FamilyRelations, u?.LeftForTalent, u?.LeftOverall, pools, refusal);
            })
            .OrderBy(r => r.Refusal is null ? 0 : 1)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        var relations = here.SelectMany(r => r.FamilyRelations).ToHashSet(StringComparer.Ordinal);
        var members = relations.Count == 0
            ? []
            : (await family.ListAsync(talent.TalentId, ct)).Where(m => relations.Contains(m.Relation)).Select(m => new LookupFamilyMember(m.Id, m.Relation, m.MaskedName)).ToList();
        var lookupId = resolver.IssueLookup(talent, staff);
        return new LookupResponse(
            lookupId,
            clock.GetUtcNow().AddMinutes(options.Value.LookupValidityMinutes),
            new LookupTalent(talent.MaskedName, talent.Level, talent.Category, talent.Status, talent.Source),
            rights,
            members);
    }
}
