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
        new("/me/profile", "我的资料", "My profile", [Roles.Talent]),
        new("/services", "一件事", "One-thing services", [Roles.Talent, Roles.TalentOffice]) { Exact = true },
        new("/me/applications", "我的办件", "My applications", [Roles.Talent]),
        new("/me/subsidies", "我的补贴", "My subsidies", [Roles.Talent]),
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
        new("/me/rights", "我的权益", "My rights", [Roles.Talent]),
        new("/me/family", "家庭成员", "Family members", [Roles.Talent]),
        new("/rights/catalogue", "权益目录", "Rights catalogue", [Roles.TalentOffice, Roles.Operator, Roles.Department, Roles.PartnerStaff, Roles.ServicePointStaff, Roles.BigDataBureau, Roles.Auditor]),
        new("/rights/financing", "融资申请", "Financing applications", [Roles.PartnerStaff]),
        new("/redeem", "权益核销", "Redeem a right", [Roles.ServicePointStaff, Roles.PartnerStaff]),
        new("/redemptions", "核销记录", "Redemptions", [Roles.ServicePointStaff, Roles.PartnerStaff, Roles.TalentOffice, Roles.Auditor, Roles.Department, Roles.Operator]),
        new("/me/redemptions", "权益使用记录", "My redemptions", [Roles.Talent]),
        new("/me/consultations", "政策咨询", "Policy questions", [Roles.Talent]),
        new("/consultations", "咨询答复", "Questions to answer", [Roles.TalentOffice, Roles.Department, Roles.PartnerStaff, Roles.ServicePointStaff, Roles.Operator]),
        new("/rights/faq", "权益常见问题", "Rights FAQ", [Roles.Talent, Roles.TalentOffice, Roles.Department, Roles.PartnerStaff, Roles.ServicePointStaff, Roles.Operator]),
        new("/contribution", "服务贡献值", "Service contribution", [Roles.TalentOffice, Roles.Operator, Roles.Auditor, Roles.BigDataBureau, Roles.PartnerStaff]),
        new("/rights/reports", "权益统计", "Rights reports", [Roles.TalentOffice, Roles.Operator, Roles.Auditor, Roles.BigDataBureau, Roles.Department]),
        new("/calendar", "工作日历", "Working-day calendar", [Roles.TalentOffice, Roles.Department, Roles.BigDataBureau]),
        new("/me/review", "定期复核", "Periodic review", [Roles.Talent]),
        new("/me/privacy", "我的数据", "My data and privacy", [Roles.Talent]),
        new("/reviews", "定期复核", "Periodic reviews", [Roles.TalentOffice]),
        new("/me/cases", "权益处理告知", "Notices about my rights", [Roles.Talent]),
        new("/governance/cases", "权益处理案件", "Governance cases", [Roles.TalentOffice, Roles.BigDataBureau, Roles.PartnerStaff, Roles.Auditor]),
        new("/governance/rules", "暂停规则", "Suspension rules", [Roles.TalentOffice, Roles.BigDataBureau, Roles.PartnerStaff, Roles.Auditor]),
        new("/governance/signals", "异常扫码", "Misuse signals", [Roles.TalentOffice, Roles.BigDataBureau, Roles.Auditor]),
        new("/policies", "政策版本", "Policy versions", [Roles.TalentOffice, Roles.Auditor, Roles.BigDataBureau, Roles.Operator, Roles.Department]),
        new("/reports/joint-meeting", "联席会议报表", "Joint-meeting report", [Roles.TalentOffice, Roles.Auditor, Roles.BigDataBureau]),
    ];

    /// <summary>
    /// The menus the links are grouped into, in display order: a link belongs to the first group with a rule matching
    /// its path (a rule matches the path itself and the paths below it). New links find their group by path.
    /// </summary>
    private static readonly (string Key, string Zh, string En, string[] Paths)[] Groups =
    [
        ("pass", "人才码与卡", "Code and cards", ["/me/code", "/me/scans", "/me/cards", "/me/host-bank"]),
        ("my-rights", "我的权益", "My rights", ["/me/rights", "/me/family", "/me/redemptions", "/me/consultations"]),
        ("my-services", "我的办事", "My services", ["/me/applications", "/me/recognitions", "/me/subsidies", "/me/review"]),
        ("me", "我的", "Me", ["/me"]),
        ("registry", "人才库", "Registry", ["/talents", "/change-requests", "/enterprises"]),
        ("services", "一件事", "Services", ["/services", "/recognition", "/subsidies", "/data-sharing", "/calendar"]),
        ("rights", "权益", "Rights", ["/rights", "/redeem", "/redemptions", "/contribution", "/scan", "/consultations"]),
        ("partners", "人才卡与合作", "Cards and partners", ["/partner", "/partners", "/cards", "/webhooks", "/host-bank"]),
        ("governance", "治理", "Governance", ["/governance", "/reviews", "/policies", "/reports"]),
        ("system", "系统", "System", ["/organisations", "/accounts", "/audit", "/ledger", "/notifications"]),
    ];

    /// <summary>Up to this many links are shown in one row; more are grouped into menus.</summary>
    public const int FlatLimit = 8;

    public static IEnumerable<NavItem> For(ClaimsPrincipal user) => Items.Where(i => i.Roles.Any(user.IsInRole));

    /// <summary>The user's links by menu, in menu order (a talent's "/services" sits with their services).</summary>
    public static IReadOnlyList<NavGroup> GroupsFor(ClaimsPrincipal user)
    {
        var talent = user.IsInRole(Roles.Talent);
        return For(user)
            .GroupBy(i => GroupOf(i.Href, talent))
            .OrderBy(g => g.Key)
            .Select(g => new NavGroup(Groups[g.Key].Key, Groups[g.Key].Zh, Groups[g.Key].En, [.. g]))
            .ToList();
    }

    /// <summary>The menu holding the page at <paramref name="path"/> (the longest link it is at or below), or null.</summary>
    public static NavGroup? ActiveGroup(IReadOnlyList<NavGroup> groups, string path) =>
        groups
            .SelectMany(g => g.Items.Where(i => Matches(i.Href, path, exact: false)).Select(i => (Group: g, i.Href.Length)))
            .OrderByDescending(x => x.Length)
            .Select(x => x.Group)
            .FirstOrDefault();

    private static int GroupOf(string href, bool talent)
    {
        // The talent's home page (their pass) opens the code-and-cards menu; the services catalogue opens theirs.
        if (href == "/me")
        {
            return Array.FindIndex(Groups, g => g.Key == "pass");
        }

        if (talent && href == "/services")
        {
            return Array.FindIndex(Groups, g => g.Key == "my-services");
        }

        if (talent && Matches("/rights", href, exact: false))
        {
            return Array.FindIndex(Groups, g => g.Key == "my-rights");
        }

        for (var i = 0; i < Groups.Length; i++)
        {
            if (Groups[i].Paths.Any(p => Matches(p, href, exact: false)))
            {
                return i;
            }
        }

        return Array.FindIndex(Groups, g => g.Key == "system");
    }

    private static bool Matches(string href, string path, bool exact) =>
        string.Equals(path, href, StringComparison.OrdinalIgnoreCase)
        || (!exact && path.StartsWith(href.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase));
}

/// <summary>One menu of the main navigation and the user's links in it.</summary>
internal sealed record NavGroup(string Key, string Zh, string En, IReadOnlyList<NavItem> Items);

internal sealed record NavItem(string Href, string Zh, string En, string[] Roles)
{
    /// <summary>Active only on exactly this path, not on the paths below it.</summary>
    public bool Exact { get; init; }
}
