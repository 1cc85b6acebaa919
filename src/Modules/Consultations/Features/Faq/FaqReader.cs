using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Consultations.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Consultations.Features.Faq;

/// <summary>One published, anonymised FAQ entry (no asker, no original text).</summary>
internal sealed record FaqEntry(Guid Id, Guid? RightId, string Topic, string Question, string Answer, DateTimeOffset PublishedAt);

/// <summary>The public FAQ: published entries, newest first, searchable by words in topic, question and answer, filterable by right.</summary>
internal sealed class FaqReader(ConsultationsDbContext db)
{
    public async Task<Page<FaqEntry>> SearchAsync(string? q, Guid? rightId, PageRequest page, CancellationToken ct)
    {
        var query = db.Consultations.AsNoTracking().Where(c => c.FaqPublished);
        if (rightId is { } right)
        {
            query = query.Where(c => c.RightId == right);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            foreach (var term in q.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5))
            {
                query = query.Where(c => c.Topic.Contains(term) || c.FaqQuestion!.Contains(term) || c.FaqAnswer!.Contains(term));
            }
        }

        var total = await query.Take((int)Page<FaqEntry>.TotalCap + 1).CountAsync(ct);
        var items = await query.OrderByDescending(c => c.FaqPublishedAt).ThenBy(c => c.Id)
            .Skip(page.Skip).Take(page.SafeSize)
            .Select(c => new FaqEntry(c.Id, c.RightId, c.Topic, c.FaqQuestion!, c.FaqAnswer!, c.FaqPublishedAt!.Value))
            .ToListAsync(ct);
        return new Page<FaqEntry>(items, page.SafePage, page.SafeSize, Math.Min(total, Page<FaqEntry>.TotalCap), total > Page<FaqEntry>.TotalCap);
    }
}
