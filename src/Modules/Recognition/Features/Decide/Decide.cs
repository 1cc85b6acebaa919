using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Recognition.Domain;
using TalentPass.Modules.Recognition.Features.Shared;
using TalentPass.Modules.Recognition.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Recognition.Features.Decide;

internal sealed record DecideRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    public bool? Approve { get; init; }

    /// <summary>Defaults to the recommended level (expert review) or the level applied for (standard); never above it.</summary>
    public string? Level { get; init; }

    /// <summary>Defaults to today (Asia/Shanghai); within the past year, not in the future.</summary>
    public DateOnly? EffectiveOn { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(500, ErrorMessage = "最多500个字符 / At most 500 characters.")]
    public string? Reason { get; init; }

    public int? Version { get; init; }
}

internal sealed record RevokeRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(500, ErrorMessage = "最多500个字符 / At most 500 characters.")]
    public string? Reason { get; init; }
}

internal sealed record MailRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(50, ErrorMessage = "最多50个字符 / At most 50 characters.")]
    public string? Carrier { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(40, MinimumLength = 6, ErrorMessage = "6–40个字符 / 6–40 characters.")]
    [RegularExpression("^[A-Za-z0-9-]+$", ErrorMessage = "仅字母、数字和连字符 / Letters, digits and hyphens only.")]
    public string? TrackingNumber { get; init; }
}

/// <summary>
/// The talent office's decisions. Approve: the application is claimed first (status and version, so two deciders
/// cannot both act), then the registry level changes from the effective date; if the registry refuses, the claim is
/// undone and the error returned. Then the certificate is issued, recorded in the ledger and the talent notified.
/// Same-person rules: the decider was not on the panel and did not file the application for the talent.
/// Revoke (any path): the recognition stops, the talent returns to the level held before (if still at the recognised
/// level), an employer's quota place is given back.
/// </summary>
internal sealed class DecideHandler(
    RecognitionDbContext db,
    RecognitionAccess access,
    ITalentDirectory talents,
    RecognitionEffects effects,
    ApplicationViewBuilder views,
    TimeProvider clock)
{
    public async Task<Result<ApplicationView>> DecideAsync(Guid id, DecideRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return RecognitionErrors.NotFound;
        }

        if (request.Version is { } v && v != application.Version)
        {
            return RecognitionErrors.VersionConflict;
        }

        var expected = application.Path == RecognitionPaths.ExpertReview ? RecognitionStatus.Reviewed : RecognitionStatus.Submitted;
        if (application.Path == RecognitionPaths.Employer || application.Status != expected)
        {
            return application.Path == RecognitionPaths.Employer ? RecognitionErrors.WrongPath : RecognitionErrors.WrongState;
        }

        var me = access.AccountId;
        if ((application.SubmittedOnBehalf && application.SubmittedBy == me)
            || await db.PanelMembers.AnyAsync(m => m.ApplicationId == id && m.ExpertAccountId == me, ct))
        {
            return RecognitionErrors.SamePerson;
        }

        var now = clock.GetUtcNow();
        var today = BusinessTime.Today(clock);
        var reason = request.Reason!.Trim();
        if (request.Approve == false)
        {
            application.Status = RecognitionStatus.Refused;
            application.DecidedBy = access.User.AccountId;
            application.DecidedAt = now;
            application.DecisionReason = reason;
            application.Version++;
            if (!await db.TrySaveAsync(ct))
            {
                return RecognitionErrors.VersionConflict;
            }

            await effects.NotifyAsync(application, await talents.GetAsync(application.TalentId, ct), ct);
            return await views.BuildAsync(application, ct);
        }

        var ceiling = application.Path == RecognitionPaths.ExpertReview ? application.RecommendedLevel : SupportedLevel(application);
        if (ceiling is null)
        {
            return RecognitionErrors.NoRecommendation;
        }

        var level = request.Level is null ? ceiling : RecognitionLevels.Normalise(request.Level);
        if (level is null || !RecognitionLevels.IsGrantable(level))
        {
            return RecognitionErrors.LevelUnknown;
        }

        if (RecognitionLevels.Rank(level) < RecognitionLevels.Rank(ceiling))
        {
            return RecognitionErrors.LevelAboveRecommendation;
        }

        var effectiveOn = request.EffectiveOn ?? today;
        if (effectiveOn > today || effectiveOn < today.AddYears(-1))
        {
            return RecognitionErrors.EffectiveDateInvalid;
        }

        var talent = await talents.GetAsync(application.TalentId, ct);
        if (talent is null)
        {
            return RecognitionErrors.TalentNotFound;
        }

        if (!RecognitionLevels.Raises(talent.Level, level))
        {
            return RecognitionErrors.NotAnUpgrade;
        }

        var before = application.Status;
        application.Status = RecognitionStatus.Approved;
        application.DecidedLevel = level;
        application.DecidedBy = access.User.AccountId;
        application.DecidedAt = now;
        application.DecisionReason = reason;
        application.EffectiveOn = effectiveOn;
        application.Version++;
        RecognitionEffects.IssueCertificate(application);
        if (!await db.TrySaveAsync(ct))
        {
            return RecognitionErrors.VersionConflict;
        }

        var changed = await effects.ChangeLevelAsync(application, level, effectiveOn, $"人才认定（{RecognitionPaths.Label(application.Path, false)}）{application.Number} / Recognition {application.Number}", ct);
        if (!changed.IsSuccess)
        {
            application.Status = before;
            application.DecidedLevel = null;
            application.DecidedBy = null;
            application.DecidedAt = null;
            application.DecisionReason = null;
            application.EffectiveOn = null;
            application.CertificateNumber = null;
            application.CertificateDigest = null;
            application.Version++;
            await db.SaveChangesAsync(ct);
            return changed.Error;
        }

        application.LedgerIndex = await effects.RecordAsync(application, ct);
        await db.SaveChangesAsync(ct);
        await effects.NotifyAsync(application, talent, ct);
        return await views.BuildAsync(application, ct);
    }

    /// <summary>By standard: the highest level any cited criterion supports, capped at the level applied for.</summary>
    private static string? SupportedLevel(RecognitionApplication a)
    {
        var best = a.CriterionCodes.Select(c => CriteriaCatalogue.Current.Find(c)?.Level).Aggregate((string?)null, RecognitionLevels.Higher);
        return best is null ? null : RecognitionLevels.Rank(best) < RecognitionLevels.Rank(a.RequestedLevel) ? a.RequestedLevel : best;
    }

    public async Task<Result<ApplicationView>> RevokeAsync(Guid id, RevokeRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return RecognitionErrors.NotFound;
        }

        if (application.Status != RecognitionStatus.Approved)
        {
            return RecognitionErrors.NotApproved;
        }

        var now = clock.GetUtcNow();
        application.Status = RecognitionStatus.Revoked;
        application.RevokedAt = now;
        application.RevokedBy = access.User.AccountId;
        application.RevokeReason = request.Reason!.Trim();
        application.Version++;
        if (!await db.TrySaveAsync(ct))
        {
            return RecognitionErrors.VersionConflict;
        }

        if (application.Path == RecognitionPaths.Employer && application.QuotaYear is { } year && application.EmployerOrganisationId is { } org)
        {
            var level = application.DecidedLevel;
            await db.Quotas.Where(q => q.OrganisationId == org && q.Year == year && q.Level == level && q.Used > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.Used, q => q.Used - 1).SetProperty(q => q.UpdatedAt, now), ct);
        }

        var talent = await talents.GetAsync(application.TalentId, ct);
        if (talent is not null && talent.Level == application.DecidedLevel)
        {
            var back = application.LevelAtSubmission ?? "reserve";
            var result = await effects.ChangeLevelAsync(application, back, BusinessTime.Today(clock), $"撤销人才认定 {application.Number} / Recognition {application.Number} revoked: {application.RevokeReason}", ct);
            if (!result.IsSuccess)
            {
                // the revocation stands; the registry level is left for the office to correct (shown on the page)
                application.RevokeReason += $" [level: {result.Error.Code}]";
                await db.SaveChangesAsync(ct);
            }
        }

        await effects.NotifyAsync(application, talent, ct);
        return await views.BuildAsync(application, ct);
    }

    public async Task<Result<ApplicationView>> MailAsync(Guid id, MailRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is not null)
        {
            return RecognitionErrors.TrackingInvalid;
        }

        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return RecognitionErrors.NotFound;
        }

        if (application.Status != RecognitionStatus.Approved)
        {
            return RecognitionErrors.NotApproved;
        }

        application.MailCarrier = request.Carrier!.Trim();
        application.MailTrackingNumber = request.TrackingNumber!.Trim().ToUpperInvariant();
        application.MailedAt = clock.GetUtcNow();
        application.Version++;
        if (!await db.TrySaveAsync(ct))
        {
            return RecognitionErrors.VersionConflict;
        }

        return await views.BuildAsync(application, ct);
    }

    public static void Map(RouteGroupBuilder office)
    {
        office.MapCommand<DecideRequest, DecideHandler, ApplicationView>("/applications/{id:guid}/decision", "DecideRecognition",
            "Approve (level from an effective date, certificate, ledger) or refuse a recognition (talent office)", (h, id, r, ct) => h.DecideAsync(id, r, ct));
        office.MapCommand<RevokeRequest, DecideHandler, ApplicationView>("/applications/{id:guid}/revocation", "RevokeRecognition",
            "Revoke a recognition in force, including an employer's self-recognition (talent office)", (h, id, r, ct) => h.RevokeAsync(id, r, ct));
        office.MapCommand<MailRequest, DecideHandler, ApplicationView>("/applications/{id:guid}/mailing", "MailRecognitionCertificate",
            "Record that the certificate was mailed, with carrier and tracking number (talent office)", (h, id, r, ct) => h.MailAsync(id, r, ct));
    }
}
