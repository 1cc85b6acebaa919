using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Redemptions.Domain;

namespace TalentPass.Modules.Redemptions.Features.Redeem;

internal enum StoreResult
{
    Stored,
    QuotaExhausted,
    DuplicateKey,
    NotReversible,
}

/// <summary>
/// The write path of a redemption in ONE transaction, plain SQL on both providers: the redemption row (its unique
/// (organisation, idempotency key) index makes a retry collide instead of redeeming twice), its feed row, and one
/// conditional upsert per quota counter (<c>INSERT … ON CONFLICT DO UPDATE SET used = used + 1 WHERE used &lt; limit</c>).
/// A counter that did not move means the quota is exhausted: the whole transaction rolls back, nothing changed.
/// On PostgreSQL the statements go in one batch (one round trip, plus COMMIT); the counter upserts come last so their
/// row locks are held only until the commit. On SQLite the transaction is IMMEDIATE (one writer at a time).
/// </summary>
internal sealed class RedemptionStore(IDbConnectionFactory connections)
{
    private const string InsertRedemption = """
        INSERT INTO redemptions_redemptions (id, organisation_id, account_id, idempotency_key, request_hash, right_id, right_code,
          right_kind, right_name_zh, right_name_en, right_revision, provider_organisation_id, talent_id, masked_name, level, category,
          beneficiary, family_member_id, pool_code, value_fen, source, offline, device_id, local_id, status, conflict_code, over_quota,
          counters, occurred_at, recorded_at, reversible_until)
        VALUES (@id, @org, @account, @key, @hash, @right, @rcode, @rkind, @rzh, @ren, @rrev, @provider, @talent, @masked, @level, @category,
          @beneficiary, @family, @pool, @value, @source, @offline, @device, @local, @status, @conflict, @overquota, @counters,
          @occurred, @recorded, @until)
        """;

    private const string InsertFeed = "INSERT INTO redemptions_feed (redemption_id, kind, occurred_at) VALUES (@fid, @fkind, @fat)";

    private const string Reserve = """
        INSERT INTO redemptions_counters (right_id, scope, scope_key, period_key, used, updated_at) VALUES (@r, @s, @k, @p, 1, @now)
        ON CONFLICT (right_id, scope, scope_key, period_key) DO UPDATE SET used = redemptions_counters.used + 1, updated_at = excluded.updated_at
        WHERE redemptions_counters.used < @limit
        """;

    private const string ReserveUnconditionally = """
        INSERT INTO redemptions_counters (right_id, scope, scope_key, period_key, used, updated_at) VALUES (@r, @s, @k, @p, 1, @now)
        ON CONFLICT (right_id, scope, scope_key, period_key) DO UPDATE SET used = redemptions_counters.used + 1, updated_at = excluded.updated_at
        """;

    private const string Release = """
        UPDATE redemptions_counters SET used = used - 1, updated_at = @now
        WHERE right_id = @r AND scope = @s AND scope_key = @k AND period_key = @p AND used > 0
        """;

    private const string MarkReversed = """
        UPDATE redemptions_redemptions SET status = @reversed, reversed_at = @now, reversed_by = @by, reversal_reason = @reason
        WHERE id = @id AND status = @redeemed AND reversible_until >= @now
        """;

    public DatabaseProvider Provider => connections.Provider;

    /// <summary>
    /// Stores a redemption. <paramref name="counters"/> are taken only when <paramref name="redemption"/> counts
    /// (status redeemed); <paramref name="enforceLimits"/> false takes them even past the limit (honoured offline
    /// redemptions). Returns the exhausted counter on <see cref="StoreResult.QuotaExhausted"/>.
    /// </summary>
    public async Task<(StoreResult Result, CounterKey? Exhausted)> InsertAsync(Redemption redemption, IReadOnlyList<CounterKey> counters, bool enforceLimits, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var take = redemption.Status == RedemptionStatuses.Redeemed ? counters : [];
        try
        {
            var affected = connection.CanCreateBatch
                ? await RunBatchAsync(connection, tx, redemption, take, enforceLimits, ct)
                : await RunSequentialAsync(connection, tx, redemption, take, enforceLimits, ct);
            for (var i = 0; i < take.Count; i++)
            {
                if (affected[i] != 1)
                {
                    await tx.RollbackAsync(ct);
                    return (StoreResult.QuotaExhausted, take[i]);
                }
            }

            await tx.CommitAsync(ct);
            return (StoreResult.Stored, null);
        }
        catch (DbException ex) when (IsUniqueViolation(ex))
        {
            await tx.RollbackAsync(CancellationToken.None);
            return (StoreResult.DuplicateKey, null);
        }
    }

    /// <summary>Reverses a counted redemption still inside its window and gives its counters their units back.</summary>
    public async Task<StoreResult> ReverseAsync(Redemption redemption, DateTimeOffset now, Guid? by, string reason, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var mark = Command(connection, tx, MarkReversed))
        {
            Add(mark, "reversed", RedemptionStatuses.Reversed);
            Add(mark, "redeemed", RedemptionStatuses.Redeemed);
            Add(mark, "now", now);
            Add(mark, "by", by);
            Add(mark, "reason", reason);
            Add(mark, "id", redemption.Id);
            if (await mark.ExecuteNonQueryAsync(ct) != 1)
            {
                await tx.RollbackAsync(ct);
                return StoreResult.NotReversible;
            }
        }

        foreach (var counter in QuotaPlan.Parse(redemption.Counters))
        {
            await using var release = Command(connection, tx, Release);
            AddCounter(release, redemption.RightId, counter, now);
            await release.ExecuteNonQueryAsync(ct);
        }

        await using (var feed = Command(connection, tx, InsertFeed))
        {
            AddFeed(feed, redemption.Id, "reversed", now);
            await feed.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return StoreResult.Stored;
    }

    private async Task<int[]> RunBatchAsync(DbConnection connection, DbTransaction tx, Redemption r, IReadOnlyList<CounterKey> counters, bool enforce, CancellationToken ct)
    {
        await using var batch = connection.CreateBatch();
        batch.Transaction = tx;
        var insert = batch.CreateBatchCommand();
        insert.CommandText = InsertRedemption;
        AddRedemption(insert.Parameters, insert.CreateParameter, r);
        batch.BatchCommands.Add(insert);
        var feed = batch.CreateBatchCommand();
        feed.CommandText = InsertFeed;
        AddFeedParameters(feed.Parameters, feed.CreateParameter, r.Id, "redeemed", r.RecordedAt);
        batch.BatchCommands.Add(feed);
        foreach (var counter in counters)
        {
            var reserve = batch.CreateBatchCommand();
            reserve.CommandText = enforce ? Reserve : ReserveUnconditionally;
            AddCounterParameters(reserve.Parameters, reserve.CreateParameter, r.RightId, counter, r.RecordedAt, enforce);
            batch.BatchCommands.Add(reserve);
        }

        await batch.ExecuteNonQueryAsync(ct);
        return batch.BatchCommands.Skip(2).Select(c => c.RecordsAffected).ToArray();
    }

    private async Task<int[]> RunSequentialAsync(DbConnection connection, DbTransaction tx, Redemption r, IReadOnlyList<CounterKey> counters, bool enforce, CancellationToken ct)
    {
        await using (var insert = Command(connection, tx, InsertRedemption))
        {
            AddRedemption(insert.Parameters, insert.CreateParameter, r);
            await insert.ExecuteNonQueryAsync(ct);
        }

        await using (var feed = Command(connection, tx, InsertFeed))
        {
            AddFeed(feed, r.Id, "redeemed", r.RecordedAt);
            await feed.ExecuteNonQueryAsync(ct);
        }

        var affected = new int[counters.Count];
        for (var i = 0; i < counters.Count; i++)
        {
            await using var reserve = Command(connection, tx, enforce ? Reserve : ReserveUnconditionally);
            AddCounterParameters(reserve.Parameters, reserve.CreateParameter, r.RightId, counters[i], r.RecordedAt, enforce);
            affected[i] = await reserve.ExecuteNonQueryAsync(ct);
            if (affected[i] != 1)
            {
                break;
            }
        }

        return affected;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    private void AddFeed(DbCommand command, Guid redemptionId, string kind, DateTimeOffset at) =>
        AddFeedParameters(command.Parameters, command.CreateParameter, redemptionId, kind, at);

    private void AddCounter(DbCommand command, Guid rightId, CounterKey counter, DateTimeOffset now) =>
        AddCounterParameters(command.Parameters, command.CreateParameter, rightId, counter, now, enforce: false);

    private void AddRedemption(DbParameterCollection p, Func<DbParameter> create, Redemption r)
    {
        Add(p, create, "id", r.Id);
        Add(p, create, "org", r.OrganisationId);
        Add(p, create, "account", r.AccountId);
        Add(p, create, "key", r.IdempotencyKey);
        Add(p, create, "hash", r.RequestHash);
        Add(p, create, "right", r.RightId);
        Add(p, create, "rcode", r.RightCode);
        Add(p, create, "rkind", r.RightKind);
        Add(p, create, "rzh", r.RightNameZh);
        Add(p, create, "ren", r.RightNameEn);
        Add(p, create, "rrev", r.RightRevision);
        Add(p, create, "provider", r.ProviderOrganisationId);
        Add(p, create, "talent", r.TalentId);
        Add(p, create, "masked", r.MaskedName);
        Add(p, create, "level", r.Level);
        Add(p, create, "category", r.Category);
        Add(p, create, "beneficiary", r.Beneficiary);
        Add(p, create, "family", r.FamilyMemberId);
        Add(p, create, "pool", r.PoolCode);
        Add(p, create, "value", r.ValueFen);
        Add(p, create, "source", r.Source);
        Add(p, create, "offline", r.Offline);
        Add(p, create, "device", r.DeviceId);
        Add(p, create, "local", r.LocalId);
        Add(p, create, "status", r.Status);
        Add(p, create, "conflict", r.ConflictCode);
        Add(p, create, "overquota", r.OverQuota);
        Add(p, create, "counters", r.Counters);
        Add(p, create, "occurred", r.OccurredAt);
        Add(p, create, "recorded", r.RecordedAt);
        Add(p, create, "until", r.ReversibleUntil);
    }

    private void AddFeedParameters(DbParameterCollection p, Func<DbParameter> create, Guid redemptionId, string kind, DateTimeOffset at)
    {
        Add(p, create, "fid", redemptionId);
        Add(p, create, "fkind", kind);
        Add(p, create, "fat", at);
    }

    private void AddCounterParameters(DbParameterCollection p, Func<DbParameter> create, Guid rightId, CounterKey counter, DateTimeOffset now, bool enforce)
    {
        Add(p, create, "r", rightId);
        Add(p, create, "s", counter.Scope);
        Add(p, create, "k", counter.ScopeKey);
        Add(p, create, "p", counter.PeriodKey);
        Add(p, create, "now", now);
        if (enforce)
        {
            Add(p, create, "limit", counter.Limit);
        }
    }

    private void Add(DbCommand command, string name, object? value) => Add(command.Parameters, command.CreateParameter, name, value);

    /// <summary>Binds a value the way EF stores it: on SQLite Guids as upper-case text and instants as UTC ticks.</summary>
    private void Add(DbParameterCollection parameters, Func<DbParameter> create, string name, object? value)
    {
        var parameter = create();
        parameter.ParameterName = name;
        parameter.Value = Provider == DatabaseProvider.Sqlite ? ForSqlite(value) : value switch
        {
            DateTimeOffset instant => instant.ToUniversalTime(),
            null => DBNull.Value,
            _ => value,
        };
        parameters.Add(parameter);
    }

    internal static object ForSqlite(object? value) => value switch
    {
        Guid g => g.ToString().ToUpperInvariant(),
        DateTimeOffset instant => instant.UtcTicks,
        bool b => b ? 1 : 0,
        null => DBNull.Value,
        _ => value,
    };

    private static bool IsUniqueViolation(DbException ex) => ex switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException lite => lite.SqliteErrorCode == 19 && lite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
