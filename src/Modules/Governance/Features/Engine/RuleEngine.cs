using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentPass.Modules.DataSharing.Contracts;
using TalentPass.Modules.Governance.Domain;
using TalentPass.Modules.Governance.Features.Cases;
using TalentPass.Modules.Governance.Persistence;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Reviews.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Governance.Features.Engine;

/// <summary>What one evaluation did.</summary>
internal sealed record EvaluationResult(int RulesEvaluated, int CandidatesChecked, int CasesOpened, int TerminationsFinalised);

/// <summary>
/// Evaluates the active rules that have automatic conditions. Candidates are the talents that surfaced in any
/// condition source (misuse reports in the longest window, overdue reviews, confirmed signals) — or one given talent;
/// for each rule and candidate every condition the rule sets must hold (the data-sharing check last, as it costs a
/// look-up). A match opens a case with the facts and sends the notice — never a decision. Multi-node safe: a run starts
/// by updating the engine-state row inside a transaction (row lock on PostgreSQL, the write lock on SQLite) and the
/// open-case unique index refuses duplicates.
/// </summary>
internal sealed class RuleEngine(
    GovernanceDbContext db,
    CaseWorkflow workflow,
    IDataSharing dataSharing,
    IOrganisationDirectory organisations,
    IServiceProvider services,
    IOptions<GovernanceOptions> options,
    TimeProvider clock)
{
    public async Task<EvaluationResult> EvaluateAsync(Guid? onlyTalent, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = BusinessTime.Today(clock);
        var rules = await db.Rules.AsNoTracking().Where(r => r.Status == "active").ToListAsync(ct);
        rules = rules.Where(r => new RuleDefinition(r.NameZh, r.NameEn, r.MisuseReportsMin, r.MisuseReportsDays, r.ReviewOverdue, r.LeftArea,
            r.ConfirmedSignal, r.ResponseWorkingDays, r.DeciderRole, r.DeciderNotSender, r.Effect, r.EffectPartnerId, r.TerminationGround).HasAutomaticCondition).ToList();

        // Overdue reviews come from the Reviews module when it is present.
        var reviews = services.GetService<IReviewDirectory>();
        var max = options.Value.EvaluationBatch;
        var overdue = new Dictionary<Guid, ReviewState>();
        if (reviews is not null && rules.Any(r => r.ReviewOverdue))
        {
            if (onlyTalent is { } one)
            {
                if (await reviews.GetLatestAsync(one, ct) is { } latest && IsOverdue(latest, today))
                {
                    overdue[one] = latest;
                }
            }
            else
            {
                foreach (var review in await reviews.ListOverdueAsync(today, max, ct))
                {
                    overdue.TryAdd(review.TalentId, review);
                }
            }
        }

        var longestWindow = rules.Where(r => r.MisuseReportsDays is not null).Select(r => r.MisuseReportsDays!.Value).DefaultIfEmpty(0).Max();
        var since = now.AddDays(-longestWindow);
        var reportsQuery = db.MisuseReports.AsNoTracking().Where(m => m.OccurredAt >= since);
        var signalsQuery = db.Signals.AsNoTracking().Where(s => s.Status == SignalStatuses.Confirmed);
        if (onlyTalent is { } only)
        {
            reportsQuery = reportsQuery.Where(m => m.TalentId == only);
            signalsQuery = signalsQuery.Where(s => s.TalentId == only);
        }

        var reports = longestWindow == 0 ? [] : await reportsQuery.OrderByDescending(m => m.OccurredAt).Take(max * 4).ToListAsync(ct);
        var signals = await signalsQuery.OrderByDescending(s => s.DetectedAt).Take(max).ToListAsync(ct);
        var candidates = onlyTalent is { } single
            ? [single]
            : reports.Select(r => r.TalentId).Concat(overdue.Keys).Concat(signals.Select(s => s.TalentId)).Distinct().Take(max).ToList();
        var open = (await db.Cases.AsNoTracking().Where(c => c.Status == CaseStatuses.Noticed).Select(c => new { c.TalentId, c.RuleCode }).ToListAsync(ct))
            .Select(c => (c.TalentId, c.RuleCode)).ToHashSet();
        var leftArea = new Dictionary<Guid, DataSharingAnswer>();
        var opened = 0;
        foreach (var rule in rules)
        {
            foreach (var talentId in candidates)
            {
                if (open.Contains((talentId, rule.Code)))
                {
                    continue;
                }

                var facts = new JsonObject
                {
                    ["rule"] = rule.Code + "@" + rule.Version.ToString(CultureInfo.InvariantCulture),
                    ["evaluatedAt"] = now,
                    ["openedBy"] = "rule_engine",
                };
                if (!await MatchesAsync(rule, talentId, reports, overdue, signals, leftArea, facts, now, ct))
                {
                    continue;
                }

                var result = await workflow.OpenAsync(rule, talentId, facts, null, ct);
                if (result.IsSuccess)
                {
                    opened++;
                    open.Add((talentId, rule.Code));
                }
            }
        }

        var finalised = onlyTalent is null ? await workflow.FinaliseDueTerminationsAsync(ct) : 0;
        return new EvaluationResult(rules.Count, candidates.Count, opened, finalised);
    }

    private static bool IsOverdue(ReviewState review, DateOnly today) =>
        review.Status == "overdue" || (review.CompletedAt is null && review.Status == "pending" && review.DueOn < today);

    private async Task<bool> MatchesAsync(
        RuleRow rule, Guid talentId, List<MisuseReportRow> reports, Dictionary<Guid, ReviewState> overdue, List<SignalRow> signals,
        Dictionary<Guid, DataSharingAnswer> leftArea, JsonObject facts, DateTimeOffset now, CancellationToken ct)
    {
        if (rule.MisuseReportsMin is { } min)
        {
            var since = now.AddDays(-(rule.MisuseReportsDays ?? 0));
            var matching = reports.Where(r => r.TalentId == talentId && r.OccurredAt >= since
                && (rule.OwnerKind != RuleOwners.Partner || r.OrganisationId == rule.OwnerOrganisationId)).ToList();
            if (matching.Count < min)
            {
                return false;
            }

            var items = new JsonArray();
            foreach (var report in matching)
            {
                var organisation = report.OrganisationId is { } id ? (await organisations.GetAsync(id, ct))?.Code : null;
                items.Add(new JsonObject
                {
                    ["id"] = report.Id,
                    ["organisation"] = organisation,
                    ["channel"] = report.Channel,
                    ["occurredAt"] = report.OccurredAt,
                });
            }

            facts["misuseReports"] = new JsonObject { ["count"] = matching.Count, ["withinDays"] = rule.MisuseReportsDays, ["reports"] = items };
        }

        if (rule.ReviewOverdue)
        {
            if (!overdue.TryGetValue(talentId, out var review))
            {
                return false;
            }

            facts["reviewOverdue"] = new JsonObject
            {
                ["reviewId"] = review.ReviewId,
                ["campaignId"] = review.CampaignId,
                ["status"] = review.Status,
                ["dueOn"] = review.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
        }

        if (rule.ConfirmedSignal)
        {
            var confirmed = signals.Where(s => s.TalentId == talentId).ToList();
            if (confirmed.Count == 0)
            {
                return false;
            }

            facts["confirmedSignals"] = new JsonArray(confirmed.Select(s => (JsonNode)new JsonObject
            {
                ["id"] = s.Id,
                ["kind"] = s.Kind,
                ["firstAt"] = s.FirstAt,
                ["secondAt"] = s.SecondAt,
            }).ToArray());
        }

        if (rule.LeftArea)
        {
            if (!leftArea.TryGetValue(talentId, out var answer))
            {
                answer = await dataSharing.LookUpAsync(talentId, DataSources.SocialInsurance, "governance:rule:" + rule.Code, ct);
                leftArea[talentId] = answer;
            }

            var left = answer.Outcome == DataSharingOutcome.Found
                && answer.Fields.TryGetValue("contributing", out var contributing)
                && string.Equals(contributing, "false", StringComparison.OrdinalIgnoreCase);
            if (!left)
            {
                return false;
            }

            facts["leftArea"] = new JsonObject
            {
                ["source"] = answer.Source,
                ["evidence"] = "datasharing:answer:" + answer.Id.ToString("D"),
                ["fetchedAt"] = answer.FetchedAt,
                ["answerSha256"] = answer.AnswerSha256,
            };
        }

        return true;
    }
}
