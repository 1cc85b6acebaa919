using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.Modules.Subsidies.Persistence;

namespace TalentPass.Modules.Subsidies.Features.PersonalData;

/// <summary>The talent's subsidy schedules, monthly payments and holds.</summary>
internal sealed class SubsidiesPersonalDataSource(SubsidiesDbContext db) : IPersonalDataSource
{
    public string Key => "subsidies";

    public async Task<PersonalDataSection> ExportAsync(Guid talentId, CancellationToken cancellationToken)
    {
        var schedules = await db.Schedules.AsNoTracking().Where(s => s.TalentId == talentId).OrderBy(s => s.CreatedAt)
            .Select(s => new { s.Id, s.MatterCode, s.AmountFen, s.Payments, s.Paid, s.FirstMonth, s.DecidedOn, s.Status, s.StatusReason, s.StatusChangedAt })
            .ToListAsync(cancellationToken);
        var payments = await db.Payments.AsNoTracking().Where(p => p.TalentId == talentId).OrderBy(p => p.Month).ThenBy(p => p.Sequence)
            .Select(p => new { p.ScheduleId, p.Month, p.Sequence, p.AmountFen, p.Status, p.PaidAt }).ToListAsync(cancellationToken);
        var holds = await db.Holds.AsNoTracking().Where(h => h.TalentId == talentId).OrderBy(h => h.CreatedAt)
            .Select(h => new { h.ScheduleId, h.Reason, h.CreatedAt }).ToListAsync(cancellationToken);
        return new PersonalDataSection(Key, "补贴发放", "Subsidies",
            JsonSerializer.SerializeToNode(new { schedules, payments, holds }, JsonSerializerOptions.Web) ?? new JsonObject());
    }
}
