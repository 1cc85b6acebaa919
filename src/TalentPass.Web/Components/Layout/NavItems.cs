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
        new("/me/recognitions", "人才认定", "Recognition", [Roles.Talent]),
        new("/scan", "扫码核验", "Scan a code", [Roles.ServicePointStaff, Roles.PartnerStaff]),
        new("/talents", "人才库", "Talents", RegistryReaders),
        new("/change-requests", "变更审核", "Change requests", [Roles.TalentOffice]),
        new("/enterprises", "企业", "Enterprises", [Roles.TalentOffice, Roles.BigDataBureau, Roles.Operator, Roles.EnterpriseContact]),
        new("/organisations", "组织机构", "Organisations", [Roles.TalentOffice, Roles.Operator, Roles.BigDataBureau, Roles.PartnerStaff, Roles.ServicePointStaff, Roles.Department]),
        new("/accounts", "账号管理", "Accounts", [Roles.TalentOffice, Roles.Operator]),
        new("/recognition", "人才认定", "Recognition", [Roles.TalentOffice]) { Exact = true },
        new("/recognition/reviews", "专家评审", "Expert reviews", [Roles.Department, Roles.BigDataBureau, Roles.Operator, Roles.EnterpriseContact]),
        new("/recognition/employer", "自主认定", "Self-recognition", [Roles.EnterpriseContact]),
        new("/audit", "审计日志", "Audit log", [Roles.Auditor]),
        new("/ledger", "存证账本", "Evidence ledger", [Roles.TalentOffice, Roles.Operator, Roles.Auditor, Roles.BigDataBureau]),
    ];

    public static IEnumerable<NavItem> For(ClaimsPrincipal user) => Items.Where(i => i.Roles.Any(user.IsInRole));
}

internal sealed record NavItem(string Href, string Zh, string En, string[] Roles)
{
    /// <summary>Active only on exactly this path, not on the paths below it.</summary>
    public bool Exact { get; init; }
}
