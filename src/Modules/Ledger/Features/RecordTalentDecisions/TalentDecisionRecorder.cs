using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Talents.Contracts;

namespace TalentPass.Modules.Ledger.Features.RecordTalentDecisions;

/// <summary>
/// Records the talent office's suspension and termination decisions (Talents module events) in the ledger:
/// kind <c>suspension_decision</c> / <c>termination_decision</c>, the digest of the canonical decision record
/// (<c>talentpass/talent-status-decision/v1</c>: talent id, from, to, instant), the deciding organisation as party,
/// reference <c>talent:&lt;id&gt;</c> (an opaque id — no name, no ID number). Idempotent: the decision instant is the entry time.
/// </summary>
internal sealed partial class TalentDecisionRecorder(ILedger ledger, ICurrentUser user, IOrganisationDirectory organisations, ILogger<TalentDecisionRecorder> logger)
    : ITalentEventHandler
{
    public Task HandleAsync(TalentLevelChanged change, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task HandleAsync(TalentStatusChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var kind = change.ToStatus switch
        {
            "suspended" => LedgerKinds.SuspensionDecision,
            "terminated" => LedgerKinds.TerminationDecision,
            _ => null,
        };
        if (kind is null)
        {
            return;
        }

        var decider = user.OrganisationId is { } id ? (await organisations.GetAsync(id, cancellationToken))?.Code : null;
        var record = string.Join('\n',
            "talentpass/talent-status-decision/v1",
            "talent " + change.TalentId.ToString("D"),
            "from " + change.FromStatus,
            "to " + change.ToStatus,
            "at " + change.ChangedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)) + "\n";
        var draft = new LedgerEntryDraft(kind, LedgerDigest.Sha256(Encoding.UTF8.GetBytes(record)), [decider ?? "talent-office"], "talents",
            change.ChangedAt, "talent:" + change.TalentId.ToString("D"));
        var result = await ledger.AppendAsync(draft, cancellationToken);
        if (result.IsSuccess)
        {
            LogRecorded(logger, kind, result.Value!.Index);
        }
        else
        {
            LogRefused(logger, kind, result.Error.Code);
        }
    }

    [LoggerMessage(EventId = 4030, Level = LogLevel.Information, Message = "Recorded {Kind} in the ledger at index {Index}")]
    private static partial void LogRecorded(ILogger logger, string kind, long index);

    [LoggerMessage(EventId = 4031, Level = LogLevel.Error, Message = "The ledger refused a {Kind} entry: {Code}")]
    private static partial void LogRefused(ILogger logger, string kind, string code);
}
