using TalentPass.Infrastructure.Demo;
using TalentPass.Modules.Services.Persistence;

namespace TalentPass.Modules.Services.Demo;

/// <summary>Seeds the demo catalogue (marked <c>is_demo</c>): 6 themes, 11 categories, 30 matters (20 first batch, online).</summary>
internal sealed class ServicesDemoSeeder(ServicesDbContext db, TimeProvider clock) : IDemoSeeder
{
    public int Order => 130;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var position = 0;
        foreach (var (code, zh, en) in DemoCatalogue.Themes)
        {
            db.Themes.Add(new ThemeRow { Code = code, NameZh = zh, NameEn = en, Position = ++position });
        }

        position = 0;
        foreach (var (code, theme, zh, en) in DemoCatalogue.Categories)
        {
            db.Categories.Add(new CategoryRow { Code = code, ThemeCode = theme, NameZh = zh, NameEn = en, Position = ++position });
        }

        position = 0;
        foreach (var m in DemoCatalogue.Matters)
        {
            db.Matters.Add(new MatterRow
            {
                Code = m.Code,
                CategoryCode = m.Category,
                NameZh = m.Zh,
                NameEn = m.En,
                DescriptionZh = m.DescZh,
                DescriptionEn = m.DescEn,
                FirstBatch = m.FirstBatch,
                IsDemo = true,
                IsOnline = m.FirstBatch,
                CurrentVersion = 1,
                Position = ++position,
                UpdatedAt = now,
                Version = 1,
            });
            db.MatterVersions.Add(new MatterVersionRow
            {
                MatterCode = m.Code,
                Number = 1,
                Definition = m.Definition.ToJson(),
                ValidFrom = new DateOnly(2026, 1, 1),
                PublishedAt = now,
                Note = "示例数据 / Demo data",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
