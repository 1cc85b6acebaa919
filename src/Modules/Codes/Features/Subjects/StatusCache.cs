using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentPass.Modules.Codes.Persistence;
using TalentPass.Verifier;

namespace TalentPass.Modules.Codes.Features.Subjects;

/// <summary>
/// The status of every status-list entry in memory (one byte per entry), what online verification and the
/// status-list publisher read. This node's own changes land at once (<see cref="Set"/>, from the talent event
/// handler); other nodes' changes arrive through <see cref="RefreshAsync"/>, which re-reads only the lists whose
/// <c>version</c> moved (a background loop calls it every <see cref="CodesOptions.CacheRefresh"/>).
/// </summary>
internal sealed class StatusCache(IServiceScopeFactory scopes, IOptions<CodesOptions> options, TimeProvider clock) : IDisposable
{
    private readonly ConcurrentDictionary<int, ListState> lists = new();
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool loaded;
    private DateTimeOffset lastRefresh;

    public void Dispose() => gate.Dispose();

    /// <summary>The status of an entry; valid for a list or index this node has not seen yet (it was just allocated).</summary>
    public EntryStatus Get(uint listId, uint index) =>
        listId <= int.MaxValue && lists.TryGetValue((int)listId, out var list) && index < (uint)list.Entries.Length
            ? (EntryStatus)list.Entries[index]
            : EntryStatus.Valid;

    public IReadOnlyList<ListView> Lists() =>
        lists.Values.OrderBy(l => l.Id).Select(l => new ListView(l.Id, l.Entries.Length, l.Version, l.Entries)).ToList();

    public bool Holds(int listId) => lists.ContainsKey(listId);

    public ListView? Find(int id) => lists.TryGetValue(id, out var l) ? new ListView(l.Id, l.Entries.Length, l.Version, l.Entries) : null;

    /// <summary>
    /// Records a change this node committed at list version <paramref name="version"/>. The version is taken only when
    /// it directly follows the one held (no change by another node in between); otherwise the next refresh re-reads
    /// the list. A list not loaded yet is left to the refresh, which reads the committed change from the table.
    /// </summary>
    public void Set(int listId, int index, EntryStatus status, long version)
    {
        if (!lists.TryGetValue(listId, out var list))
        {
            return;
        }

        lock (list)
        {
            if (index >= 0 && index < list.Entries.Length)
            {
                list.Entries[index] = (byte)status;
            }

            if (version == list.Version + 1)
            {
                list.Version = version;
            }
        }
    }

    /// <summary>
    /// Before answering for a signed code whose list this node has not loaded (a list another node created since the
    /// last refresh), re-reads the lists — at most every 100 ms, so codes citing a list that does not exist cannot
    /// make every verification hit the database.
    /// </summary>
    public Task EnsureHoldsAsync(uint listId, CancellationToken ct) =>
        listId <= int.MaxValue && lists.ContainsKey((int)listId) || clock.GetUtcNow() - lastRefresh < TimeSpan.FromMilliseconds(100)
            ? Task.CompletedTask
            : RefreshAsync(ct);

    /// <summary>Loads everything once (first use on this node).</summary>
    public ValueTask EnsureLoadedAsync(CancellationToken ct) => loaded ? ValueTask.CompletedTask : new ValueTask(RefreshAsync(ct));

    /// <summary>Refreshes when the last refresh is older than the cache TTL (for callers without the background loop, e.g. the CLI).</summary>
    public Task RefreshIfStaleAsync(CancellationToken ct) =>
        !loaded || clock.GetUtcNow() - lastRefresh >= options.Value.CacheRefresh ? RefreshAsync(ct) : Task.CompletedTask;

    public async Task RefreshAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CodesDbContext>();
            var rows = await db.StatusLists.AsNoTracking().Select(l => new { l.Id, l.Size, l.Version }).ToListAsync(ct);
            foreach (var row in rows)
            {
                if (lists.TryGetValue(row.Id, out var current) && current.Version >= row.Version && current.Entries.Length == row.Size)
                {
                    continue;
                }

                var entries = new byte[row.Size];
                var changed = await db.Subjects.AsNoTracking()
                    .Where(s => s.StatusListId == row.Id && s.Status != 0)
                    .Select(s => new { s.StatusListIndex, s.Status })
                    .ToListAsync(ct);
                foreach (var entry in changed)
                {
                    entries[entry.StatusListIndex] = (byte)entry.Status;
                }

                var fresh = new ListState(row.Id, entries, row.Version);
                lists.AddOrUpdate(row.Id, fresh, (_, old) =>
                {
                    lock (old)
                    {
                        // A local change committed after our read carries a higher version: keep it.
                        return old.Version > row.Version ? old : fresh;
                    }
                });
            }

            lastRefresh = clock.GetUtcNow();
            loaded = true;
        }
        finally
        {
            gate.Release();
        }
    }

    internal sealed record ListView(int Id, int Size, long Version, byte[] Entries);

    private sealed class ListState(int id, byte[] entries, long version)
    {
        public int Id { get; } = id;

        public byte[] Entries { get; } = entries;

        public long Version { get; set; } = version;
    }
}
