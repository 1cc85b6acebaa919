using System.Globalization;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.Modules.Rights.Domain;
using TalentPass.Ui;

namespace TalentPass.Modules.Rights.Pages;

/// <summary>Display texts of the rights pages (zh-CN default, English).</summary>
internal static class RightsText
{
    public static string Kind(string kind) => RightCodes.KindLabel(kind, Loc.IsEnglish);

    public static string KindBadge(string kind) => kind switch
    {
        RightKinds.Government => "badge",
        RightKinds.Financial => "badge badge-warn",
        _ => "badge badge-ok",
    };

    public static string Level(string level) => RightCodes.LevelShort(level, Loc.IsEnglish);

    public static string Levels(IEnumerable<string> levels) => string.Join(" ", levels.Select(Level));

    public static string Relation(string relation) => RightCodes.RelationLabel(relation, Loc.IsEnglish);

    public static string Relations(IReadOnlyList<string> relations) =>
        relations.Count == 0 ? Loc.T("仅本人", "Talent only") : Loc.T("本人及", "Talent and ") + string.Join(Loc.T("、", ", "), relations.Select(Relation));

    public static string Status(string status) => status switch
    {
        RightCodes.Active => Loc.T("有效", "Active"),
        RightCodes.Withdrawn => Loc.T("已撤销", "Withdrawn"),
        _ => status,
    };

    public static string StatusBadge(string status) => status == RightCodes.Active ? "badge badge-ok" : "badge badge-err";

    public static string Period(string period) => period switch
    {
        QuotaPeriods.Day => Loc.T("每天", "per day"),
        QuotaPeriods.Month => Loc.T("每月", "per month"),
        QuotaPeriods.Year => Loc.T("每年", "per year"),
        _ => Loc.T("有效期内", "in total"),
    };

    public static string Scope(string scope) => scope switch
    {
        QuotaScopes.Overall => Loc.T("总量", "Overall"),
        QuotaScopes.PerTalent => Loc.T("每位人才", "Per talent"),
        QuotaScopes.PerServicePoint => Loc.T("每个网点", "Per service point"),
        _ => scope,
    };

    public static string Quota(RightQuota q) =>
        Loc.IsEnglish ? $"{Scope(q.Scope)} {q.Limit} {Period(q.Period)}" : $"{Scope(q.Scope)}{Period(q.Period)}{q.Limit}次";

    public static string Yuan(long fen) => (fen / 100m).ToString("#,0.##", CultureInfo.InvariantCulture) + Loc.T(" 元", " yuan");

    public static string Action(string action) => action switch
    {
        "created" => Loc.T("创建", "Created"),
        "updated" => Loc.T("修改", "Changed"),
        "withdrawn" => Loc.T("撤销", "Withdrawn"),
        "reinstated" => Loc.T("恢复", "Reinstated"),
        _ => action,
    };

    public static string FinancingStatus(string status) => status switch
    {
        "submitted" => Loc.T("待银行答复", "Awaiting the bank"),
        "approved" => Loc.T("已批准", "Approved"),
        "declined" => Loc.T("未获批准", "Declined"),
        _ => status,
    };

    public static SharedKernel.Error Localise(SharedKernel.Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error with
        {
            Message = Message(error.Message),
            Fields = error.Fields?.ToDictionary(f => f.Key, f => f.Value.Select(Message).ToArray(), StringComparer.Ordinal),
        };
    }

    public static string Message(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var split = message.IndexOf(" / ", StringComparison.Ordinal);
        return split < 0 ? message : Loc.IsEnglish ? message[(split + 3)..] : message[..split];
    }
}
