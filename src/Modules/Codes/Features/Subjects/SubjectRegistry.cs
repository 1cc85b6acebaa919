using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalentPass.Modules.Codes.Persistence;
using TalentPass.Verifier;

namespace TalentPass.Modules.Codes.Features.Subjects;

/// <summary>
/// Gives each talent, on first issuance, an opaque 16-byte subject id and a random free index in a status list
/// (a list holds <see cref="CodesOptions.StatusListSize"/> entries; a new one opens when
/// <see cref="CodesOptions.StatusListFill"/> of them are taken). Uniqueness is the database's: the unique indexes
/// on the subject id and on (list, index) make concurrent allocations on several nodes safe (a loser retries).
/// </summary>
internal sealed class SubjectRegistry(CodesDbContext db, StatusCache cache, IOptions<CodesOptions> options, TimeProvider clock)
{
    private const int Attempts = 32;

    public static EntryStatus FromTalentStatus(string status) => status switch
    {
        "active" => EntryStatus.Valid,
        "terminated" => EntryStatus.Terminated,
        _ => EntryStatus.Suspended,
    };

    public Task<SubjectRow?> FindAsync(Guid talentId, CancellationToken ct) =>
        db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.TalentId == talentId, ct);

    /// <summary>The talent's subject, created when missing; its status brought in line with <paramref name="status"/>.</summary>
    public async Task<SubjectRow> GetOrCreateAsync(Guid talentId, EntryStatus status, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var existing = await FindAsync(talentId, ct);
            if (existing is not null)
            {
                if (existing.Status != (int)status)
                {
                    await SetStatusAsync(talentId, status, ct);
                    existing.Status = (int)status;
                }

                return existing;
            }

            var now = clock.GetUtcNow();
            var list = await OpenListAsync(now, ct);
            var subject = new SubjectRow
            {
                TalentId = talentId,
                SubjectId = RandomNumberGenerator.GetBytes(16),
                StatusListId = list.Id,
                StatusListIndex = RandomNumberGenerator.GetInt32(list.Size),
                Status = (int)status,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Subjects.Add(subject);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Index taken, or the talent got a subject on another request: look again.
                db.ChangeTracker.Clear();
                continue;
            }

            db.Entry(subject).State = EntityState.Detached;
            if (status != EntryStatus.Valid)
            {
                var version = await BumpAsync(list.Id, now, ct);
                await ApplyAsync(list.Id, subject.StatusListIndex, status, version, ct);
            }

            return subject;
        }

        throw new InvalidOperationException($"No free status-list index found after {Attempts} attempts.");
    }

    /// <summary>Changes the status of the talent's entry (no-op when the talent never had a code); true if it changed.</summary>
    public async Task<bool> SetStatusAsync(Guid talentId, EntryStatus status, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var subject = await db.Subjects.FirstOrDefaultAsync(s => s.TalentId == talentId, ct);
        if (subject is null || subject.Status == (int)status)
        {
            return false;
        }

        subject.Status = (int)status;
        subject.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        var version = await BumpAsync(subject.StatusListId, now, ct);
        await tx.CommitAsync(ct);
        await ApplyAsync(subject.StatusListId, subject.StatusListIndex, status, version, ct);
        return true;
    }

    /// <summary>Puts a committed change into this node's memory: directly, or by a refresh when the list is not loaded yet.</summary>
    private async Task ApplyAsync(int listId, int index, EntryStatus status, long version, CancellationToken ct)
    {
        if (cache.Holds(listId))
        {
            cache.Set(listId, index, status, version);
        }
        else
        {
            await cache.RefreshAsync(ct);
        }
    }

    private async Task<long> BumpAsync(int listId, DateTimeOffset now, CancellationToken ct)
    {
        await db.StatusLists.Where(l => l.Id == listId)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Version, l => l.Version + 1).SetProperty(l => l.UpdatedAt, now), ct);
        return await db.StatusLists.Where(l => l.Id == listId).Select(l => l.Version).FirstAsync(ct);
    }

    /// <summary>The newest list while it has room, else a new one (id + 1; a concurrent creator wins, we re-read).</summary>
    private async Task<StatusListRow> OpenListAsync(DateTimeOffset now, CancellationToken ct)
    {
        var latest = await db.StatusLists.AsNoTracking().OrderByDescending(l => l.Id).FirstOrDefaultAsync(ct);
        if (latest is not null)
        {
            var taken = await db.Subjects.CountAsync(s => s.StatusListId == latest.Id, ct);
            if (taken < latest.Size * options.Value.StatusListFill)
            {
                return latest;
            }
        }

        var row = new StatusListRow
        {
            Id = (latest?.Id ?? 0) + 1,
            Size = options.Value.StatusListSize,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.StatusLists.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            db.Entry(row).State = EntityState.Detached;
            await cache.RefreshAsync(ct); // this node serves and verifies against the new list at once
            return row;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.StatusLists.AsNoTracking().OrderByDescending(l => l.Id).FirstAsync(ct);
        }
    }
}
