using System.Text;
using TalentPass.Infrastructure.Demo;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Recognition.Domain;
using TalentPass.Modules.Recognition.Features.Shared;
using TalentPass.Modules.Recognition.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Recognition.Demo;

/// <summary>
/// The recognition demo (data only, marked demo by the catalogue version): an expert pool of existing demo accounts
/// (科技局 demo-department, 大数据局 demo-bigdata, 运营机构 demo-operator, and demo-enterprise of 示例科技有限公司 —
/// conflicted for its own employees); 示例科技有限公司 qualified for self-recognition this year (D: 3, E: 5); the demo
/// talent 张明华's recognition as C by expert review (2024-03-01, certificate recorded in the ledger) and an open
/// expert review for B whose panel is waiting for scores — sign in as demo-department to score it.
/// </summary>
internal sealed class RecognitionDemoSeeder(
    RecognitionDbContext db,
    IAccountDirectory accounts,
    IOrganisationDirectory organisations,
    ITalentDirectory talents,
    ILedger ledger,
    TimeProvider clock) : IDemoSeeder
{
    public int Order => 150;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = BusinessTime.Today(clock);
        var orgs = (await organisations.ListAsync(null, cancellationToken)).ToDictionary(o => o.Code, StringComparer.Ordinal);
        var enterprise = orgs.GetValueOrDefault("ENT-DEMO-001");
        var experts = new (string Username, string Name, string? Org, string Affiliation, string Field)[]
        {
            ("demo-department", "王建新（示例专家）", "dept-science", "科技局", "新能源与材料"),
            ("demo-bigdata", "刘思远（示例专家）", "big-data-bureau", "大数据局", "信息技术"),
            ("demo-operator", "陈立华（示例专家）", "operator", "人才码运营中心", "经营管理"),
            ("demo-enterprise", "赵光明（示例专家）", "ENT-DEMO-001", "示例科技有限公司", "储能工程"),
        };
        var expertIds = new List<(Guid Id, Guid? Org)>();
        foreach (var (username, name, org, affiliation, field) in experts)
        {
            if (await accounts.FindAccountIdAsync(username, cancellationToken) is not { } id)
            {
                continue;
            }

            var orgId = org is not null && orgs.TryGetValue(org, out var o) ? o.Id : (Guid?)null;
            db.Experts.Add(new Expert { AccountId = id, DisplayName = name, AffiliationOrganisationId = orgId, AffiliationName = affiliation, Field = field, IsActive = true, AddedAt = now });
            expertIds.Add((id, orgId));
        }

        if (enterprise is not null)
        {
            db.Quotas.Add(new EmployerQuota { OrganisationId = enterprise.Id, Year = today.Year, Level = "d", Quota = 3, Used = 0, UpdatedAt = now });
            db.Quotas.Add(new EmployerQuota { OrganisationId = enterprise.Id, Year = today.Year, Level = "e", Quota = 5, Used = 0, UpdatedAt = now });
        }

        var demoAccount = await accounts.FindAccountIdAsync("demo-talent", cancellationToken);
        var talent = demoAccount is null ? null : await talents.FindByAccountAsync(demoAccount.Value, cancellationToken);
        if (talent is not null)
        {
            var version = CriteriaCatalogue.Current.Version;
            var decidedAt = new DateTimeOffset(2024, 2, 26, 2, 0, 0, TimeSpan.Zero);
            var pastId = Guid.CreateVersion7(decidedAt.AddDays(-40));
            var past = new RecognitionApplication
            {
                Id = pastId,
                Number = $"RA-2024-{RecognitionEffects.Suffix(pastId)}",
                TalentId = talent.Id,
                Path = RecognitionPaths.ExpertReview,
                Status = RecognitionStatus.Approved,
                RequestedLevel = "c",
                LevelAtSubmission = "d",
                RecommendedLevel = "c",
                DecidedLevel = "c",
                CatalogueVersion = version,
                Criteria = "c-provincial-award",
                Statement = "河南省科技进步一等奖（2022）第一完成人；固态电池关键材料研究（示例）",
                EmployerOrganisationId = talent.EmployerOrganisationId,
                SubmittedAt = decidedAt.AddDays(-40),
                PanelFormedAt = decidedAt.AddDays(-30),
                PanelClosedAt = decidedAt.AddDays(-10),
                ScoreX100 = 8467,
                ScoresCounted = 3,
                DecidedAt = decidedAt,
                DecisionReason = "专家评审推荐，人才办审定（示例）/ Recommended by the panel, decided by the talent office (demo)",
                EffectiveOn = new DateOnly(2024, 3, 1),
                MailCarrier = "中国邮政 EMS",
                MailTrackingNumber = "EA123456789CN",
                MailedAt = decidedAt.AddDays(3),
                Version = 1,
            };
            RecognitionEffects.IssueCertificate(past);
            db.Applications.Add(past);
            AddEvidence(pastId, "科技进步奖证书（示例）.txt", "河南省科技进步一等奖证书（示例文件）", decidedAt.AddDays(-40));
            var scores = new[] { 86, 83, 85 };
            var i = 0;
            foreach (var (id, org) in expertIds.Where(e => e.Org != talent.EmployerOrganisationId).Take(3))
            {
                db.PanelMembers.Add(new PanelMember { ApplicationId = pastId, ExpertAccountId = id, DeclaredAt = decidedAt.AddDays(-25), HasConflict = false, Score = scores[i++], ScoredAt = decidedAt.AddDays(-20) });
            }

            var openId = Guid.CreateVersion7(now);
            db.Applications.Add(new RecognitionApplication
            {
                Id = openId,
                Number = $"RA-{today.Year}-{RecognitionEffects.Suffix(openId)}",
                TalentId = talent.Id,
                Path = RecognitionPaths.ExpertReview,
                Status = RecognitionStatus.InReview,
                RequestedLevel = "b",
                LevelAtSubmission = talent.Level,
                CatalogueVersion = version,
                Criteria = "b-national-programme",
                Statement = "国家重点研发计划项目负责人；高比能固态电池中试线技术负责人（示例）",
                EmployerOrganisationId = talent.EmployerOrganisationId,
                SubmittedAt = now.AddDays(-7),
                PanelFormedAt = now.AddDays(-2),
                Version = 1,
            });
            AddEvidence(openId, "项目任务书（示例）.txt", "国家重点研发计划项目任务书（示例文件）", now.AddDays(-7));
            foreach (var (id, org) in expertIds)
            {
                db.PanelMembers.Add(new PanelMember { ApplicationId = openId, ExpertAccountId = id, EmployerConflict = org is not null && org == talent.EmployerOrganisationId });
            }

            await db.SaveChangesAsync(cancellationToken);
            var recorded = await ledger.AppendAsync(new LedgerEntryDraft(RecognitionEffects.LedgerKind, past.CertificateDigest!, ["talent-office"], "recognition", decidedAt, "recognition:" + pastId.ToString("D")), cancellationToken);
            past.LedgerIndex = recorded.IsSuccess ? recorded.Value!.Index : null;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private void AddEvidence(Guid applicationId, string name, string text, DateTimeOffset at)
    {
        var content = Encoding.UTF8.GetBytes(text);
        db.Evidence.Add(new EvidenceDocument
        {
            Id = Guid.CreateVersion7(at),
            ApplicationId = applicationId,
            FileName = name,
            ContentType = "text/plain; charset=utf-8",
            SizeBytes = content.Length,
            Sha256 = LedgerDigest.Sha256(content),
            Content = content,
            UploadedAt = at,
        });
    }
}
