using System.Globalization;

namespace TalentPass.Ui;

/// <summary>
/// UI text in both languages side by side: <c>Loc.T("登录", "Sign in")</c>. Simplified Chinese is the default;
/// English when the request culture is English (see <c>docs/adr/0003-ui-technology.md</c>).
/// </summary>
public static class Loc
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string zh, string en) => IsEnglish ? en : zh;

    /// <summary>Display name of a role in the current language.</summary>
    public static string Role(string role) => role switch
    {
        SharedKernel.Roles.Talent => T("人才", "Talent"),
        SharedKernel.Roles.TalentOffice => T("人才办", "Talent office"),
        SharedKernel.Roles.BigDataBureau => T("大数据局", "Big-data bureau"),
        SharedKernel.Roles.Department => T("政府部门", "Department"),
        SharedKernel.Roles.Operator => T("运营机构", "Operator"),
        SharedKernel.Roles.PartnerStaff => T("合作单位人员", "Partner staff"),
        SharedKernel.Roles.ServicePointStaff => T("服务网点人员", "Service-point staff"),
        SharedKernel.Roles.Auditor => T("审计员", "Auditor"),
        SharedKernel.Roles.EnterpriseContact => T("企业联系人", "Enterprise contact"),
        _ => role,
    };

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>An instant in the business time zone, minutes precision.</summary>
    public static string Instant(DateTimeOffset? instant) =>
        instant is null ? "—" : SharedKernel.BusinessTime.ToBusiness(instant.Value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
