using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.Modules.Reviews.Persistence;

namespace TalentPass.Modules.Reviews.Features.PersonalData;

/// <summary>The talent's periodic reviews: campaign, due date, re-verification, answer and notes.</summary>
internal sealed class ReviewsPersonalDataSource(ReviewsDbContext db) : IPersonalDataSource
{
    public string Key => "reviews";

    public async Task<PersonalDataSection> ExportAsync(Guid talentId, CancellationToken cancellationToken)
    {
        var reviews = await (from r in db.Reviews.AsNoTracking()
                             join c in db.Campaigns.AsNoTracking() on r.CampaignId equals c.Id
                             where r.TalentId == talentId
                             orderby r.CreatedAt
                             select new { Campaign = c.Name, r.Status, r.DueOn, r.Reverification, r.ReverifiedAt, r.CompletedAt, r.TalentNote, r.ClerkNote, r.CreatedAt })
            .ToListAsync(cancellationToken);
        return new PersonalDataSection(Key, "定期复核", "Periodic reviews", JsonSerializer.SerializeToNode(new { reviews }, JsonSerializerOptions.Web) ?? new JsonObject());
    }
}
