using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Redemptions.Domain;
using TalentPass.Modules.Redemptions.Features.Lookup;
using TalentPass.Modules.Redemptions.Persistence;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Redemptions.Features.Redeem;

/// <summary>
/// What to redeem: the talent by <paramref name="LookupId"/> (from <c>POST /lookup</c>), a scanned
/// <paramref name="Code"/> or a <paramref name="CardToken"/>; the right; who it is for.
/// </summary>
internal sealed record RedeemRequest(string? LookupId, string? Code, string? CardToken, Guid RightId, string? Beneficiary, Guid? FamilyMemberId, string? PoolCode);

/// <summary>A redemption as staff and the talent see it.</summary>
internal sealed record RedemptionView(
    Guid Id,
    string Status,
    Guid RightId,
    string RightCode,
    string RightNameZh,
    string RightNameEn,
    string Beneficiary,
    Guid? FamilyMemberId,
    string? PoolCode,
    long ValueFen,
    string MaskedName,
    string Level,
    string Source,
    bool Offline,
    string? ConflictCode,
    bool OverQuota,
    Guid OrganisationId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    DateTimeOffset ReversibleUntil,
    DateTimeOffset? ReversedAt,
    string? ReversalReason)
{
    public static RedemptionView From(Redemption r) => new(
        r.Id, r.Status, r.RightId, r.RightCode, r.RightNameZh, r.RightNameEn, r.Beneficiary, r.FamilyMemberId, r.PoolCode, r.ValueFen,
        r.MaskedName, r.Level, r.Source, r.Offline, r.ConflictCode, r.OverQuota, r.OrganisationId, r.OccurredAt, r.RecordedAt,
        r.ReversibleUntil, r.ReversedAt, r.ReversalReason);
}

/// <summary>The outcome of a redemption attempt: a new or replayed redemption, or a refusal (nothing changed).</summary>
internal sealed record RedeemOutcome(RedemptionView? Redemption, bool Replayed, Error? Error, bool KeyReused = false);

/// <summary>
/// Redeems a right (see <see cref="RedemptionStore"/> for the transaction). The hot path reads the talent once (the
/// registry, for a current status), the right from the in-memory catalogue snapshot, the family member only when one
/// is named, and writes in one transaction; refusals check the idempotency key so a retry gets the first answer.
/// </summary>
internal sealed class RedeemHandler(
    TalentResolver resolver,
    IRightsCatalogue catalogue,
    IFamilyMembers family,
    RedemptionStore store,
    RedemptionsDbContext db,
    TimeProvider clock)
{
    public async Task<RedeemOutcome> RedeemAsync(RedeemRequest request, Staff staff, string idempotencyKey, CancellationToken ct)
    {
        var hash = RequestHash(request);
        var talent = await IdentifyAsync(request, staff, ct);
        if (!talent.IsSuccess)
        {
            return await RefuseAsync(talent.Error!, staff, idempotencyKey, hash, null, ct);
        }

        var now = clock.GetUtcNow();
        var prepared = await PrepareAsync(request, talent.Value!, staff, now, ct);
        if (prepared.Error is { } refusal)
        {
            return await RefuseAsync(refusal, staff, idempotencyKey, hash, talent.Value!.TalentId, ct);
        }

        var (redemption, counters) = (prepared.Redemption!, prepared.Counters!);
        redemption.IdempotencyKey = idempotencyKey;
        redemption.RequestHash = hash;
        var (result, exhausted) = await store.InsertAsync(redemption, counters, enforceLimits: true, ct);
        return result switch
        {
            StoreResult.Stored => new RedeemOutcome(RedemptionView.From(redemption), false, null),
            StoreResult.DuplicateKey => await ReplayAsync(staff, idempotencyKey, hash, talent.Value!.TalentId, ct)
                ?? new RedeemOutcome(null, false, RedemptionsErrors.IdempotencyKeyReused, KeyReused: true),
            _ => await RefuseAsync(QuotaError(exhausted), staff, idempotencyKey, hash, talent.Value!.TalentId, ct),
        };
    }

    internal sealed record Prepared(Redemption? Redemption, IReadOnlyList<CounterKey>? Counters, RightDefinition? Right, Error? Error);

    /// <summary>Checks everything but the quotas and builds the row; shared with the offline batch.</summary>
    internal async Task<Prepared> PrepareAsync(RedeemRequest request, IdentifiedTalent talent, Staff staff, DateTimeOffset occurredAt, CancellationToken ct)
    {
        var right = await CatalogueIndex.FindAsync(catalogue, request.RightId, ct);
        if (right is null)
        {
            return new Prepared(null, null, null, RedemptionsErrors.RightNotFound);
        }

        var beneficiary = string.IsNullOrWhiteSpace(request.Beneficiary) ? Beneficiaries.Self : request.Beneficiary.Trim();
        if (beneficiary is not (Beneficiaries.Self or Beneficiaries.Parent or Beneficiaries.Spouse or Beneficiaries.Child))
        {
            return new Prepared(null, null, right, RedemptionsErrors.BeneficiaryInvalid);
        }

        var day = DateOnly.FromDateTime(BusinessTime.ToBusiness(occurredAt).DateTime);
        if (RightEligibility.Check(right, talent.Level, talent.Category, beneficiary, staff.OrganisationId, day) is { } code)
        {
            return new Prepared(null, null, right, RedemptionsErrors.Eligibility(code));
        }

        if (talent.Source == RedemptionSources.StaticCode && !right.StaticCodeAccepted)
        {
            return new Prepared(null, null, right, RedemptionsErrors.StaticCodeNotAccepted);
        }

        Guid? familyMemberId = null;
        if (beneficiary != Beneficiaries.Self)
        {
            var member = request.FamilyMemberId is { } fid ? await family.GetAsync(fid, ct) : null;
            if (member is null || member.TalentId != talent.TalentId || member.Relation != beneficiary)
            {
                return new Prepared(null, null, right, RedemptionsErrors.FamilyMemberRequired);
            }

            familyMemberId = member.Id;
        }

        string? pool = null;
        if (right.Pools.Count > 0)
        {
            pool = right.Pools.FirstOrDefault(p => p.Code == request.PoolCode?.Trim())?.Code;
            if (pool is null)
            {
                return new Prepared(null, null, right, RedemptionsErrors.PoolRequired);
            }
        }

        if (right.Quotas.Any(q => q.Limit <= 0))
        {
            return new Prepared(null, null, right, QuotaError(null));
        }

        var counters = QuotaPlan.For(right, talent.TalentId, staff.OrganisationId, pool, day);
        var now = clock.GetUtcNow();
        var redemption = new Redemption
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = staff.OrganisationId,
            AccountId = staff.AccountId,
            RightId = right.Id,
            RightCode = right.Code,
            RightKind = right.Kind,
            RightNameZh = right.NameZh,
            RightNameEn = right.NameEn,
            RightRevision = right.Revision,
            ProviderOrganisationId = right.ProviderOrganisationId,
            TalentId = talent.TalentId,
            MaskedName = talent.MaskedName,
            Level = talent.Level,
            Category = talent.Category,
            Beneficiary = beneficiary,
            FamilyMemberId = familyMemberId,
            PoolCode = pool,
            ValueFen = right.ValueFen,
            Source = talent.Source,
            Status = RedemptionStatuses.Redeemed,
            Counters = QuotaPlan.Serialize(counters),
            OccurredAt = occurredAt,
            RecordedAt = now,
            ReversibleUntil = now.AddMinutes(Math.Max(0, right.ReversalWindowMinutes)),
        };
        return new Prepared(redemption, counters, right, null);
    }

    internal static Error QuotaError(CounterKey? exhausted) => exhausted is null
        ? RedemptionsErrors.QuotaExhausted
        : RedemptionsErrors.QuotaExhausted with
        {
            Message = exhausted.Scope switch
            {
                QuotaScopes.PerTalent => "该人才本期额度已用完 / The talent's quota for this period is used up.",
                QuotaScopes.PerServicePoint => "本网点本期额度已用完 / This service point's quota for this period is used up.",
                QuotaPlan.PoolScope => "该房源池已无剩余 / The pool has no units left.",
                _ => "该权益总额度已用完 / The right's overall quota is used up.",
            },
        };

    internal static string RequestHash(RedeemRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{request.RightId:N}|{(string.IsNullOrWhiteSpace(request.Beneficiary) ? Beneficiaries.Self : request.Beneficiary.Trim())}|{request.FamilyMemberId:N}|{request.PoolCode?.Trim()}")))[..32];

    private async Task<Result<IdentifiedTalent>> IdentifyAsync(RedeemRequest request, Staff staff, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(request.LookupId))
        {
            return await resolver.FromLookupAsync(request.LookupId, staff, ct);
        }

        if (!string.IsNullOrWhiteSpace(request.Code))
        {
            return await resolver.FromCodeAsync(request.Code, staff, offline: false, ct);
        }

        if (!string.IsNullOrWhiteSpace(request.CardToken))
        {
            return await resolver.FromCardAsync(request.CardToken.Trim(), staff, offline: false, ct);
        }

        return RedemptionsErrors.IdentifierMissing;
    }

    /// <summary>A refusal, unless the key already holds a redemption (a retry after success gets the first answer).</summary>
    private async Task<RedeemOutcome> RefuseAsync(Error error, Staff staff, string key, string hash, Guid? talentId, CancellationToken ct) =>
        await ReplayAsync(staff, key, hash, talentId, ct) ?? new RedeemOutcome(null, false, error);

    private async Task<RedeemOutcome?> ReplayAsync(Staff staff, string key, string hash, Guid? talentId, CancellationToken ct)
    {
        var existing = await db.Redemptions.AsNoTracking()
            .FirstOrDefaultAsync(r => r.OrganisationId == staff.OrganisationId && r.IdempotencyKey == key, ct);
        if (existing is null)
        {
            return null;
        }

        return existing.RequestHash == hash && (talentId is null || talentId == existing.TalentId)
            ? new RedeemOutcome(RedemptionView.From(existing), true, null)
            : new RedeemOutcome(null, false, RedemptionsErrors.IdempotencyKeyReused, KeyReused: true);
    }
}
