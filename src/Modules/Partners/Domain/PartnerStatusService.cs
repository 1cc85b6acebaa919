using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Partners.ApiSecurity;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.Modules.Partners.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Partners.Domain;

internal static class PartnerActions
{
    public const string Suspend = "suspend";
    public const string Reinstate = "reinstate";
    public const string Leave = "leave";

    public static readonly IReadOnlyList<string> All = [Suspend, Reinstate, Leave];

    /// <summary>The status an action leads to from <paramref name="from"/>, or null when the transition is not allowed.</summary>
    public static string? Target(string action, string from) => (action, from) switch
    {
        (Suspend, PartnerStatuses.Active) => PartnerStatuses.Suspended,
        (Reinstate, PartnerStatuses.Suspended) => PartnerStatuses.Active,
        (Leave, PartnerStatuses.Active or PartnerStatuses.Suspended) => PartnerStatuses.Left,
        _ => null,
    };
}

/// <summary>
/// Suspends, reinstates or ends a partnership (talent office: any partner; operator: consumer partners). The change and
/// its history row are committed first; then the decision document's SHA-256 is recorded in the evidence ledger
/// (<c>suspension_decision</c> for suspension and reinstatement, <c>termination_decision</c> for leaving) and every
/// <see cref="IPartnerStatusHandler"/> is called (a handler's failure is logged, the decision stands).
/// </summary>
internal sealed partial class PartnerStatusService(
    PartnersDbContext db,
    ICurrentUser user,
    ILedger ledger,
    IAuditTrail audit,
    IEnumerable<IPartnerStatusHandler> handlers,
    PartnerApiCache cache,
    TimeProvider clock,
    ILogger<PartnerStatusService> logger)
{
    public bool CanChange(string kind) =>
        user.IsInRole(Roles.TalentOffice) || (user.IsInRole(Roles.Operator) && kind == PartnerKinds.Consumer);

    public async Task<Result<PartnerStatusChanged>> ChangeAsync(Guid organisationId, string? action, string? reason, int? version, CancellationToken ct)
    {
        var row = await db.Partners.SingleOrDefaultAsync(p => p.OrganisationId == organisationId, ct);
        if (row is null || !user.IsInAnyRole(Roles.TalentOffice, Roles.Operator))
        {
            return row is null ? PartnersErrors.PartnerNotFound : PartnersErrors.Forbidden;
        }

        if (!CanChange(row.Kind))
        {
            return PartnersErrors.Forbidden;
        }

        if (!PartnerRules.IsValidReason(reason))
        {
            return PartnersErrors.ReasonRequired;
        }

        if (action is null || PartnerActions.Target(action, row.Status) is not { } to)
        {
            return PartnersErrors.StatusTransitionInvalid;
        }

        if (version is { } v && v != row.Version)
        {
            return PartnersErrors.VersionConflict;
        }

        var now = clock.GetUtcNow();
        var from = row.Status;
        var document = JsonSerializer.SerializeToUtf8Bytes(new
        {
            type = "talentpass.partner_status_decision",
            organisation = row.Code,
            from,
            to,
            reason = reason!.Trim(),
            decidedAt = now.ToUnixTimeSeconds(),
            decidedBy = user.AccountId,
        });
        var change = new StatusChangeRow
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = row.OrganisationId,
            FromStatus = from,
            ToStatus = to,
            Reason = reason.Trim(),
            ChangedAt = now,
            ChangedBy = user.AccountId,
            DocumentDigest = LedgerDigest.Sha256(document),
        };
        row.Status = to;
        row.StatusReason = change.Reason;
        row.StatusChangedAt = now;
        row.Version++;
        db.StatusChanges.Add(change);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PartnersErrors.VersionConflict;
        }

        cache.InvalidatePartner(row.OrganisationId);
        await audit.RecordAsync(new AuditRecord("partners.status_changed", "organisation", row.OrganisationId.ToString(), $"code={row.Code}; {from} -> {to}"), ct);

        var kind = to == PartnerStatuses.Left ? LedgerKinds.TerminationDecision : LedgerKinds.SuspensionDecision;
        var evidence = await ledger.AppendAsync(new LedgerEntryDraft(kind, change.DocumentDigest, [row.Code], PartnerOnboarding.Source, now, $"partner-status:{change.Id}"), ct);
        if (evidence.IsSuccess)
        {
            change.LedgerIndex = evidence.Value.Index;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        else
        {
            LogEvidenceFailed(logger, evidence.Error.Code, change.Id);
        }

        var changed = new PartnerStatusChanged(row.OrganisationId, from, to, change.Reason, now);
        foreach (var handler in handlers)
        {
            try
            {
                await handler.HandleAsync(changed, ct);
            }
#pragma warning disable CA1031 // the decision is committed; a subscriber's failure must not turn it into an error
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogHandlerFailed(logger, ex, handler.GetType().Name);
            }
        }

        return changed;
    }

    [LoggerMessage(EventId = 5120, Level = LogLevel.Error, Message = "Evidence for partner status change {ChangeId} was not recorded: {Code}")]
    private static partial void LogEvidenceFailed(ILogger logger, string code, Guid changeId);

    [LoggerMessage(EventId = 5121, Level = LogLevel.Error, Message = "Partner status handler {Handler} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler);
}

internal sealed class PartnerDirectory(PartnersDbContext db) : IPartnerDirectory
{
    public async Task<PartnerInfo?> GetAsync(Guid organisationId, CancellationToken cancellationToken = default) =>
        await db.Partners.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId)
            .Select(p => new PartnerInfo(p.OrganisationId, p.Code, p.Name, p.Kind, p.Status))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<PartnerInfo>> ListAsync(string? kind = null, CancellationToken cancellationToken = default)
    {
        var query = db.Partners.AsNoTracking();
        if (!string.IsNullOrEmpty(kind))
        {
            query = query.Where(p => p.Kind == kind);
        }

        return await query.OrderBy(p => p.Code)
            .Select(p => new PartnerInfo(p.OrganisationId, p.Code, p.Name, p.Kind, p.Status))
            .ToListAsync(cancellationToken);
    }
}
