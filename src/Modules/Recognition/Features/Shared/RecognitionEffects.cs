using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Notifications.Contracts;
using TalentPass.Modules.Recognition.Domain;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Recognition.Features.Shared;

/// <summary>
/// What a recognition decision does outside this module, in order: the registry's level changes from the effective
/// date (<see cref="ITalentDecisions"/>; codes, cards and rights follow through its events), the certificate record is
/// recorded in the evidence ledger (kind <c>reward</c>, the digest of the canonical certificate record, the deciding
/// organisation as party, reference <c>recognition:&lt;id&gt;</c>), and the talent is notified. Only the level change can
/// fail the decision; a ledger or notification failure is logged and leaves the decision standing.
/// </summary>
internal sealed partial class RecognitionEffects(
    ITalentDecisions decisions,
    ILedger ledger,
    IOrganisationDirectory organisations,
    ICurrentUser user,
    OptionalServices optional,
    ILogger<RecognitionEffects> logger)
{
    public const string LedgerKind = LedgerKinds.Reward;

    public static string DecisionReference(Guid id) => "recognition/" + id.ToString("D");

    /// <summary>Changes the registry level. The application is not touched.</summary>
    public Task<Result> ChangeLevelAsync(RecognitionApplication application, string level, DateOnly effectiveOn, string reason, CancellationToken ct) =>
        decisions.ChangeLevelAsync(application.TalentId, level, null, effectiveOn, reason, DecisionReference(application.Id), user.AccountId, ct);

    /// <summary>Fills the certificate fields of an approved application (number, digest); call before saving it.</summary>
    public static void IssueCertificate(RecognitionApplication application)
    {
        var year = (application.EffectiveOn ?? DateOnly.FromDateTime(application.DecidedAt!.Value.UtcDateTime)).Year;
        var level = application.DecidedLevel switch
        {
            "youth" => "Y",
            "social" => "S",
            { } l => l.ToUpperInvariant(),
            null => "X",
        };
        application.CertificateNumber = string.Create(CultureInfo.InvariantCulture, $"RC-{year}-{level}-{Suffix(application.Id)}");
        application.CertificateDigest = LedgerDigest.Sha256(Encoding.UTF8.GetBytes(CertificateRecord(application)));
    }

    /// <summary>The last 8 hex digits of the id (random in a version-7 GUID), upper case.</summary>
    public static string Suffix(Guid id) => id.ToString("N")[^8..].ToUpperInvariant();

    /// <summary>The canonical certificate record whose SHA-256 goes to the ledger (no personal data: the talent by id).</summary>
    public static string CertificateRecord(RecognitionApplication a) => string.Join('\n',
        "talentpass/recognition-certificate/v1",
        "certificate " + a.CertificateNumber,
        "recognition " + a.Id.ToString("D"),
        "talent " + a.TalentId.ToString("D"),
        "path " + a.Path,
        "level " + a.DecidedLevel,
        "effective " + a.EffectiveOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "catalogue " + a.CatalogueVersion,
        "decided " + a.DecidedAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)) + "\n";

    /// <summary>Records the certificate in the ledger; returns its index or null when the ledger refused (logged).</summary>
    public async Task<long?> RecordAsync(RecognitionApplication application, CancellationToken ct)
    {
        var party = user.OrganisationId is { } org ? (await organisations.GetAsync(org, ct))?.Code : null;
        var draft = new LedgerEntryDraft(LedgerKind, application.CertificateDigest!, [party ?? "talent-office"], "recognition",
            application.DecidedAt, "recognition:" + application.Id.ToString("D"));
        var result = await ledger.AppendAsync(draft, ct);
        if (result.IsSuccess)
        {
            return result.Value!.Index;
        }

        LogLedgerRefused(logger, application.Id, result.Error.Code);
        return null;
    }

    /// <summary>Tells the talent (inbox and SMS) about a decision; never fails the caller.</summary>
    public async Task NotifyAsync(RecognitionApplication application, TalentSummary? talent, CancellationToken ct)
    {
        var notifier = optional.Get<INotifier>();
        if (notifier is null || talent?.AccountId is not { } account)
        {
            return;
        }

        var (titleZh, titleEn, bodyZh, bodyEn) = application.Status switch
        {
            RecognitionStatus.Approved => (
                "人才认定结果：已认定",
                "Talent recognition: recognised",
                $"您已被认定为{RecognitionLevels.Label(application.DecidedLevel, false)}，自 {application.EffectiveOn:yyyy-MM-dd} 起生效，证书编号 {application.CertificateNumber}。",
                $"You are recognised as {RecognitionLevels.Label(application.DecidedLevel, true)} from {application.EffectiveOn:yyyy-MM-dd}; certificate {application.CertificateNumber}."),
            RecognitionStatus.Revoked => (
                "人才认定已撤销",
                "Talent recognition revoked",
                $"认定 {application.Number} 已被撤销：{application.RevokeReason}",
                $"Recognition {application.Number} was revoked: {application.RevokeReason}"),
            _ => (
                "人才认定结果：未予认定",
                "Talent recognition: not recognised",
                $"认定申请 {application.Number} 未予认定：{application.DecisionReason}",
                $"Recognition application {application.Number} was not granted: {application.DecisionReason}"),
        };
        try
        {
            await notifier.NotifyAsync(new NotificationDraft(account, "recognition." + application.Status, titleZh, titleEn, bodyZh, bodyEn,
                "/me/recognitions", talent.Id, $"recognition:{application.Id:N}:{application.Status}"), ct);
        }
#pragma warning disable CA1031 // a notification must never undo a decision
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogNotifyFailed(logger, application.Id, e);
        }
    }

    [LoggerMessage(EventId = 7400, Level = LogLevel.Error, Message = "The ledger refused the certificate of recognition {Id}: {Code}")]
    private static partial void LogLedgerRefused(ILogger logger, Guid id, string code);

    [LoggerMessage(EventId = 7401, Level = LogLevel.Warning, Message = "Notifying the talent of recognition {Id} failed")]
    private static partial void LogNotifyFailed(ILogger logger, Guid id, Exception exception);
}
