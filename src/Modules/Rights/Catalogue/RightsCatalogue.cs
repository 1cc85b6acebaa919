using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.Modules.Rights.Domain;
using TalentPass.Modules.Rights.Persistence;

namespace TalentPass.Modules.Rights.Catalogue;

/// <summary>
/// The in-memory catalogue (singleton). <see cref="GetSnapshotAsync"/> returns the cached snapshot and, at most every
/// <see cref="CheckInterval"/>, reads the one-row catalogue revision; only when it moved (an edit on any node) is the
/// catalogue reloaded. Edits on this node call <see cref="Invalidate"/> after commit, so they are seen at once.
/// </summary>
internal sealed class RightsCatalogue(IServiceScopeFactory scopes, TimeProvider clock) : IRightsCatalogue
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Cached? cached;
    private long generation;

    public async Task<RightsCatalogueSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default) =>
        (await CurrentAsync(cancellationToken)).Snapshot;

    public async Task<RightDefinition?> GetAsync(Guid rightId, CancellationToken cancellationToken = default) =>
        (await CurrentAsync(cancellationToken)).All.GetValueOrDefault(rightId);

    /// <summary>All rights (active or withdrawn) of the current snapshot, for the module's own pages.</summary>
    public async Task<IReadOnlyCollection<RightDefinition>> AllAsync(CancellationToken cancellationToken = default) =>
        (await CurrentAsync(cancellationToken)).All.Values;

    /// <summary>Forget the snapshot: the next read reloads (called after a local change committed).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        cached = null;
    }

    private async Task<Cached> CurrentAsync(CancellationToken ct)
    {
        var current = cached;
        if (current is not null && clock.GetElapsedTime(current.CheckedAt) < CheckInterval)
        {
            return current;
        }

        await gate.WaitAsync(ct);
        try
        {
            current = cached;
            if (current is not null && clock.GetElapsedTime(current.CheckedAt) < CheckInterval)
            {
                return current;
            }

            var startedAt = Interlocked.Read(ref generation);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RightsDbContext>();
            var revision = await db.State.AsNoTracking().Where(s => s.Id == 1).Select(s => s.Revision).SingleOrDefaultAsync(ct);
            if (current is not null && current.Snapshot.Revision == revision)
            {
                current = current with { CheckedAt = clock.GetTimestamp() };
            }
            else
            {
                var rows = await db.Rights.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
                var all = rows.Select(RightMapping.ToDefinition).ToList();
                current = new Cached(
                    new RightsCatalogueSnapshot(revision, all.Where(r => r.Status == RightCodes.Active).ToList()),
                    all.ToFrozenDictionary(r => r.Id),
                    clock.GetTimestamp());
            }

            // An edit committed while we were reading: keep this result for the caller, but do not cache it.
            cached = Interlocked.Read(ref generation) == startedAt ? current : null;
            return current;
        }
        finally
        {
            gate.Release();
        }
    }

    private sealed record Cached(RightsCatalogueSnapshot Snapshot, FrozenDictionary<Guid, RightDefinition> All, long CheckedAt);
}
