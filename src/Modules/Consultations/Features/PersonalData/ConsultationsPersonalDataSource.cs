using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.Modules.Consultations.Persistence;

namespace TalentPass.Modules.Consultations.Features.PersonalData;

/// <summary>The talent's own questions and the answers they received (staff account ids left out).</summary>
internal sealed class ConsultationsPersonalDataSource(ConsultationsDbContext db) : IPersonalDataSource
{
    public string Key => "consultations";

    public async Task<PersonalDataSection> ExportAsync(Guid talentId, CancellationToken cancellationToken)
    {
        var rows = await db.Consultations.AsNoTracking().Where(c => c.TalentId == talentId)
            .OrderBy(c => c.AskedAt)
            .Select(c => new { c.Id, c.RightId, c.Topic, c.Question, c.Status, c.AskedAt, c.DueOn, c.AnsweredAt, c.Answer, c.FaqPublished })
            .ToListAsync(cancellationToken);
        var data = JsonSerializer.SerializeToNode(rows, JsonSerializerOptions.Web) ?? new JsonArray();
        return new PersonalDataSection(Key, "政策咨询", "Policy consultations", data);
    }
}
