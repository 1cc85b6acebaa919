using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.Modules.Redemptions.Features.Redeem;
using TalentPass.Modules.Redemptions.Persistence;

namespace TalentPass.Modules.Redemptions.Features.PersonalData;

/// <summary>The talent's redemptions for their data download (what, where, when, for whom; no staff accounts).</summary>
internal sealed class RedemptionsPersonalDataSource(RedemptionsDbContext db) : IPersonalDataSource
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Key => "redemptions";

    public async Task<PersonalDataSection> ExportAsync(Guid talentId, CancellationToken cancellationToken)
    {
        var rows = await db.Redemptions.AsNoTracking().Where(r => r.TalentId == talentId).OrderByDescending(r => r.RecordedAt).ToListAsync(cancellationToken);
        var data = JsonSerializer.SerializeToNode(rows.Select(RedemptionView.From).ToList(), Json) ?? new JsonArray();
        return new PersonalDataSection(Key, "权益核销记录", "Redemptions of rights", data);
    }
}
