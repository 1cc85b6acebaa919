using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Redemptions.Domain;
using TalentPass.Modules.Redemptions.Features.Lookup;
using TalentPass.Modules.Redemptions.Features.Redeem;
using TalentPass.Modules.Redemptions.Persistence;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Redemptions.Features.Offline;

/// <summary>One redemption a device made offline: what it saw (code or card), when, and its own id for it.</summary>
internal sealed record OfflineItem(string? LocalId, string? Code, string? CardToken, Guid RightId, string? Beneficiary, Guid? FamilyMemberId, string? PoolCode, DateTimeOffset? OccurredAt);

internal sealed record OfflineBatchRequest(string? DeviceId, IReadOnlyList<OfflineItem>? Items);

/// <summary>
/// The result per item: <c>redeemed</c> (counted), <c>honoured_over_quota</c> (counted past the limit: the right
/// allows offline redemption), <c>conflict</c> (stored and flagged, not counted), <c>duplicate</c> (synchronised
/// before: the first answer), <c>rejected</c> (the talent could not be identified: nothing stored).
/// </summary>
internal sealed record OfflineItemResult(string LocalId, string Outcome, Guid? RedemptionId, string? Code);

internal sealed record OfflineBatchResponse(IReadOnlyList<OfflineItemResult> Items);

/// <summary>
/// POST /api/v1/redemptions/offline-batch — applies a device's offline redemptions in order, each idempotent by
/// (organisation, device, local id). The conflict rule (docs/redemptions.md): an item is honoured when the talent was
/// eligible on the day it happened, the right allows offline redemption and the item is inside the sync window — even
/// past a quota (the service was already given); otherwise it is stored as a <c>conflict</c> with the refusal code,
/// not counted, and listed for the provider and the talent office.
/// </summary>
internal sealed class OfflineBatchHandler(TalentResolver resolver, RedeemHandler redeem, RedemptionStore store, RedemptionsDbContext db, IOptions<RedemptionsOptions> options, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/offline-batch", async Task<Results<Ok<OfflineBatchResponse>, ProblemHttpResult>> (OfflineBatchRequest request, HttpContext context, OfflineBatchHandler handler) =>
            {
                if (RedemptionsEndpoints.StaffOf(context) is not { } staff)
                {
                    return RedemptionsErrors.NoOrganisation.ToProblem();
                }

                var result = await handler.ApplyAsync(request, staff, context.RequestAborted);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("SyncOfflineRedemptions")
            .WithSummary("Synchronise a service point device's offline redemptions (in order, idempotent by device and local id; conflicts flagged)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    public async Task<Result<OfflineBatchResponse>> ApplyAsync(OfflineBatchRequest request, Staff staff, CancellationToken ct)
    {
        var device = request.DeviceId?.Trim();
        var items = request.Items ?? [];
        if (string.IsNullOrEmpty(device) || device.Length > 64 || items.Count == 0 || items.Count > options.Value.MaxOfflineBatch
            || items.Any(i => string.IsNullOrWhiteSpace(i.LocalId) || i.LocalId.Trim().Length > 64 || i.OccurredAt is null
                || (string.IsNullOrWhiteSpace(i.Code) && string.IsNullOrWhiteSpace(i.CardToken))))
        {
            return RedemptionsErrors.BatchInvalid;
        }

        var results = new List<OfflineItemResult>(items.Count);
        foreach (var item in items)
        {
            results.Add(await ApplyAsync(item, device, staff, ct));
        }

        return new OfflineBatchResponse(results);
    }

    private async Task<OfflineItemResult> ApplyAsync(OfflineItem item, string device, Staff staff, CancellationToken ct)
    {
        var localId = item.LocalId!.Trim();
        var key = $"offline:{device}:{localId}";
        var existing = await db.Redemptions.AsNoTracking().FirstOrDefaultAsync(r => r.OrganisationId == staff.OrganisationId && r.IdempotencyKey == key, ct);
        if (existing is not null)
        {
            return new OfflineItemResult(localId, "duplicate", existing.Id, existing.ConflictCode);
        }

        var found = !string.IsNullOrWhiteSpace(item.Code)
            ? await resolver.FromCodeAsync(item.Code, staff, offline: true, ct)
            : await resolver.FromCardAsync(item.CardToken!.Trim(), staff, offline: true, ct);
        if (!found.IsSuccess)
        {
            return new OfflineItemResult(localId, "rejected", null, found.Error.Code);
        }

        var talent = found.Value!;
        string? conflict = talent.Status == "active" ? null : RedemptionsErrors.TalentSuspended.Code;

        var now = clock.GetUtcNow();
        var occurredAt = item.OccurredAt!.Value.ToUniversalTime();
        var request = new RedeemRequest(null, null, null, item.RightId, item.Beneficiary, item.FamilyMemberId, item.PoolCode);
        var prepared = await redeem.PrepareAsync(request, talent, staff, occurredAt, ct);
        if (prepared.Redemption is not { } redemption)
        {
            if (prepared.Right is null)
            {
                return new OfflineItemResult(localId, "rejected", null, prepared.Error!.Code);
            }

            redemption = ConflictRow(prepared.Right, talent, staff, request, occurredAt, now);
            conflict ??= prepared.Error!.Code;
        }

        if (conflict is null && !prepared.Right!.AllowsOfflineRedemption)
        {
            conflict = RedemptionsErrors.OfflineNotAllowed.Code;
        }

        if (conflict is null && (occurredAt < now.AddHours(-options.Value.OfflineSyncWindowHours) || occurredAt > now.AddMinutes(5)))
        {
            conflict = "redemptions.offline_out_of_window";
        }

        redemption.IdempotencyKey = key;
        redemption.RequestHash = RedeemHandler.RequestHash(request);
        redemption.Offline = true;
        redemption.DeviceId = device;
        redemption.LocalId = localId;
        redemption.ReversibleUntil = now;
        var counters = prepared.Counters ?? [];
        if (conflict is not null)
        {
            redemption.Status = RedemptionStatuses.Conflict;
            redemption.ConflictCode = conflict;
            return await StoreAsync(localId, "conflict", redemption, counters, enforce: true, ct);
        }

        var (result, exhausted) = await store.InsertAsync(redemption, counters, enforceLimits: true, ct);
        if (result == StoreResult.QuotaExhausted)
        {
            // The service was given offline and the right allows it: honoured past the quota, flagged.
            redemption.OverQuota = true;
            redemption.ConflictCode = RedemptionsErrors.QuotaExhausted.Code + ":" + exhausted!.Scope;
            return await StoreAsync(localId, "honoured_over_quota", redemption, counters, enforce: false, ct);
        }

        return await FinishAsync(localId, "redeemed", redemption, result, staff, key, ct);
    }

    private async Task<OfflineItemResult> StoreAsync(string localId, string outcome, Redemption redemption, IReadOnlyList<CounterKey> counters, bool enforce, CancellationToken ct)
    {
        var (result, _) = await store.InsertAsync(redemption, counters, enforce, ct);
        return result == StoreResult.Stored
            ? new OfflineItemResult(localId, outcome, redemption.Id, redemption.ConflictCode)
            : new OfflineItemResult(localId, "duplicate", null, null);
    }

    private async Task<OfflineItemResult> FinishAsync(string localId, string outcome, Redemption redemption, StoreResult result, Staff staff, string key, CancellationToken ct)
    {
        if (result == StoreResult.Stored)
        {
            return new OfflineItemResult(localId, outcome, redemption.Id, null);
        }

        var existing = await db.Redemptions.AsNoTracking().FirstOrDefaultAsync(r => r.OrganisationId == staff.OrganisationId && r.IdempotencyKey == key, ct);
        return new OfflineItemResult(localId, "duplicate", existing?.Id, existing?.ConflictCode);
    }

    private static Redemption ConflictRow(RightDefinition right, IdentifiedTalent talent, Staff staff, RedeemRequest request, DateTimeOffset occurredAt, DateTimeOffset now) => new()
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
        Beneficiary = string.IsNullOrWhiteSpace(request.Beneficiary) ? Beneficiaries.Self : request.Beneficiary.Trim(),
        FamilyMemberId = request.FamilyMemberId,
        PoolCode = request.PoolCode?.Trim(),
        ValueFen = right.ValueFen,
        Source = talent.Source,
        Status = RedemptionStatuses.Conflict,
        Counters = string.Empty,
        OccurredAt = occurredAt,
        RecordedAt = now,
        ReversibleUntil = now,
    };
}
