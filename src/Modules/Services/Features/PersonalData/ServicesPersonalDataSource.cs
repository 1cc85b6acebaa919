using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.Modules.Services.Persistence;

namespace TalentPass.Modules.Services.Features.PersonalData;

/// <summary>The talent's service applications, their items (matter, status, outcome, amounts) and history.</summary>
internal sealed class ServicesPersonalDataSource(ServicesDbContext db) : IPersonalDataSource
{
    public string Key => "services";

    public async Task<PersonalDataSection> ExportAsync(Guid talentId, CancellationToken cancellationToken)
    {
        var applications = await db.Applications.AsNoTracking().Where(a => a.TalentId == talentId).OrderBy(a => a.SubmittedAt)
            .Select(a => new { a.Id, a.Reference, a.Channel, a.SubmittedAt, a.AcceptedOn }).ToListAsync(cancellationToken);
        var items = await db.Items.AsNoTracking().Where(i => i.TalentId == talentId).OrderBy(i => i.Reference)
            .Select(i => new { i.ApplicationId, i.Reference, i.MatterCode, i.MatterVersion, i.Status, i.AcceptedOn, i.DueOn, i.Outcome, i.DecidedAt, i.AutoDecided, i.ExplanationZh, i.ExplanationEn, i.ClerkReasonZh, i.ClerkReasonEn, i.AmountFen, i.Payments, i.Delivery, i.TrackingNumber, i.DeliveredAt })
            .ToListAsync(cancellationToken);
        var ids = applications.Select(a => a.Id).ToList();
        var history = await db.History.AsNoTracking().Where(h => ids.Contains(h.ApplicationId)).OrderBy(h => h.At)
            .Select(h => new { h.ApplicationId, h.At, h.ActorKind, h.Action, h.TextZh, h.TextEn }).ToListAsync(cancellationToken);
        return new PersonalDataSection(Key, "服务事项申请", "Service applications",
            JsonSerializer.SerializeToNode(new { applications, items, history }, JsonSerializerOptions.Web) ?? new JsonObject());
    }
}
