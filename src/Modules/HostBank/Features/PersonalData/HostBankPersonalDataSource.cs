using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.Modules.HostBank.Persistence;

namespace TalentPass.Modules.HostBank.Features.PersonalData;

/// <summary>The talent's host-bank choices, linked enterprises and the quarterly assessments about them.</summary>
internal sealed class HostBankPersonalDataSource(HostBankDbContext db) : IPersonalDataSource
{
    public string Key => "hostbank";

    public async Task<PersonalDataSection> ExportAsync(Guid talentId, CancellationToken cancellationToken)
    {
        var choices = await db.Choices.AsNoTracking().Where(c => c.TalentId == talentId).OrderBy(c => c.ChosenAt)
            .Select(c => new { c.PartnerOrganisationId, c.Since, c.Until, c.ChosenAt, c.EndedAt, c.LedgerIndex }).ToListAsync(cancellationToken);
        var enterprises = await db.Links.AsNoTracking().Where(l => l.TalentId == talentId).OrderBy(l => l.LinkedAt)
            .Select(l => new { l.EnterpriseOrganisationId, l.CreditCode, l.LinkedAt }).ToListAsync(cancellationToken);
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.TalentId == talentId).OrderBy(a => a.Quarter)
            .Select(a => new { a.EnterpriseOrganisationId, a.Quarter, a.PartnerOrganisationId, a.Outcome, a.HostFen, a.TotalFen, a.ShareBasisPoints, a.AssessedAt })
            .ToListAsync(cancellationToken);
        return new PersonalDataSection(Key, "主办银行", "Host bank",
            JsonSerializer.SerializeToNode(new { choices, enterprises, assessments }, JsonSerializerOptions.Web) ?? new JsonObject());
    }
}
