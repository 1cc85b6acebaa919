using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Demo;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Policies.Domain;
using TalentPass.Modules.Policies.Features.Manage;
using TalentPass.Modules.Policies.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Policies.Demo;

/// <summary>
/// The policy versions the demo data already uses, approved with a full trail and recorded as evidence: the
/// recognition criteria catalogue (<c>2026.1-demo</c>), the automatic-approval rules of the one-thing matters
/// (<c>youth-living-2026.1</c> …), the rights list (<c>rights-2026.1</c>), matters and amounts; a superseded
/// predecessor (<c>amounts-2024.1</c>); one version that expires in 45 days without a successor (the banner); and a
/// proposal waiting for the joint meeting (<c>rights-2027.1</c>). A second talent-office account,
/// <c>demo-approver</c>, records approvals (the approver is never the proposer).
/// </summary>
internal sealed class PoliciesDemoSeeder(
    PoliciesDbContext db,
    PolicyWorkflow workflow,
    IAccountDirectory accounts,
    IOrganisationDirectory organisations,
    IOrganisationProvisioning provisioning,
    TimeProvider clock) : IDemoSeeder
{
    public const string Approver = "demo-approver";

    public int Order => 210;

    private sealed record Seed(string Kind, string Label, string TitleZh, string TitleEn, DateOnly From, DateOnly To, string? Supersedes = null);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Policies.AnyAsync(cancellationToken))
        {
            return;
        }

        var office = (await organisations.ListAsync(OrganisationKind.TalentOffice, cancellationToken)).FirstOrDefault();
        if (office is not null && await accounts.FindAccountIdAsync(Approver, cancellationToken) is null)
        {
            await provisioning.CreateAccountAsync(Approver, "领导小组秘书（示例）", DemoOptions.Password, Roles.TalentOffice, office.Id, cancellationToken);
        }

        var proposer = await accounts.FindAccountIdAsync("demo-talentoffice", cancellationToken);
        var approver = await accounts.FindAccountIdAsync(Approver, cancellationToken);
        var y2026 = new DateOnly(2026, 1, 1);
        var to2027 = new DateOnly(2027, 12, 31);
        var today = BusinessTime.Today(clock);
        var soon = today.AddDays(45);
        Seed[] seeds =
        [
            new(PolicyKinds.Levels, "levels-2026.1", "人才分类目录（A–E类、青年、社会化、储备）（示例）", "Talent level catalogue (A–E, youth, social, reserve) (demo)", y2026, to2027),
            new(PolicyKinds.Levels, "2026.1-demo", "高层次人才认定标准目录（示例）", "High-level talent recognition criteria (demo)", y2026, to2027),
            new(PolicyKinds.Rights, "rights-2026.1", "人才权益清单（示例）", "Talent rights list (demo)", y2026, to2027),
            new(PolicyKinds.Matters, "matters-2026.1", "人才服务“一件事”事项清单（示例）", "One-thing talent service matters (demo)", y2026, to2027),
            new(PolicyKinds.Amounts, "amounts-2024.1", "人才补贴标准（2024版，示例）", "Talent subsidy amounts, 2024 edition (demo)", new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31)),
            new(PolicyKinds.Amounts, "amounts-2026.1", "人才补贴标准（示例）", "Talent subsidy amounts (demo)", y2026, to2027, "amounts-2024.1"),
            new(PolicyKinds.Rules, "youth-living-2026.1", "青年人才生活补贴免审规则（示例）", "Youth living subsidy: automatic approval rules (demo)", y2026, to2027),
            new(PolicyKinds.Rules, "youth-rent-2026.1", "青年人才租房补贴免审规则（示例）", "Youth rent subsidy: automatic approval rules (demo)", y2026, to2027),
            new(PolicyKinds.Rules, "youth-housing-2026.1", "青年人才购房补贴免审规则（示例）", "Youth housing subsidy: automatic approval rules (demo)", y2026, to2027),
            new(PolicyKinds.Rules, "medical-vip-2026.1", "高层次人才就医绿色通道规则（示例）", "Medical green channel rules (demo)", y2026, to2027),
            new(PolicyKinds.Rules, "health-check-2026.1", "高层次人才健康体检规则（示例）", "Health check rules (demo)", y2026, to2027),
            new(PolicyKinds.Rules, "school-enrolment-2026.1", "子女入学规则（示例）", "School enrolment rules (demo)", y2026, to2027),
            new(PolicyKinds.Rules, "kindergarten-2026.1", "子女入园规则（示例）", "Kindergarten rules (demo)", y2026, to2027),
            new(PolicyKinds.Rules, "vehicle-2026.1", "车辆服务规则（示例）", "Vehicle services rules (demo)", y2026, to2027),
            new(PolicyKinds.Rules, "travel-vip-2026.1", "出行贵宾服务规则（示例）", "Travel VIP rules (demo)", y2026, to2027),
            new(PolicyKinds.Rules, "talent-apartment-2025.1", "人才公寓配租规则（示例，即将到期）", "Talent apartment allocation rules (demo, expiring)", soon.AddYears(-2).AddDays(1), soon),
        ];

        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var s in seeds)
        {
            var approvedAt = new DateTimeOffset(s.From.AddDays(-10).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
            var row = new PolicyRow
            {
                Id = Guid.CreateVersion7(approvedAt),
                Kind = s.Kind,
                Label = s.Label,
                TitleZh = s.TitleZh,
                TitleEn = s.TitleEn,
                Summary = "示例数据 / Demo data",
                ValidFrom = s.From,
                ValidTo = s.To,
                DocumentDigest = PolicyRules.Digest($"{s.Label}\n{s.TitleZh}\n{s.TitleEn}"),
                Status = PolicyStatus.Approved,
                SupersedesId = s.Supersedes is { } p ? ids[p] : null,
                IsDemo = true,
                CreatedAt = approvedAt.AddDays(-30),
                CreatedBy = proposer,
                ApprovedAt = approvedAt,
                Version = 1,
            };
            ids[s.Label] = row.Id;
            db.Policies.Add(row);
            AddTrail(row.Id, s.Label, approvedAt, proposer, approver, approved: true);
            await db.SaveChangesAsync(cancellationToken);
            await workflow.RecordApprovalAsync(row, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var next = new PolicyRow
        {
            Id = Guid.CreateVersion7(now),
            Kind = PolicyKinds.Rights,
            Label = "rights-2027.1",
            TitleZh = "人才权益清单（2027版，示例，待审议）",
            TitleEn = "Talent rights list, 2027 edition (demo, awaiting review)",
            Summary = "新增人才公寓孵化器房源；就医绿色通道扩展至家属 / Adds incubator apartments; extends the medical green channel to family (demo)",
            ValidFrom = new DateOnly(2028, 1, 1),
            ValidTo = PolicyRules.DefaultValidTo(new DateOnly(2028, 1, 1)),
            DocumentDigest = PolicyRules.Digest("rights-2027.1 demo draft"),
            Status = PolicyStatus.Proposed,
            SupersedesId = ids["rights-2026.1"],
            IsDemo = true,
            CreatedAt = now.AddDays(-3),
            CreatedBy = proposer,
            Version = 1,
        };
        db.Policies.Add(next);
        AddTrail(next.Id, next.Label, now.AddDays(10), proposer, approver, approved: false);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Drafted 30 days, proposed 25 days and (for approved seeds) reviewed 20 days before <paramref name="approvedAt"/>.</summary>
    private void AddTrail(Guid policyId, string label, DateTimeOffset approvedAt, Guid? proposer, Guid? approver, bool approved)
    {
        void Add(string step, int daysBefore, Guid? actor, string name, string? minutes) => db.Steps.Add(new StepRow
        {
            Id = Guid.NewGuid(),
            PolicyId = policyId,
            Step = step,
            ActorAccountId = actor,
            ActorName = name,
            At = approvedAt.AddDays(-daysBefore),
            MinutesDigest = minutes is null ? null : PolicyRules.Digest(minutes),
            Note = minutes is null ? null : "示例 / Demo",
        });

        Add(PolicySteps.Drafted, 30, proposer, "人才办（示例）", null);
        Add(PolicySteps.Proposed, 13, proposer, "人才办（示例）", null);
        if (approved)
        {
            Add(PolicySteps.Reviewed, 5, proposer, "人才办（示例）", $"联席会议纪要 {label}");
            Add(PolicySteps.Approved, 0, approver, "领导小组秘书（示例）", $"领导小组批准 {label}");
        }
    }
}
