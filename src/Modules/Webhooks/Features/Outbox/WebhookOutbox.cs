using System.Data.Common;
using System.Text.Json;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Webhooks.Contracts;
using TalentPass.Modules.Webhooks.Features.Delivery;
using TalentPass.Modules.Webhooks.Persistence;

namespace TalentPass.Modules.Webhooks.Features.Outbox;

/// <summary>
/// Stores events in the caller's transaction (plain ADO.NET on the caller's connection, so it works from any module's
/// DbContext on both providers). Each (partner, ordering key) stream gets consecutive sequence numbers from
/// <c>webhooks_streams</c>: the upsert locks the stream's row until the caller commits, so two transactions enqueuing
/// for the same key are numbered in commit order and never collide.
/// </summary>
internal sealed class WebhookOutbox(IDbConnectionFactory connections, TimeProvider clock, DispatchSignal signal) : IWebhookOutbox
{
    public const int MaxTypeLength = 100;
    public const int MaxOrderingKeyLength = 200;

    public async Task EnqueueAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<WebhookEventDraft> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        foreach (var e in events)
        {
            Validate(e);
        }

        var sqlite = connections.Provider == DatabaseProvider.Sqlite;
        var own = transaction is null ? await connection.BeginTransactionAsync(cancellationToken) : null;
        var tx = transaction ?? own!;
        try
        {
            if (sqlite)
            {
                var sequences = await ReserveAsync(connection, tx, events, cancellationToken);
                await InsertAsync(connection, tx, events, sequences, cancellationToken);
            }
            else
            {
                // PostgreSQL: two statements whatever the batch size (arrays + unnest), not one round trip per event.
                var sequences = await ReserveBatchAsync(connection, tx, events, cancellationToken);
                await InsertBatchAsync(connection, tx, events, sequences, cancellationToken);
            }
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }

        signal.Wake();
    }

    private static void Validate(WebhookEventDraft e)
    {
        if (e.EventId == Guid.Empty || e.PartnerOrganisationId == Guid.Empty)
        {
            throw new ArgumentException("A webhook event needs an event id and a partner organisation id.", nameof(e));
        }

        if (string.IsNullOrWhiteSpace(e.Type) || e.Type.Length > MaxTypeLength)
        {
            throw new ArgumentException($"A webhook event type is 1–{MaxTypeLength} characters.", nameof(e));
        }

        if (string.IsNullOrWhiteSpace(e.OrderingKey) || e.OrderingKey.Length > MaxOrderingKeyLength)
        {
            throw new ArgumentException($"A webhook ordering key is 1–{MaxOrderingKeyLength} characters.", nameof(e));
        }

        using var doc = JsonDocument.Parse(e.DataJson ?? throw new ArgumentException("DataJson is required.", nameof(e)));
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("A webhook event's data must be a JSON object.", nameof(e));
        }
    }

    /// <summary>Returns the sequence of each event (same order as <paramref name="events"/>).</summary>
    private static async Task<long[]> ReserveAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<WebhookEventDraft> events, CancellationToken ct)
    {
        var result = new long[events.Count];
        var streams = events.Select((e, i) => (e, i)).GroupBy(x => (x.e.PartnerOrganisationId, x.e.OrderingKey))
            .OrderBy(g => g.Key.PartnerOrganisationId).ThenBy(g => g.Key.OrderingKey, StringComparer.Ordinal); // fixed lock order
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText =
            "INSERT INTO webhooks_streams (partner_organisation_id, ordering_key, last_sequence) VALUES (@p, @k, @n) " +
            "ON CONFLICT (partner_organisation_id, ordering_key) DO UPDATE SET last_sequence = webhooks_streams.last_sequence + excluded.last_sequence " +
            "RETURNING last_sequence";
        var p = command.Add("@p", null);
        var k = command.Add("@k", null);
        var n = command.Add("@n", null);
        foreach (var stream in streams)
        {
            var members = stream.ToList();
            p.Value = stream.Key.PartnerOrganisationId;
            k.Value = stream.Key.OrderingKey;
            n.Value = (long)members.Count;
            var last = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            var first = last - members.Count + 1;
            for (var j = 0; j < members.Count; j++)
            {
                result[members[j].i] = first + j;
            }
        }

        return result;
    }

    /// <summary>PostgreSQL: one upsert for every stream of the batch (streams in a fixed order, so concurrent callers lock alike).</summary>
    private static async Task<long[]> ReserveBatchAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<WebhookEventDraft> events, CancellationToken ct)
    {
        var streams = events.Select((e, i) => (e, i)).GroupBy(x => (x.e.PartnerOrganisationId, x.e.OrderingKey))
            .OrderBy(g => g.Key.PartnerOrganisationId).ThenBy(g => g.Key.OrderingKey, StringComparer.Ordinal)
            .Select(g => (g.Key.PartnerOrganisationId, g.Key.OrderingKey, Members: g.Select(x => x.i).ToList()))
            .ToList();
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText =
            "INSERT INTO webhooks_streams (partner_organisation_id, ordering_key, last_sequence) " +
            "SELECT p, k, n FROM unnest(@p, @k, @n) WITH ORDINALITY AS v(p, k, n, o) ORDER BY o " +
            "ON CONFLICT (partner_organisation_id, ordering_key) DO UPDATE SET last_sequence = webhooks_streams.last_sequence + excluded.last_sequence " +
            "RETURNING partner_organisation_id, ordering_key, last_sequence";
        command.Add("@p", streams.Select(s => s.PartnerOrganisationId).ToArray());
        command.Add("@k", streams.Select(s => s.OrderingKey).ToArray());
        command.Add("@n", streams.Select(s => (long)s.Members.Count).ToArray());
        var last = new Dictionary<(Guid, string), long>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                last[(reader.GetGuid(0), reader.GetString(1))] = reader.GetInt64(2);
            }
        }

        var result = new long[events.Count];
        foreach (var (partner, key, members) in streams)
        {
            var first = last[(partner, key)] - members.Count + 1;
            for (var j = 0; j < members.Count; j++)
            {
                result[members[j]] = first + j;
            }
        }

        return result;
    }

    private async Task InsertBatchAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<WebhookEventDraft> events, long[] sequences, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText =
            "INSERT INTO webhooks_outbox (id, partner_organisation_id, type, ordering_key, sequence, data_json, occurred_at, enqueued_at, status, attempts, next_attempt_at) " +
            "SELECT id, p, t, k, s, d, o, @now, 'pending', 0, @now FROM unnest(@id, @p, @t, @k, @s, @d, @o) AS v(id, p, t, k, s, d, o)";
        command.Add("@now", now);
        command.Add("@id", events.Select(e => e.EventId).ToArray());
        command.Add("@p", events.Select(e => e.PartnerOrganisationId).ToArray());
        command.Add("@t", events.Select(e => e.Type).ToArray());
        command.Add("@k", events.Select(e => e.OrderingKey).ToArray());
        command.Add("@s", sequences);
        command.Add("@d", events.Select(e => e.DataJson).ToArray());
        command.Add("@o", events.Select(e => e.OccurredAt.ToUniversalTime()).ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task InsertAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<WebhookEventDraft> events, long[] sequences, CancellationToken ct)
    {
        const bool sqlite = true;
        var now = clock.GetUtcNow();
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText =
            "INSERT INTO webhooks_outbox (id, partner_organisation_id, type, ordering_key, sequence, data_json, occurred_at, enqueued_at, status, attempts, next_attempt_at) " +
            "VALUES (@id, @p, @type, @k, @seq, @data, @occurred, @enqueued, 'pending', 0, @next)";
        var id = command.Add("@id", null);
        var p = command.Add("@p", null);
        var type = command.Add("@type", null);
        var k = command.Add("@k", null);
        var seq = command.Add("@seq", null);
        var data = command.Add("@data", null);
        var occurred = command.Add("@occurred", null);
        command.Add("@enqueued", Sql.Instant(now, sqlite));
        command.Add("@next", Sql.Instant(now, sqlite));
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            id.Value = e.EventId;
            p.Value = e.PartnerOrganisationId;
            type.Value = e.Type;
            k.Value = e.OrderingKey;
            seq.Value = sequences[i];
            data.Value = e.DataJson;
            occurred.Value = Sql.Instant(e.OccurredAt, sqlite);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
