using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Talents.Domain;
using TalentPass.Modules.Talents.Persistence;

namespace TalentPass.Modules.Talents.Features.PersonalData;

/// <summary>The talent's registry record (unmasked: it is their own), provenance, level history and change requests.</summary>
internal sealed class TalentsPersonalDataSource(TalentsDbContext db, IFieldProtector protector) : IPersonalDataSource
{
    public string Key => "talents";

    public async Task<PersonalDataSection> ExportAsync(Guid talentId, CancellationToken cancellationToken)
    {
        var t = await db.Talents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == talentId, cancellationToken);
        var provenance = await db.Provenance.AsNoTracking().Where(p => p.TalentId == talentId).OrderBy(p => p.Field)
            .Select(p => new { p.Field, p.State, p.Source, p.UpdatedAt }).ToListAsync(cancellationToken);
        var levels = await db.LevelHistory.AsNoTracking().Where(h => h.TalentId == talentId).Select(h => new { h.FromLevel, h.ToLevel, h.FromCategory, h.ToCategory, h.EffectiveOn, h.Reason, h.DecidedAt }).ToListAsync(cancellationToken);
        var requests = await db.ChangeRequests.AsNoTracking().Where(c => c.TalentId == talentId).ToListAsync(cancellationToken);
        var data = new
        {
            profile = t is null ? null : new
            {
                t.Name,
                t.Gender,
                t.BirthDate,
                IdNumber = protector.Unprotect(t.IdNumberCipher),
                Phone = t.PhoneCipher is null ? null : protector.Unprotect(t.PhoneCipher),
                Address = t.AddressCipher is null ? null : protector.Unprotect(t.AddressCipher),
                t.EducationDegree,
                t.EducationSchool,
                t.EducationMajor,
                t.EducationGraduationYear,
                t.AcademicTitles,
                t.AcademicFields,
                t.ResearchProjects,
                t.ResearchPapers,
                t.ResearchPatents,
                t.Honours,
                t.EmployerName,
                t.Level,
                t.LevelEffectiveOn,
                t.Category,
                t.Status,
                t.StatusReason,
                t.StatusChangedAt,
                t.CreatedAt,
                t.UpdatedAt,
            },
            provenance,
            levelHistory = levels.OrderBy(h => h.DecidedAt), // sorted here: SQLite keeps these instants as text
            changeRequests = requests.OrderBy(c => c.RequestedAt).Select(c => new
            {
                c.Field,
                ProposedValue = c.ProposedValue is not null && ProfileFields.IsPersonal(c.Field) ? protector.Unprotect(c.ProposedValue) : c.ProposedValue,
                c.Status,
                c.RequestedAt,
                c.ReviewReason,
                c.ReviewedAt,
            }),
        };
        return new PersonalDataSection(Key, "人才档案", "Registry record", JsonSerializer.SerializeToNode(data, JsonSerializerOptions.Web) ?? new JsonObject());
    }
}
