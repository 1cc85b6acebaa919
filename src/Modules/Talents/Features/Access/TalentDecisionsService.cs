using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.Modules.Talents.Domain;
using TalentPass.Modules.Talents.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Features.Access;

/// <summary><see cref="ITalentDecisions"/>: other modules' decisions, through the same writer as the talent office's.</summary>
internal sealed class TalentDecisionsService(TalentsDbContext db, TalentChangeWriter writer) : ITalentDecisions
{
    public async Task<Result> ChangeLevelAsync(
        Guid talentId, string level, string? category, DateOnly effectiveOn, string reason, string decisionReference, Guid? decidedBy, CancellationToken cancellationToken = default)
    {
        if (TalentLevel.Normalise(level) is not { } normalisedLevel)
        {
            return TalentsErrors.LevelUnknown;
        }

        string? normalisedCategory = null;
        if (!string.IsNullOrWhiteSpace(category) && (normalisedCategory = TalentCategory.Normalise(category)) is null)
        {
            return TalentsErrors.CategoryUnknown;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return TalentsErrors.ReasonRequired;
        }

        var talent = await db.Talents.FirstOrDefaultAsync(t => t.Id == talentId, cancellationToken);
        if (talent is null)
        {
            return TalentsErrors.NotFound;
        }

        var changed = await writer.ChangeLevelAsync(talent, normalisedLevel, normalisedCategory, effectiveOn, reason, decidedBy, decisionReference, cancellationToken);
        return changed.IsSuccess ? Result.Success() : changed.Error;
    }

    public async Task<Result> ChangeStatusAsync(
        Guid talentId, string status, string reason, string decisionReference, Guid? decidedBy, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return TalentsErrors.ReasonRequired;
        }

        var talent = await db.Talents.FirstOrDefaultAsync(t => t.Id == talentId, cancellationToken);
        if (talent is null)
        {
            return TalentsErrors.NotFound;
        }

        var changed = await writer.ChangeStatusAsync(talent, status, reason, decidedBy, decisionReference, cancellationToken);
        return changed.IsSuccess ? Result.Success() : changed.Error;
    }
}

/// <summary><see cref="ITalentPersonalData"/>: decrypts for another module's stated purpose and audits every read.</summary>
internal sealed class TalentPersonalData(TalentsDbContext db, IFieldProtector protector, IAuditTrail audit) : ITalentPersonalData
{
    public const string PersonalDataUse = "talents.personal_data_used";

    public async Task<TalentIdentity?> GetIdentityAsync(Guid talentId, string purpose, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var row = await db.Talents.AsNoTracking()
            .Where(t => t.Id == talentId)
            .Select(t => new { t.Name, t.IdNumberCipher, t.PhoneCipher })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        await audit.RecordAsync(new AuditRecord(PersonalDataUse, "talent", talentId.ToString(), "purpose=" + purpose), cancellationToken);
        return new TalentIdentity(talentId, row.Name, protector.Unprotect(row.IdNumberCipher), row.PhoneCipher is null ? null : protector.Unprotect(row.PhoneCipher));
    }

    public async Task<IReadOnlyList<FoundedEnterprise>> ListFoundedEnterprisesAsync(Guid talentId, CancellationToken cancellationToken = default) =>
        await db.Enterprises.AsNoTracking()
            .Where(e => e.FounderTalentId == talentId)
            .OrderBy(e => e.CreditCode)
            .Select(e => new FoundedEnterprise(e.OrganisationId, e.CreditCode, e.FoundedOn))
            .ToListAsync(cancellationToken);
}
