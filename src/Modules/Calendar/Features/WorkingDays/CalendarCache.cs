using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentPass.Modules.Calendar.Domain;
using TalentPass.Modules.Calendar.Persistence;

namespace TalentPass.Modules.Calendar.Features.WorkingDays;

/// <summary>
/// The loaded years in memory, per node. A snapshot is trusted for <see cref="CalendarOptions.CacheSeconds"/>; then the
/// (year, revision) pairs are compared with the database — one small query — and only changed years are re-read. A
/// year that is asked for but missing triggers the same check at most once a second (a year just loaded on another
/// node is found without waiting for the whole interval). Loading or replacing a year on this node invalidates at once.
/// </summary>
internal sealed class CalendarCache(IServiceScopeFactory scopes, TimeProvider clock, IOptions<CalendarOptions> options)
{
    private static readonly TimeSpan MissingYearRecheck = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private volatile Snapshot current = Snapshot.Empty;

    /// <summary>The years as of now (refreshed when stale).</summary>
    public async ValueTask<Func<int, YearSchedule?>> YearsAsync(IEnumerable<int> likelyYears, CancellationToken ct)
    {
        var snapshot = current;
        var now = clock.GetUtcNow();
        var stale = now - snapshot.CheckedAt > TimeSpan.FromSeconds(Math.Max(0, options.Value.CacheSeconds));
        var missing = !stale && likelyYears.Any(y => !snapshot.Years.ContainsKey(y)) && now - snapshot.CheckedAt > MissingYearRecheck;
        if (stale || missing)
        {
            snapshot = await RefreshAsync(snapshot, ct);
        }

        return snapshot.Find;
    }

    /// <summary>Forgets everything; the next calculation reads the database (called after a load or replacement).</summary>
    public void Invalidate() => current = Snapshot.Empty;

    private async Task<Snapshot> RefreshAsync(Snapshot seen, CancellationToken ct)
    {
        await refreshing.WaitAsync(ct);
        try
        {
            if (!ReferenceEquals(current, seen))
            {
                return current;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CalendarDbContext>();
            var revisions = await db.Years.AsNoTracking().Select(y => new { y.Year, y.Revision }).ToListAsync(ct);
            var years = new Dictionary<int, YearSchedule>();
            var revisionOf = new Dictionary<int, int>();
            var changed = new List<int>();
            foreach (var r in revisions)
            {
                revisionOf[r.Year] = r.Revision;
                if (seen.Revisions.TryGetValue(r.Year, out var rev) && rev == r.Revision && seen.Years.TryGetValue(r.Year, out var kept))
                {
                    years[r.Year] = kept;
                }
                else
                {
                    changed.Add(r.Year);
                }
            }

            if (changed.Count > 0)
            {
                var days = await db.Days.AsNoTracking().Where(d => changed.Contains(d.Year)).ToListAsync(ct);
                var byYear = days.ToLookup(d => d.Year);
                foreach (var year in changed)
                {
                    years[year] = new YearSchedule(year, byYear[year].Select(d => KeyValuePair.Create(d.Date, d.Kind)));
                }
            }

            var next = new Snapshot(years.ToFrozenDictionary(), revisionOf.ToFrozenDictionary(), clock.GetUtcNow());
            current = next;
            return next;
        }
        finally
        {
            refreshing.Release();
        }
    }

    private sealed record Snapshot(FrozenDictionary<int, YearSchedule> Years, FrozenDictionary<int, int> Revisions, DateTimeOffset CheckedAt)
    {
        public static readonly Snapshot Empty = new(FrozenDictionary<int, YearSchedule>.Empty, FrozenDictionary<int, int>.Empty, DateTimeOffset.MinValue);

        public YearSchedule? Find(int year) => Years.GetValueOrDefault(year);
    }
}
