using System.Security.Claims;
using TalentPass.SharedKernel;

namespace TalentPass.Web.Components.Layout;

/// <summary>The main navigation: what each role works with. Pages enforce access themselves; this only shows the way.</summary>
internal static class NavItems
{
    private static readonly string[] RegistryReaders =
        [Roles.TalentOffice, Roles.BigDataBureau, Roles.Department, Roles.Operator, Roles.EnterpriseContact];

    private static readonly NavItem[] Items =
    [
        new("/me", "我的人才码", "My talent pass", [Roles.Talent]) { Exact = true }, // not also active on /me/code, /me/scans
        new("/me/code", "出示人才码", "Show my code", [Roles.Talent]),
        new("/me/scans", "扫码记录", "Who scanned my code", [Roles.Talent]),
        new("/me/subsidies", "我的补贴", "My subsidies", [Roles.Talent]),
        new("/me/profile", "我的资料", "My profile", [Roles.Talent]),
        new("/services", "一件事", "One-thing services", [Roles.Talent, Roles.TalentOffice]) { Exact = true },
        new("/me/applications", "我的办件", "My applications", [Roles.Talent]),
        new("/services/queue", "待办队列", "Services queue", [Roles.Department, Roles.TalentOffice]),
        new("/services/reports", "办理时效", "On-time report", [Roles.TalentOffice, Roles.Auditor, Roles.BigDataBureau]),
        new("/me/cards", "我的人才卡", "My talent cards", [Roles.Talent]),
        new("/me/recognitions", "人才认定", "Recognition", [Roles.Talent]),
        new("/scan", "扫码核验", "Scan a code", [Roles.ServicePointStaff, Roles.PartnerStaff]),
        new("/partner/card-applications", "办卡申请", "Card applications", [Roles.PartnerStaff]),
        new("/partner/cards", "人才卡", "Talent cards", [Roles.PartnerStaff]),
        new("/talents", "人才库", "Talents", RegistryReaders),
        new("/change-requests", "变更审核", "Change requests", [Roles.TalentOffice]),
        new("/cards/overview", "人才卡概览", "Talent cards", [Roles.TalentOffice, Roles.Operator]),
        new("/enterprises", "企业", "Enterprises", [Roles.TalentOffice, Roles.BigDataBureau, Roles.Operator, Roles.EnterpriseContact]),
        new("/organisations", "组织机构", "Organisations", [Roles.TalentOffice, Roles.Operator, Roles.BigDataBureau, Roles.PartnerStaff, Roles.ServicePointStaff, Roles.Department]),
        new("/accounts", "账号管理", "Accounts", [Roles.TalentOffice, Roles.Operator]),
        new("/partner", "合作机构门户", "Partner portal", [Roles.PartnerStaff]),
        new("/partners", "合作机构", "Partners", [Roles.TalentOffice, Roles.Operator, Roles.BigDataBureau]),
        new("/recognition", "人才认定", "Recognition", [Roles.TalentOffice]) { Exact = true },
        new("/recognition/reviews", "专家评审", "Expert reviews", [Roles.Department, Roles.BigDataBureau, Roles.Operator, Roles.EnterpriseContact]),
        new("/recognition/employer", "自主认定", "Self-recognition", [Roles.EnterpriseContact]),
        new("/audit", "审计日志", "Audit log", [Roles.Auditor]),
        new("/subsidies", "补贴发放", "Subsidy payments", [Roles.TalentOffice, Roles.Auditor]),
        new("/data-sharing/answers", "数据共享应答", "Data-sharing answers", [Roles.TalentOffice, Roles.Auditor, Roles.Department, Roles.BigDataBureau]),
        new("/partner/webhooks", "事件推送", "Webhooks", [Roles.PartnerStaff]),
        new("/webhooks", "事件推送", "Webhooks", [Roles.TalentOffice, Roles.Operator]),
        new("/me/host-bank", "主办银行", "Host bank", [Roles.Talent]),
        new("/partner/host-bank", "主办银行报送", "Host-bank reports", [Roles.PartnerStaff]),
        new("/host-bank", "主办银行达标", "Host-bank compliance", [Roles.TalentOffice, Roles.Operator, Roles.BigDataBureau, Roles.EnterpriseContact]),
        new("/ledger", "存证账本", "Evidence ledger", [Roles.TalentOffice, Roles.Operator, Roles.Auditor, Roles.BigDataBureau]),
        new("/me/inbox", "我的消息", "My messages", [.. Roles.All]),
        new("/notifications/sms", "短信发送", "SMS outbox", [Roles.Operator, Roles.TalentOffice]),
        new("/calendar", "工作日历", "Working-day calendar", [Roles.TalentOffice, Roles.Department, Roles.BigDataBureau]),
        new("/policies", "政策版本", "Policy versions", [Roles.TalentOffice, Roles.Auditor, Roles.BigDataBureau, Roles.Operator, Roles.Department]),
        new("/reports/joint-meeting", "联席会议报表", "Joint-meeting report", [Roles.TalentOffice, Roles.Auditor, Roles.BigDataBureau]),
    ];

    public static IEnumerable<NavItem> For(ClaimsPrincipal user) => Items.Where(i => i.Roles.Any(user.IsInRole));
}

internal sealed record NavItem(string Href, string Zh, string En, string[] Roles)
{
    /// <summary>Active only on exactly this path, not on the paths below it.</summary>
    public bool Exact { get; init; }
}
