using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Governance.Persistence;

namespace TalentPass.Modules.Governance.Features.Engine;

/// <summary>
/// One runner at a time across nodes: on PostgreSQL a session advisory lock held on the context's connection for the
/// run (a node that does not get it skips the round); SQLite is single-node. Unique indexes remain the final guard.
/// </summary>
internal static class ExclusiveRun
{
    public const long EngineLock = 0x4756_0001;
    public const long SignalLock = 0x4756_0002;

    public static async Task<T?> TryAsync<T>(GovernanceDbContext db, long key, Func<Task<T>> run, CancellationToken ct)
    {
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) != true)
        {
            return await run();
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var got = await db.Database.SqlQueryRaw<bool>("SELECT pg_try_advisory_lock({0}) AS \"Value\"", key).SingleAsync(ct);
            if (!got)
            {
                return default;
            }

            try
            {
                return await run();
            }
            finally
            {
                await db.Database.SqlQueryRaw<bool>("SELECT pg_advisory_unlock({0}) AS \"Value\"", key).SingleAsync(CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
