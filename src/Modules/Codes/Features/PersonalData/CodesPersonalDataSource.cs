using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.Modules.Codes.Persistence;

namespace TalentPass.Modules.Codes.Features.PersonalData;

/// <summary>The talent's code subject (status-list entry) and the scans of their codes (the latest 1,000; no code text).</summary>
internal sealed class CodesPersonalDataSource(CodesDbContext db) : IPersonalDataSource
{
    public string Key => "codes";

    public async Task<PersonalDataSection> ExportAsync(Guid talentId, CancellationToken cancellationToken)
    {
        var subject = await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.TalentId == talentId, cancellationToken);
        var scans = subject is null
            ? []
            : await db.Scans.AsNoTracking()
                .Where(s => s.StatusListId == subject.StatusListId && s.StatusListIndex == subject.StatusListIndex)
                .OrderByDescending(s => s.ScannedAt).Take(1000)
                .Select(s => new { s.ScannedAt, s.OrganisationId, s.Outcome, s.Mode, s.Level }).ToListAsync(cancellationToken);
        var data = new
        {
            subject = subject is null ? null : new { subject.StatusListId, subject.StatusListIndex, subject.Status, subject.CreatedAt, subject.UpdatedAt },
            scans,
        };
        return new PersonalDataSection(Key, "人才码与扫码记录", "Talent code and scans", JsonSerializer.SerializeToNode(data, JsonSerializerOptions.Web) ?? new JsonObject());
    }
}
