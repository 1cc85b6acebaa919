using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Talents.Domain;
using TalentPass.Modules.Talents.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Features.GetTalent;

internal sealed record EducationView(string? Degree, string? School, string? Major, int? GraduationYear);

internal sealed record ProvenanceView(string State, Guid? VerifiedBy, string Source, DateTimeOffset UpdatedAt);

internal sealed record LevelHistoryView(
    Guid Id,
    string? FromLevel,
    string ToLevel,
    string? FromCategory,
    string ToCategory,
    DateOnly EffectiveOn,
    string Reason,
    Guid? DecidedBy,
    DateTimeOffset DecidedAt);

/// <summary>
/// A talent's full record as shown to an allowed reader. <see cref="IdNumber"/>, <see cref="Phone"/> and
/// <see cref="Address"/> are masked unless <see cref="Unmasked"/> is true (an audited read).
/// </summary>
internal sealed record TalentView(
    Guid Id,
    int Version,
    string Name,
    string Gender,
    DateOnly BirthDate,
    string IdNumber,
    string IdSuffix,
    string? Phone,
    string? Address,
    EducationView Education,
    IReadOnlyList<string> AcademicTitles,
    IReadOnlyList<string> AcademicFields,
    IReadOnlyList<string> ResearchProjects,
    IReadOnlyList<string> ResearchPapers,
    IReadOnlyList<string> ResearchPatents,
    IReadOnlyList<string> Honours,
    Guid? EmployerOrganisationId,
    string? EmployerName,
    Guid? AccountId,
    string Level,
    DateOnly LevelEffectiveOn,
    string Category,
    DateOnly CategoryEffectiveOn,
    string Status,
    DateTimeOffset StatusChangedAt,
    string? StatusReason,
    bool Unmasked,
    IReadOnlyDictionary<string, ProvenanceView> Provenance,
    IReadOnlyList<LevelHistoryView> LevelHistory,
    IReadOnlyList<string> PendingChangeFields);

/// <summary>Builds <see cref="TalentView"/>s and writes the audit record of every unmasked read.</summary>
internal sealed class TalentViewBuilder(TalentsDbContext db, IFieldProtector protector, IAuditTrail audit)
{
    public const string PersonalDataRead = "talents.personal_data_read";

    public static readonly string[] PersonalFields = [ProfileFields.IdNumber, ProfileFields.Phone, ProfileFields.Address];

    public async Task<TalentView> BuildAsync(Talent talent, bool unmask, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(talent);
        var rows = await db.Provenance.AsNoTracking().Where(p => p.TalentId == talent.Id).ToDictionaryAsync(p => p.Field, StringComparer.Ordinal, ct);
        var provenance = ProfileFields.All.Select(f => talent.ProvenanceOf(f.Key, rows)).OfType<FieldProvenance>().ToList();
        var history = await db.LevelHistory.AsNoTracking().Where(h => h.TalentId == talent.Id).OrderByDescending(h => h.Id).ToListAsync(ct);
        var pending = await db.ChangeRequests.AsNoTracking()
            .Where(c => c.TalentId == talent.Id && c.Status == ChangeRequestStatus.Pending)
            .Select(c => c.Field)
            .ToListAsync(ct);

        string? address = talent.AddressCipher is null ? null : protector.Unprotect(talent.AddressCipher);
        if (unmask)
        {
            var fields = PersonalFields.Where(f => f == ProfileFields.IdNumber
                || (f == ProfileFields.Phone && talent.PhoneCipher is not null)
                || (f == ProfileFields.Address && address is not null));
            await audit.RecordAsync(new AuditRecord(PersonalDataRead, "talent", talent.Id.ToString(), "fields=" + string.Join(',', fields)), ct);
        }

        return new TalentView(
            talent.Id,
            talent.Version,
            talent.Name,
            talent.Gender,
            talent.BirthDate,
            unmask ? protector.Unprotect(talent.IdNumberCipher) : talent.IdMasked,
            talent.IdSuffix,
            talent.PhoneCipher is null ? null : unmask ? protector.Unprotect(talent.PhoneCipher) : talent.PhoneMasked,
            address is null ? null : unmask ? address : Masking.Address(address),
            new EducationView(talent.EducationDegree, talent.EducationSchool, talent.EducationMajor, talent.EducationGraduationYear),
            ProfileFields.SplitList(talent.AcademicTitles),
            ProfileFields.SplitList(talent.AcademicFields),
            ProfileFields.SplitList(talent.ResearchProjects),
            ProfileFields.SplitList(talent.ResearchPapers),
            ProfileFields.SplitList(talent.ResearchPatents),
            ProfileFields.SplitList(talent.Honours),
            talent.EmployerOrganisationId,
            talent.EmployerName,
            talent.AccountId,
            talent.Level,
            talent.LevelEffectiveOn,
            talent.Category,
            talent.CategoryEffectiveOn,
            talent.Status,
            talent.StatusChangedAt,
            talent.StatusReason,
            unmask,
            provenance.ToDictionary(p => p.Field, p => new ProvenanceView(p.State, p.VerifiedBy, p.Source, p.UpdatedAt), StringComparer.Ordinal),
            history.Select(h => new LevelHistoryView(h.Id, h.FromLevel, h.ToLevel, h.FromCategory, h.ToCategory, h.EffectiveOn, h.Reason, h.DecidedBy, h.DecidedAt)).ToList(),
            pending);
    }
}
