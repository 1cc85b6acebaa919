using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.Modules.Recognition.Persistence;

namespace TalentPass.Modules.Recognition.Features.PersonalData;

/// <summary>The talent's recognition applications, evidence documents (name, size, SHA-256; not the content) and data look-ups
/// (sorted in memory: this module's SQLite instants are text).</summary>
internal sealed class RecognitionPersonalDataSource(RecognitionDbContext db) : IPersonalDataSource
{
    public string Key => "recognition";

    public async Task<PersonalDataSection> ExportAsync(Guid talentId, CancellationToken cancellationToken)
    {
        var applications = await db.Applications.AsNoTracking().Where(a => a.TalentId == talentId)
            .Select(a => new { a.Id, a.Number, a.Path, a.Status, a.RequestedLevel, a.DecidedLevel, a.Criteria, a.Statement, a.SubmittedAt, a.DecidedAt, a.DecisionReason, a.EffectiveOn, a.CertificateNumber, a.MailCarrier, a.MailTrackingNumber, a.MailedAt, a.RevokedAt, a.RevokeReason })
            .ToListAsync(cancellationToken);
        var ids = applications.Select(a => a.Id).ToList();
        var evidence = await db.Evidence.AsNoTracking().Where(e => ids.Contains(e.ApplicationId))
            .Select(e => new { e.ApplicationId, e.FileName, e.ContentType, e.SizeBytes, e.Sha256, e.UploadedAt }).ToListAsync(cancellationToken);
        var lookups = await db.Lookups.AsNoTracking().Where(l => ids.Contains(l.ApplicationId))
            .Select(l => new { l.ApplicationId, l.CriterionCode, l.Source, l.Outcome, l.Matched, l.Explanation, l.FetchedAt }).ToListAsync(cancellationToken);
        return new PersonalDataSection(Key, "人才认定", "Recognition",
            JsonSerializer.SerializeToNode(new { applications = applications.OrderBy(a => a.SubmittedAt), evidence = evidence.OrderBy(e => e.UploadedAt), lookups = lookups.OrderBy(l => l.FetchedAt) }, JsonSerializerOptions.Web) ?? new JsonObject());
    }
}
