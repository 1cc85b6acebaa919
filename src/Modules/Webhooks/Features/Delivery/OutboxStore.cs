using System.Data.Common;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Webhooks.Persistence;

namespace TalentPass.Modules.Webhooks.Features.Delivery;

/// <summary>An event claimed for one delivery attempt.</summary>
internal sealed record ClaimedEvent(Guid Id, Guid PartnerOrganisationId, string Type, string OrderingKey, long Sequence, string DataJson, DateTimeOffset OccurredAt, int Attempts, DateTimeOffset? FirstAttemptAt);

/// <summary>The result of one attempt.</summary>
internal sealed record AttemptOutcome(ClaimedEvent Event, bool Delivered, int? StatusCode, string? Error, DateTimeOffset AttemptedAt);

/// <summary>
/// Claims and completes outbox rows with plain SQL. A row is due when it is pending, its next attempt has come, no
/// other node holds a live lease on it, its partner has an enabled endpoint, and no earlier event of its (partner,
/// ordering key) stream is undelivered — so at most one event per stream is ever in flight, which is what keeps
/// each stream in order. PostgreSQL locks the claimed rows with <c>FOR UPDATE SKIP LOCKED</c> so nodes never claim
/// the same row; SQLite has one writer at a time.
/// </summary>
internal sealed class OutboxStore(IDbConnectionFactory connections)
{
    private bool Sqlite => connections.Provider == DatabaseProvider.Sqlite;

    public async Task<IReadOnlyList<ClaimedEvent>> ClaimAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken ct)
    {
        var sqlite = Sqlite;
        await using var connection = await connections.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "UPDATE webhooks_outbox SET lease_owner = @owner, lease_until = @until WHERE id IN (" +
            "SELECT o.id FROM webhooks_outbox o " +
            "JOIN webhooks_endpoints e ON e.partner_organisation_id = o.partner_organisation_id " +
            "WHERE o.status = 'pending' AND e.enabled = @enabled AND o.next_attempt_at <= @now " +
            "AND (o.lease_until IS NULL OR o.lease_until < @now) " +
            "AND NOT EXISTS (SELECT 1 FROM webhooks_outbox b WHERE b.partner_organisation_id = o.partner_organisation_id " +
            "AND b.ordering_key = o.ordering_key AND b.sequence < o.sequence AND b.status <> 'delivered') " +
            "ORDER BY o.next_attempt_at LIMIT @max" + (sqlite ? "" : " FOR UPDATE OF o SKIP LOCKED") + ") " +
            "RETURNING id, partner_organisation_id, type, ordering_key, sequence, data_json, occurred_at, attempts, first_attempt_at";
        command.Add("@owner", owner);
        command.Add("@until", Sql.Instant(now + lease, sqlite));
        command.Add("@now", Sql.Instant(now, sqlite));
        command.Add("@enabled", sqlite ? 1 : true);
        command.Add("@max", max);
        var claimed = new List<ClaimedEvent>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            claimed.Add(new ClaimedEvent(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetInt64(4),
                reader.GetString(5),
                Sql.ReadInstant(reader, 6, sqlite),
                reader.GetInt32(7),
                reader.IsDBNull(8) ? null : Sql.ReadInstant(reader, 8, sqlite)));
        }

        // RETURNING order is unspecified: attempt streams in a stable order (oldest first).
        claimed.Sort((a, b) => a.OccurredAt.CompareTo(b.OccurredAt));
        return claimed;
    }

    /// <summary>Records the outcomes in one transaction; a row whose lease another node took over is left alone.</summary>
    public async Task CompleteAsync(string owner, IReadOnlyList<AttemptOutcome> outcomes, Func<AttemptOutcome, (string Status, DateTimeOffset NextAttemptAt)> schedule, CancellationToken ct)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        var sqlite = Sqlite;
        if (!sqlite)
        {
            await CompleteBatchAsync(owner, outcomes, schedule, ct);
            return;
        }

        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText =
            "UPDATE webhooks_outbox SET status = @status, attempts = attempts + 1, next_attempt_at = @next, " +
            "first_attempt_at = COALESCE(first_attempt_at, @at), last_attempt_at = @at, last_status_code = @code, last_error = @error, " +
            "delivered_at = @delivered, lease_owner = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @owner";
        var status = command.Add("@status", null);
        var next = command.Add("@next", null);
        var at = command.Add("@at", null);
        var code = command.Add("@code", null);
        var error = command.Add("@error", null);
        var delivered = command.Add("@delivered", null);
        var id = command.Add("@id", null);
        command.Add("@owner", owner);
        foreach (var outcome in outcomes)
        {
            var (newStatus, nextAttempt) = schedule(outcome);
            status.Value = newStatus;
            next.Value = Sql.Instant(nextAttempt, sqlite);
            at.Value = Sql.Instant(outcome.AttemptedAt, sqlite);
            code.Value = (object?)outcome.StatusCode ?? DBNull.Value;
            error.Value = (object?)outcome.Error ?? DBNull.Value;
            delivered.Value = outcome.Delivered ? Sql.Instant(outcome.AttemptedAt, sqlite) : DBNull.Value;
            id.Value = outcome.Event.Id;
            await command.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>PostgreSQL: every outcome of the batch in one statement (arrays + unnest), one round trip.</summary>
    private async Task CompleteBatchAsync(string owner, IReadOnlyList<AttemptOutcome> outcomes, Func<AttemptOutcome, (string Status, DateTimeOffset NextAttemptAt)> schedule, CancellationToken ct)
    {
        var scheduled = outcomes.Select(schedule).ToList();
        await using var connection = await connections.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "UPDATE webhooks_outbox o SET status = v.status, attempts = o.attempts + 1, next_attempt_at = v.next, " +
            "first_attempt_at = COALESCE(o.first_attempt_at, v.at), last_attempt_at = v.at, last_status_code = v.code, last_error = v.error, " +
            "delivered_at = v.delivered, lease_owner = NULL, lease_until = NULL " +
            "FROM unnest(@id, @status, @next, @at, @code, @error, @delivered) AS v(id, status, next, at, code, error, delivered) " +
            "WHERE o.id = v.id AND o.lease_owner = @owner";
        command.Add("@owner", owner);
        command.Add("@id", outcomes.Select(x => x.Event.Id).ToArray());
        command.Add("@status", scheduled.Select(x => x.Status).ToArray());
        command.Add("@next", scheduled.Select(x => x.NextAttemptAt.ToUniversalTime()).ToArray());
        command.Add("@at", outcomes.Select(x => x.AttemptedAt.ToUniversalTime()).ToArray());
        command.Add("@code", outcomes.Select(x => x.StatusCode).ToArray());
        command.Add("@error", outcomes.Select(x => x.Error).ToArray());
        command.Add("@delivered", outcomes.Select(x => x.Delivered ? x.AttemptedAt.ToUniversalTime() : (DateTimeOffset?)null).ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Gives claimed rows back untouched (shutdown before the attempt).</summary>
    public async Task ReleaseAsync(string owner, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE webhooks_outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = @owner AND status = 'pending'";
        command.Add("@owner", owner);
        await command.ExecuteNonQueryAsync(ct);
    }
}
