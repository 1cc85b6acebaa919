using System.Data.Common;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Services.Persistence;

namespace TalentPass.Modules.Services.Features.Apply;

/// <summary>
/// Writes planned applications — any number — in ONE transaction with plain ADO.NET (a handful of statements per
/// table, binary COPY on PostgreSQL for batches). Decisions are inserted last, under a transaction-scoped lock on
/// PostgreSQL, so their sequence numbers become visible in commit order (the durable decision list never skips).
/// </summary>
internal sealed class ApplicationWriter(IDbConnectionFactory connections)
{
    /// <summary>Advisory lock key of the decision list (PostgreSQL); SQLite serialises writers anyway.</summary>
    public const long DecisionLockKey = 0x5345525649434553; // "SERVICES"

    private static readonly string[] ApplicationColumns =
        ["id", "reference", "talent_id", "channel", "submitted_by", "window_organisation_id", "identity_checked_at", "submitted_at", "accepted_on"];

    private static readonly string[] ItemColumns =
    [
        "id", "application_id", "reference", "talent_id", "talent_account_id", "talent_masked_name", "matter_code", "matter_version", "status",
        "accepted_on", "due_on", "due_problem", "paused_since", "paused_working_days", "supplement_request", "outcome", "decided_at", "decided_on",
        "auto_decided", "rule_version", "evidence", "explanation_zh", "explanation_en", "clerk_reason_zh", "clerk_reason_en", "prefill", "materials",
        "amount_fen", "payments", "delivery", "tracking_number", "delivered_at", "warned_at", "escalated_at", "updated_at", "version",
    ];

    private static readonly string[] StepColumns =
    [
        "id", "item_id", "application_id", "reference", "matter_code", "talent_masked_name", "department_id", "stage", "name_zh", "name_en",
        "requires_second", "status", "due_on", "paused", "escalated", "first_by", "first_at", "second_by", "second_at", "reason", "decided_on",
        "updated_at", "version",
    ];

    private static readonly string[] HistoryColumns =
        ["id", "application_id", "item_id", "at", "actor_account_id", "actor_kind", "action", "text_zh", "text_en"];

    public static readonly string[] DecisionColumns =
        ["item_id", "application_id", "talent_id", "matter_code", "matter_version", "outcome", "amount_fen", "payments", "decided_on", "decided_at", "dispatched_at"];

    public async Task WriteAsync(IReadOnlyList<PlannedApplication> plans, CancellationToken ct)
    {
        var sqlite = RowWriter.IsSqlite(connections);
        await using var connection = await connections.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var writer = new RowWriter(connection, transaction, sqlite);
        await writer.InsertAsync("services_applications", ApplicationColumns, plans.Select(p => p.Application).ToList(), a =>
            [a.Id, a.Reference, a.TalentId, a.Channel, a.SubmittedBy, a.WindowOrganisationId, a.IdentityCheckedAt, a.SubmittedAt, a.AcceptedOn], ct);
        await writer.InsertAsync("services_items", ItemColumns, plans.SelectMany(p => p.Items).ToList(), i =>
        [
            i.Id, i.ApplicationId, i.Reference, i.TalentId, i.TalentAccountId, i.TalentMaskedName, i.MatterCode, i.MatterVersion, i.Status,
            i.AcceptedOn, i.DueOn, i.DueProblem, i.PausedSince, i.PausedWorkingDays, i.SupplementRequest, i.Outcome, i.DecidedAt, i.DecidedOn,
            i.AutoDecided, i.RuleVersion, i.Evidence, i.ExplanationZh, i.ExplanationEn, i.ClerkReasonZh, i.ClerkReasonEn, i.Prefill, i.Materials,
            i.AmountFen, i.Payments, i.Delivery, i.TrackingNumber, i.DeliveredAt, i.WarnedAt, i.EscalatedAt, i.UpdatedAt, i.Version,
        ], ct);
        await writer.InsertAsync("services_steps", StepColumns, plans.SelectMany(p => p.Steps).ToList(), s =>
        [
            s.Id, s.ItemId, s.ApplicationId, s.Reference, s.MatterCode, s.TalentMaskedName, s.DepartmentId, s.Stage, s.NameZh, s.NameEn,
            s.RequiresSecond, s.Status, s.DueOn, s.Paused, s.Escalated, s.FirstBy, s.FirstAt, s.SecondBy, s.SecondAt, s.Reason, s.DecidedOn,
            s.UpdatedAt, s.Version,
        ], ct);
        await writer.InsertAsync("services_history", HistoryColumns, plans.SelectMany(p => p.History).ToList(), h =>
            [h.Id, h.ApplicationId, h.ItemId, h.At, h.ActorAccountId, h.ActorKind, h.Action, h.TextZh, h.TextEn], ct);
        var decisions = plans.SelectMany(p => p.Decisions).ToList();
        if (decisions.Count > 0)
        {
            await LockDecisionListAsync(connection, transaction, sqlite, ct);
            await writer.InsertAsync("services_decisions", DecisionColumns, decisions, DecisionValues, ct);
        }

        await transaction.CommitAsync(ct);
    }

    public static object?[] DecisionValues(DecisionRow d) =>
        [d.ItemId, d.ApplicationId, d.TalentId, d.MatterCode, d.MatterVersion, d.Outcome, d.AmountFen, d.Payments, d.DecidedOn, d.DecidedAt, d.DispatchedAt];

    /// <summary>Serialises decision writers until commit on PostgreSQL (identity values then appear in commit order).</summary>
    public static async Task LockDecisionListAsync(DbConnection connection, DbTransaction? transaction, bool sqlite, CancellationToken ct)
    {
        if (sqlite)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({DecisionLockKey})";
        await command.ExecuteNonQueryAsync(ct);
    }
}
