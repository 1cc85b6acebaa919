using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalentPass.Modules.Codes.Contracts;
using TalentPass.Modules.Governance.Domain;
using TalentPass.Modules.Governance.Persistence;

namespace TalentPass.Modules.Governance.Features.Signals;

/// <summary>
/// Follows the scan log (<see cref="IScanFeed"/>) with its own cursor and raises misuse signals for review: the same
/// talent's code scanned successfully at two different organisations within <see cref="GovernanceOptions.TwoPlacesMinutes"/>
/// (a shared or copied code), and a static code scanned right after a dynamic code elsewhere. A signal never changes
/// a talent's status; a confirmed signal may be a rule's condition. The cursor and the signals of a batch are saved
/// together; the unique (second scan, kind) index makes a re-read harmless.
/// </summary>
internal sealed class SignalDetector(GovernanceDbContext db, IScanFeed scans, IOptions<GovernanceOptions> options, TimeProvider clock)
{
    private static readonly string[] Accepted = ["valid", "suspended"];

    /// <summary>Reads one batch; returns how many scans were read.</summary>
    public async Task<int> RunBatchAsync(int max, CancellationToken ct)
    {
        var cursor = await db.SignalCursor.SingleAsync(c => c.Id == 1, ct);
        var now = clock.GetUtcNow();
        var batch = await scans.ReadAsync(cursor.AfterAt, cursor.AfterId, now - options.Value.SignalLag, max, ct);
        if (batch.Count == 0)
        {
            return 0;
        }

        var window = TimeSpan.FromMinutes(options.Value.TwoPlacesMinutes);
        var relevant = batch.Where(s => s.TalentId is not null && s.OrganisationId is not null && Accepted.Contains(s.Outcome)).ToList();
        if (relevant.Count > 0)
        {
            // Earlier scans of the same talents within the window (from the previous batches), by the talent's own view.
            var history = new Dictionary<Guid, List<ScanRecord>>();
            foreach (var talentId in relevant.Select(s => s.TalentId!.Value).Distinct())
            {
                var earliest = relevant.Where(s => s.TalentId == talentId).Min(s => s.ScannedAt) - window;
                var known = await scans.ListForTalentAsync(talentId, 50, ct);
                history[talentId] = known.Where(s => s.ScannedAt >= earliest && s.OrganisationId is not null && Accepted.Contains(s.Outcome)).ToList();
            }

            var existing = (await db.Signals.AsNoTracking()
                    .Where(s => relevant.Select(r => r.ScanId).Contains(s.SecondScanId))
                    .Select(s => new { s.SecondScanId, s.Kind }).ToListAsync(ct))
                .Select(s => (s.SecondScanId, s.Kind)).ToHashSet();
            foreach (var scan in relevant)
            {
                var previous = history[scan.TalentId!.Value]
                    .Where(p => p.ScanId != scan.ScanId && p.ScannedAt <= scan.ScannedAt && p.ScannedAt >= scan.ScannedAt - window
                        && p.OrganisationId != scan.OrganisationId)
                    .OrderByDescending(p => p.ScannedAt).FirstOrDefault();
                if (previous is null)
                {
                    continue;
                }

                var kind = scan.Mode == "static" && previous.Mode == "dynamic" ? SignalKinds.StaticAfterDynamic : SignalKinds.TwoPlaces;
                if (!existing.Add((scan.ScanId, kind)))
                {
                    continue;
                }

                db.Signals.Add(new SignalRow
                {
                    Id = Guid.CreateVersion7(now),
                    TalentId = scan.TalentId.Value,
                    Kind = kind,
                    Status = SignalStatuses.Open,
                    FirstScanId = previous.ScanId,
                    SecondScanId = scan.ScanId,
                    FirstOrganisationId = previous.OrganisationId,
                    SecondOrganisationId = scan.OrganisationId,
                    FirstAt = previous.ScannedAt,
                    SecondAt = scan.ScannedAt,
                    DetectedAt = now,
                });
            }
        }

        cursor.AfterAt = batch[^1].ScannedAt;
        cursor.AfterId = batch[^1].ScanId;
        cursor.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return batch.Count;
    }
}
