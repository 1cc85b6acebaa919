using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Codes.Contracts;
using TalentPass.Modules.Codes.Persistence;

namespace TalentPass.Modules.Codes.Features.Scans;

/// <summary>
/// <see cref="IScanFeed"/> over the scan log: a scan names the status-list entry (list id, index) its code carried,
/// which the subjects table maps to the talent. Ordered by (scanned_at, id); ties on the instant are resolved in
/// memory so that SQL and .NET agree on the order of ids (a batch may exceed <c>max</c> by the scans sharing its
/// last instant).
/// </summary>
internal sealed class ScanFeed(CodesDbContext db, ScanWriter writer) : IScanFeed
{
    public async Task<IReadOnlyList<ScanRecord>> ReadAsync(DateTimeOffset afterAt, Guid afterId, DateTimeOffset until, int max, CancellationToken cancellationToken = default)
    {
        if (max <= 0 || until <= afterAt)
        {
            return [];
        }

        await writer.FlushAsync(cancellationToken);
        var scans = db.Scans.AsNoTracking();
        var ties = (await scans.Where(s => s.ScannedAt == afterAt).ToListAsync(cancellationToken))
            .Where(s => string.CompareOrdinal(Key(s.Id), Key(afterId)) > 0);
        var later = await scans.Where(s => s.ScannedAt > afterAt && s.ScannedAt < until)
            .OrderBy(s => s.ScannedAt).ThenBy(s => s.Id).Take(max).ToListAsync(cancellationToken);
        if (later.Count == max)
        {
            // The last instant may have more scans than fit: take all of them, so that the cursor skips none.
            var lastAt = later[^1].ScannedAt;
            later.RemoveAll(s => s.ScannedAt == lastAt);
            later.AddRange(await scans.Where(s => s.ScannedAt == lastAt).ToListAsync(cancellationToken));
        }

        var rows = ties.Concat(later)
            .OrderBy(s => s.ScannedAt).ThenBy(s => Key(s.Id), StringComparer.Ordinal)
            .ToList();
        return await ToRecordsAsync(rows, cancellationToken);
    }

    public async Task<IReadOnlyList<ScanRecord>> ListForTalentAsync(Guid talentId, int max, CancellationToken cancellationToken = default)
    {
        await writer.FlushAsync(cancellationToken);
        var subject = await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.TalentId == talentId, cancellationToken);
        if (subject is null || max <= 0)
        {
            return [];
        }

        var rows = await db.Scans.AsNoTracking()
            .Where(s => s.StatusListId == subject.StatusListId && s.StatusListIndex == subject.StatusListIndex)
            .OrderByDescending(s => s.ScannedAt).ThenByDescending(s => s.Id)
            .Take(max).ToListAsync(cancellationToken);
        return rows.Select(r => ToRecord(r, talentId)).ToList();
    }

    private async Task<IReadOnlyList<ScanRecord>> ToRecordsAsync(List<ScanRow> rows, CancellationToken ct)
    {
        var lists = rows.Where(r => r.StatusListId is not null).Select(r => r.StatusListId!.Value).Distinct().ToList();
        var indexes = rows.Where(r => r.StatusListIndex is not null).Select(r => r.StatusListIndex!.Value).Distinct().ToList();
        var owners = lists.Count == 0
            ? []
            : (await db.Subjects.AsNoTracking()
                    .Where(s => lists.Contains(s.StatusListId) && indexes.Contains(s.StatusListIndex))
                    .Select(s => new { s.StatusListId, s.StatusListIndex, s.TalentId })
                    .ToListAsync(ct))
                .ToDictionary(s => (s.StatusListId, s.StatusListIndex), s => s.TalentId);
        return rows.Select(r => ToRecord(
                r,
                r.StatusListId is { } list && r.StatusListIndex is { } index && owners.TryGetValue((list, index), out var talent) ? talent : null))
            .ToList();
    }

    private static ScanRecord ToRecord(ScanRow r, Guid? talentId) =>
        new(r.Id, r.ScannedAt, talentId, r.OrganisationId, r.AccountId, r.Outcome, r.Mode);

    private static string Key(Guid id) => id.ToString("N");
}
