using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Ledger.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Ledger.Features.SearchEntries;

/// <summary>Filters of the staff view; all optional. <see cref="Digest"/> matches exactly (with or without the <c>sha256:</c> prefix).</summary>
internal sealed record EntryQuery(string? Kind = null, string? Party = null, string? Digest = null, string? Reference = null);

internal sealed record EntryView(long Index, string Kind, string Digest, IReadOnlyList<string> Parties, string Submitter, string? Reference, DateTimeOffset Time, DateTimeOffset SequencedAt, bool Signed);

internal sealed record LedgerStatus(long TreeSize, string HashProfile, string? Origin, long? CheckpointSize, DateTimeOffset? CheckpointPublishedAt, int CheckpointCosignatures, string? Checkpoint, long PendingEntries, IReadOnlyList<WitnessStatus> Witnesses);

internal sealed record WitnessStatus(string Name, long CosignedSize, string LastStatus, string? LastError, DateTimeOffset UpdatedAt);

/// <summary>Recent entries by kind, party, digest or reference, newest first, and the log's status (staff page and API).</summary>
internal sealed class SearchEntriesHandler(LedgerDbContext db)
{
    public static readonly string[] Readers = [Roles.TalentOffice, Roles.Operator, Roles.Auditor, Roles.BigDataBureau];

    public async Task<Page<EntryView>> SearchAsync(EntryQuery query, PageRequest page, CancellationToken ct)
    {
        var entries = db.Entries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            entries = entries.Where(e => e.Kind == query.Kind.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.Party))
        {
            var token = "," + query.Party.Trim() + ",";
            entries = entries.Where(e => e.Parties.Contains(token));
        }

        if (!string.IsNullOrWhiteSpace(query.Digest))
        {
            var digest = query.Digest.Trim().ToLowerInvariant();
            digest = digest.Contains(':', StringComparison.Ordinal) ? digest : "sha256:" + digest;
            entries = entries.Where(e => e.Digest == digest);
        }

        if (!string.IsNullOrWhiteSpace(query.Reference))
        {
            entries = entries.Where(e => e.Reference == query.Reference.Trim());
        }

        var total = await entries.Take((int)Page<EntryView>.TotalCap).CountAsync(ct);
        var rows = await entries.OrderByDescending(e => e.Index).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        return new Page<EntryView>(rows.Select(View).ToList(), page.SafePage, page.SafeSize, total, total >= Page<EntryView>.TotalCap);
    }

    public async Task<LedgerStatus> StatusAsync(CancellationToken ct)
    {
        var tree = await db.Tree.AsNoTracking().SingleAsync(ct);
        var checkpoint = await db.Checkpoints.AsNoTracking().Where(c => c.PublishedAt != null).OrderByDescending(c => c.Size).FirstOrDefaultAsync(ct);
        var pending = await db.Pending.CountAsync(ct);
        var witnesses = await db.WitnessStates.AsNoTracking().OrderBy(w => w.Name).ToListAsync(ct);
        return new LedgerStatus(tree.Size, tree.HashProfile ?? "sha256", tree.Origin, checkpoint?.Size, checkpoint?.PublishedAt, checkpoint?.Cosignatures ?? 0,
            checkpoint is null ? null : checkpoint.CosignedNote ?? checkpoint.Note, pending,
            witnesses.Select(w => new WitnessStatus(w.Name, w.CosignedSize, w.LastStatus, w.LastError, w.UpdatedAt)).ToList());
    }

    private static EntryView View(EntryRow e) =>
        new(e.Index, e.Kind, e.Digest, e.Parties.Split(',', StringSplitOptions.RemoveEmptyEntries), e.Submitter, e.Reference, e.EntryTime, e.SequencedAt,
            Encoding.ASCII.GetString(e.Entry).Contains("\"sig\":", StringComparison.Ordinal));

    public static void Map(RouteGroupBuilder ledger)
    {
        ledger.MapGet("/entries", async Task<Ok<Page<EntryView>>> (string? kind, string? party, string? digest, string? reference, int? page, int? size, SearchEntriesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.SearchAsync(new EntryQuery(kind, party, digest, reference), new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct)))
            .RequireAuthorization(p => p.RequireRole(Readers))
            .WithName("SearchLedgerEntries")
            .WithSummary("Recent ledger entries by kind, party, document digest or reference (staff)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        ledger.MapGet("/status", async Task<Ok<LedgerStatus>> (SearchEntriesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.StatusAsync(ct)))
            .RequireAuthorization(p => p.RequireRole(Readers))
            .WithName("GetLedgerStatus")
            .WithSummary("Tree size, latest published checkpoint, pending entries and witness status (staff)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
