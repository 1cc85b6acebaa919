using TalentPass.Modules.Policies.Domain;
using TalentPass.Ui;

namespace TalentPass.Modules.Policies.Pages;

/// <summary>UI text for policy kinds, states and trail steps.</summary>
internal static class PolicyText
{
    public static string Kind(string kind) => PolicyKinds.Label(kind, Loc.IsEnglish);

    public static string Status(string status) => status switch
    {
        PolicyStatus.Draft => Loc.T("草稿", "Draft"),
        PolicyStatus.Proposed => Loc.T("已提请", "Proposed"),
        PolicyStatus.Reviewed => Loc.T("联席会议已审议", "Joint meeting reviewed"),
        PolicyStatus.Approved => Loc.T("领导小组已批准", "Leading group approved"),
        EffectiveStatus.InForce => Loc.T("有效", "In force"),
        EffectiveStatus.Scheduled => Loc.T("待生效", "Scheduled"),
        EffectiveStatus.Expired => Loc.T("已到期", "Expired"),
        EffectiveStatus.Superseded => Loc.T("已被替代", "Superseded"),
        _ => status,
    };

    public static string Badge(string effective) => effective switch
    {
        EffectiveStatus.InForce => "badge badge-ok",
        EffectiveStatus.Expired or EffectiveStatus.Superseded => "badge",
        _ => "badge badge-warn",
    };

    public static string Step(string step) => step switch
    {
        PolicySteps.Drafted => Loc.T("起草", "Drafted"),
        PolicySteps.Proposed => Loc.T("提请审议", "Proposed"),
        PolicySteps.Reviewed => Loc.T("联席会议审议", "Joint meeting review"),
        PolicySteps.Approved => Loc.T("领导小组批准", "Leading group approval"),
        _ => step,
    };

    public static string Title(string zh, string en) => Loc.IsEnglish ? en : zh;

    /// <summary>A digest shortened for tables: <c>sha256:1a2b3c4d…</c>.</summary>
    public static string Short(string? digest) => digest is null ? "—" : digest.Length > 16 ? digest[..15] + "…" : digest;
}
