using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using TalentPass.Modules.Governance.Persistence;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Ledger.Contracts;

namespace TalentPass.Modules.Governance.Features.Cases;

/// <summary>
/// Stores a decision with its rule version, facts and decider, and records it as ledger evidence: the digest of the
/// canonical decision document (<c>talentpass/governance-decision/v1</c>), the decider's organisation code as party,
/// reference <c>governance-case:&lt;id&gt;</c>. A refused or failed ledger append is logged and leaves the decision
/// without an index (visible on the case page) — the decision itself stands.
/// </summary>
internal sealed partial class DecisionRecorder(
    GovernanceDbContext db,
    ILedger ledger,
    IOrganisationDirectory organisations,
    ILogger<DecisionRecorder> logger)
{
    public async Task<DecisionRow> RecordAsync(
        CaseRow @case, string kind, string outcome, string? ledgerKind, Guid? decidedBy, string deciderRole, Guid? deciderOrganisation,
        string reason, string? ground, DateTimeOffset at, CancellationToken ct)
    {
        var document = string.Join('\n',
            "talentpass/governance-decision/v1",
            "case " + @case.Id.ToString("D"),
            "talent " + @case.TalentId.ToString("D"),
            "kind " + kind,
            "outcome " + outcome,
            "rule " + @case.RuleCode + "@" + @case.RuleVersion.ToString(CultureInfo.InvariantCulture),
            "ground " + (ground ?? "-"),
            "decider " + (decidedBy?.ToString("D") ?? "-") + " " + deciderRole,
            "at " + at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            "facts " + LedgerDigest.Sha256(Encoding.UTF8.GetBytes(@case.FactsJson)),
            "reason " + LedgerDigest.Sha256(Encoding.UTF8.GetBytes(reason))) + "\n";
        var row = new DecisionRow
        {
            Id = Guid.CreateVersion7(at),
            CaseId = @case.Id,
            TalentId = @case.TalentId,
            Kind = kind,
            Outcome = outcome,
            RuleCode = @case.RuleCode,
            RuleVersion = @case.RuleVersion,
            FactsJson = @case.FactsJson,
            DecidedBy = decidedBy,
            DeciderRole = deciderRole,
            Reason = reason,
            Ground = ground,
            DecidedAt = at,
            DocumentDigest = LedgerDigest.Sha256(Encoding.UTF8.GetBytes(document)),
            LedgerKind = ledgerKind,
        };
        db.Decisions.Add(row);
        await db.SaveChangesAsync(ct);

        if (ledgerKind is not null)
        {
            var party = deciderOrganisation is { } id ? (await organisations.GetAsync(id, ct))?.Code : null;
            var draft = new LedgerEntryDraft(ledgerKind, row.DocumentDigest, [party ?? "talent-office"], "governance", at, "governance-case:" + @case.Id.ToString("D"));
            var appended = await ledger.AppendAsync(draft, ct);
            if (appended.IsSuccess)
            {
                row.LedgerIndex = appended.Value.Index;
                await db.SaveChangesAsync(ct);
            }
            else
            {
                LogLedgerRefused(logger, ledgerKind, appended.Error.Code);
            }
        }

        return row;
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Error, Message = "The ledger refused a governance {Kind} entry: {Code}")]
    private static partial void LogLedgerRefused(ILogger logger, string kind, string code);
}
