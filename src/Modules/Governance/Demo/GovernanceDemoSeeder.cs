using TalentPass.Infrastructure.Demo;
using TalentPass.Modules.Governance.Domain;
using TalentPass.Modules.Governance.Persistence;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Governance.Demo;

/// <summary>
/// Demo rules, one per remit: the talent office's "misuse report + overdue review → suspend all rights" (5 working days
/// to respond, decided by someone other than the notice sender), its "confirmed scan signal" and "false materials →
/// terminate" (by hand) rules; the big-data bureau's "left the area → suspend"; the bookstore's "two misuse reports in
/// 30 days → suspend the bookstore's rights".
/// </summary>
internal sealed class GovernanceDemoSeeder(GovernanceDbContext db, IPartnerDirectory partners, TimeProvider clock) : IDemoSeeder
{
    public int Order => 260;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var bookstore = (await partners.ListAsync(PartnerKinds.Consumer, cancellationToken)).FirstOrDefault(p => p.Code == "merchant-bookstore");
        RuleRow Rule(string code, string zh, string en, string owner, Guid? ownerOrg, Action<RuleRow> set)
        {
            var row = new RuleRow
            {
                Id = Guid.CreateVersion7(now),
                Code = code,
                Version = 1,
                NameZh = zh,
                NameEn = en,
                OwnerKind = owner,
                OwnerOrganisationId = ownerOrg,
                ResponseWorkingDays = 5,
                DeciderRole = Roles.TalentOffice,
                DeciderNotSender = true,
                Effect = RuleEffects.SuspendAll,
                Status = "active",
                CreatedAt = now,
            };
            set(row);
            return row;
        }

        db.Rules.Add(Rule("misuse-and-overdue-review", "合作单位举报滥用且复核逾期", "Partner misuse report and overdue review", RuleOwners.TalentOffice, null, r =>
        {
            r.MisuseReportsMin = 1;
            r.MisuseReportsDays = 90;
            r.ReviewOverdue = true;
        }));
        db.Rules.Add(Rule("confirmed-scan-misuse", "经核实的异常扫码（转借人才码）", "Confirmed scan misuse (code lent to others)", RuleOwners.TalentOffice, null, r => r.ConfirmedSignal = true));
        db.Rules.Add(Rule("false-materials", "提供虚假材料（终止）", "False materials (termination)", RuleOwners.TalentOffice, null, r =>
        {
            r.Effect = RuleEffects.Terminate;
            r.TerminationGround = TerminationGrounds.FalseMaterials;
            r.ResponseWorkingDays = 10;
        }));
        db.Rules.Add(Rule("left-area", "数据共享显示已离开本市", "Data sharing shows the talent left the city", RuleOwners.BigDataBureau, null, r =>
        {
            r.LeftArea = true;
            r.DeciderRole = Roles.BigDataBureau;
        }));
        if (bookstore is not null)
        {
            db.Rules.Add(Rule("bookstore-misuse", "书城：30天内两次滥用举报", "Bookstore: two misuse reports in 30 days", RuleOwners.Partner, bookstore.OrganisationId, r =>
            {
                r.MisuseReportsMin = 2;
                r.MisuseReportsDays = 30;
                r.DeciderRole = Roles.PartnerStaff;
                r.DeciderNotSender = false;
                r.Effect = RuleEffects.SuspendPartner;
                r.EffectPartnerId = bookstore.OrganisationId;
            }));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
