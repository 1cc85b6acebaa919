using System.Data;
using System.Data.Common;
using Microsoft.Extensions.Logging;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Ledger.Persistence;

namespace TalentPass.Modules.Ledger.Sequencing;

/// <summary>
/// Who may sequence. PostgreSQL: the node holding the session advisory lock <see cref="LockKey"/> on a
/// dedicated connection (it keeps it until the connection or the process dies; then another node takes over).
/// SQLite: one file, one writer at a time — every process may sequence; the guarded tree update serialises them.
/// </summary>
internal sealed partial class SequencerLease(IDbConnectionFactory connections, DatabaseOptions database, TimeProvider clock, ILogger<SequencerLease> logger) : IAsyncDisposable
{
    public const long LockKey = 0x5450_4C45_4447; // "TPLEDG"
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
    private DbConnection? connection;
    private DateTimeOffset nextAttempt = DateTimeOffset.MinValue;

    public bool IsHeld => connections.Provider == DatabaseProvider.Sqlite || connection?.State == ConnectionState.Open;

    /// <summary>Keeps or tries to take the lease (at most once a second while another node holds it).</summary>
    public async Task<bool> TryAcquireAsync(CancellationToken ct)
    {
        if (connections.Provider == DatabaseProvider.Sqlite)
        {
            return true;
        }

        if (connection is not null)
        {
            if (await StillAliveAsync(ct))
            {
                return true;
            }

            await connection.DisposeAsync();
            connection = null;
            LogLost(logger);
        }

        var now = clock.GetUtcNow();
        if (now < nextAttempt)
        {
            return false;
        }

        nextAttempt = now + RetryAfter;
        // Not pooled: closing it must end the session and so release the lock.
        var candidate = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await candidate.OpenAsync(ct);
        await using (var command = candidate.Command(null, "SELECT pg_try_advisory_lock(@k)"))
        {
            command.Add("k", LockKey);
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                connection = candidate;
                LogAcquired(logger);
                return true;
            }
        }

        await candidate.DisposeAsync();
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }

    private async Task<bool> StillAliveAsync(CancellationToken ct)
    {
        try
        {
            await using var command = connection!.Command(null, "SELECT 1");
            await command.ExecuteScalarAsync(ct);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "This node is now the ledger sequencer")]
    private static partial void LogAcquired(ILogger logger);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "This node lost the ledger sequencer lease")]
    private static partial void LogLost(ILogger logger);
}
