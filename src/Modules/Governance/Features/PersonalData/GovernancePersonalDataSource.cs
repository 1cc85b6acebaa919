using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.Modules.Governance.Persistence;

namespace TalentPass.Modules.Governance.Features.PersonalData;

/// <summary>The talent's cases (facts, response, decisions, appeals) and the misuse reports and signals about them.</summary>
internal sealed class GovernancePersonalDataSource(GovernanceDbContext db) : IPersonalDataSource
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Key => "governance";

    public async Task<PersonalDataSection> ExportAsync(Guid talentId, CancellationToken cancellationToken)
    {
        var cases = await db.Cases.AsNoTracking().Where(c => c.TalentId == talentId).OrderBy(c => c.OpenedAt).ToListAsync(cancellationToken);
        var ids = cases.Select(c => c.Id).ToList();
        var decisions = await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.CaseId)).OrderBy(d => d.DecidedAt).ToListAsync(cancellationToken);
        var appeals = await db.Appeals.AsNoTracking().Where(a => a.TalentId == talentId).ToListAsync(cancellationToken);
        var reports = await db.MisuseReports.AsNoTracking().Where(m => m.TalentId == talentId).OrderBy(m => m.OccurredAt).ToListAsync(cancellationToken);
        var signals = await db.Signals.AsNoTracking().Where(s => s.TalentId == talentId).OrderBy(s => s.DetectedAt).ToListAsync(cancellationToken);
        var data = new JsonObject
        {
            ["cases"] = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["rule"] = c.RuleCode + "@" + c.RuleVersion,
                ["effect"] = c.Effect,
                ["status"] = c.Status,
                ["outcome"] = c.Outcome,
                ["openedAt"] = c.OpenedAt,
                ["respondUntil"] = c.RespondUntil,
                ["response"] = c.Response,
                ["decidedAt"] = c.DecidedAt,
                ["decisionReason"] = c.DecisionReason,
                ["appealUntil"] = c.AppealUntil,
                ["facts"] = JsonNode.Parse(c.FactsJson),
                ["decisions"] = new JsonArray(decisions.Where(d => d.CaseId == c.Id).Select(d => (JsonNode)new JsonObject
                {
                    ["kind"] = d.Kind,
                    ["outcome"] = d.Outcome,
                    ["decidedAt"] = d.DecidedAt,
                    ["reason"] = d.Reason,
                    ["ground"] = d.Ground,
                    ["documentDigest"] = d.DocumentDigest,
                    ["ledgerIndex"] = d.LedgerIndex,
                }).ToArray()),
                ["appeal"] = appeals.FirstOrDefault(a => a.CaseId == c.Id) is { } a
                    ? new JsonObject { ["grounds"] = a.Grounds, ["filedAt"] = a.FiledAt, ["status"] = a.Status, ["decidedAt"] = a.DecidedAt, ["reason"] = a.Reason }
                    : null,
            }).ToArray()),
            ["misuseReports"] = JsonSerializer.SerializeToNode(reports.Select(r => new { r.Channel, r.Description, r.OccurredAt }), Json),
            ["signals"] = JsonSerializer.SerializeToNode(signals.Select(s => new { s.Kind, s.Status, s.FirstAt, s.SecondAt, s.ReviewNote }), Json),
        };
        return new PersonalDataSection("governance", "权益处理（暂停、终止、复议）", "Governance (suspensions, terminations, appeals)", data);
    }
}
