using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Demo;
using TalentPass.Modules.Consultations.Domain;
using TalentPass.Modules.Consultations.Persistence;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Consultations.Demo;

/// <summary>
/// Demo questions of demo-talent: one answered and published as an FAQ entry, one open at the talent office, and —
/// when the rights catalogue has a medical green channel — one open at its provider (the hospital).
/// </summary>
internal sealed class ConsultationsDemoSeeder(
    ConsultationsDbContext db,
    IAccountDirectory accounts,
    ITalentDirectory talents,
    IOrganisationDirectory organisations,
    IServiceProvider services,
    TimeProvider clock) : IDemoSeeder
{
    public int Order => 260;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await accounts.FindAccountIdAsync("demo-talent", cancellationToken) is not { } account
            || await talents.FindByAccountAsync(account, cancellationToken) is not { } talent
            || (await organisations.ListAsync(OrganisationKind.TalentOffice, cancellationToken)).FirstOrDefault() is not { } office)
        {
            return;
        }

        var officeAccount = await accounts.FindAccountIdAsync("demo-talentoffice", cancellationToken);
        var now = clock.GetUtcNow();
        var today = BusinessTime.Today(clock);
        db.Consultations.Add(new Consultation
        {
            Id = Guid.CreateVersion7(now.AddDays(-10)),
            TalentId = talent.Id,
            AskerAccountId = account,
            Topic = "人才码使用",
            Question = "人才码在外地医院能使用吗？我的手机号13800138000。",
            ProviderOrganisationId = office.Id,
            Status = ConsultationStatus.Answered,
            AskedAt = now.AddDays(-10),
            AskedOn = today.AddDays(-10),
            DueOn = today.AddDays(-3),
            AnsweredAt = now.AddDays(-8),
            AnsweredOn = today.AddDays(-8),
            AnsweredBy = officeAccount,
            Answer = "人才码目前仅在本市定点医院等服务点使用，外地医院暂不受理。",
            FaqPublished = true,
            FaqQuestion = "人才码在外地医院能使用吗？",
            FaqAnswer = "人才码目前仅在本市定点医院等服务点使用，外地医院暂不受理。",
            FaqPublishedAt = now.AddDays(-8),
            FaqPublishedBy = officeAccount,
            Version = 3,
        });
        db.Consultations.Add(new Consultation
        {
            Id = Guid.CreateVersion7(now.AddDays(-1)),
            TalentId = talent.Id,
            AskerAccountId = account,
            Topic = "子女入学",
            Question = "子女入学优先的申请材料有哪些？需要提前多久申请？",
            ProviderOrganisationId = office.Id,
            Status = ConsultationStatus.Open,
            AskedAt = now.AddDays(-1),
            AskedOn = today.AddDays(-1),
            DueOn = today.AddDays(6),
            Version = 1,
        });

        var catalogue = services.GetService<IRightsCatalogue>();
        var medical = catalogue is null ? null
            : (await catalogue.GetSnapshotAsync(cancellationToken)).Rights.FirstOrDefault(r => r.Code.Contains("medical", StringComparison.Ordinal));
        if (medical is not null)
        {
            db.Consultations.Add(new Consultation
            {
                Id = Guid.CreateVersion7(now),
                TalentId = talent.Id,
                AskerAccountId = account,
                RightId = medical.Id,
                Topic = medical.NameZh,
                Question = "医疗绿色通道可以为父母预约专家号吗？",
                ProviderOrganisationId = medical.ProviderOrganisationId,
                Status = ConsultationStatus.Open,
                AskedAt = now,
                AskedOn = today,
                DueOn = today.AddDays(7),
                Version = 1,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
