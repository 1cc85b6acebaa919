using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.Modules.Cards.Persistence;

namespace TalentPass.Modules.Cards.Features.PersonalData;

/// <summary>The talent's card applications with their consents, and their cards (last four digits only, never the token).</summary>
internal sealed class CardsPersonalDataSource(CardsDbContext db) : IPersonalDataSource
{
    public string Key => "cards";

    public async Task<PersonalDataSection> ExportAsync(Guid talentId, CancellationToken cancellationToken)
    {
        var applications = await db.Applications.AsNoTracking().Where(a => a.TalentId == talentId).OrderBy(a => a.CreatedAt)
            .Select(a => new { a.Id, a.PartnerId, a.Status, a.ConsentVersion, a.ConsentFields, a.ConsentedAt, a.ConsentWithdrawnAt, a.CreatedAt, a.DecidedAt, a.DecisionReason })
            .ToListAsync(cancellationToken);
        var cards = await db.Cards.AsNoTracking().Where(c => c.TalentId == talentId).OrderBy(c => c.IssuedAt)
            .Select(c => new { c.Id, c.PartnerId, c.Last4, c.Status, c.IssuedAt, c.ActivatedAt, c.StatusChangedAt, c.StatusReason })
            .ToListAsync(cancellationToken);
        return new PersonalDataSection(Key, "人才卡与授权", "Talent cards and consents",
            JsonSerializer.SerializeToNode(new { applications, cards }, JsonSerializerOptions.Web) ?? new JsonObject());
    }
}
