using TalentPass.Ui;

namespace TalentPass.Modules.DataSharing.Pages;

/// <summary>Display texts of the data-sharing pages in the current UI language.</summary>
internal static class DataSharingText
{
    public static IReadOnlyList<string> Sources { get; } =
        ["household_registration", "education_credentials", "social_insurance", "business_registration", "tax"];

    public static IReadOnlyList<string> Outcomes { get; } = ["found", "not_found", "unavailable", "invalid"];

    public static string Source(string source) => source switch
    {
        "household_registration" => Loc.T("户籍", "Household registration"),
        "education_credentials" => Loc.T("学历学位", "Education credentials"),
        "social_insurance" => Loc.T("社会保险", "Social insurance"),
        "business_registration" => Loc.T("市场主体登记", "Business registration"),
        "tax" => Loc.T("税务", "Tax"),
        _ => source,
    };

    public static string Outcome(string outcome) => outcome switch
    {
        "found" => Loc.T("查得", "Found"),
        "not_found" => Loc.T("查无记录", "Not found"),
        "unavailable" => Loc.T("不可用", "Unavailable"),
        "invalid" => Loc.T("应答无效", "Invalid answer"),
        _ => outcome,
    };

    public static string OutcomeBadge(string outcome) => outcome switch
    {
        "found" => "badge badge-ok",
        "not_found" => "badge",
        "unavailable" => "badge badge-warn",
        _ => "badge badge-err",
    };

    public static string Field(string name) => name switch
    {
        "registered" => Loc.T("本地户籍", "Registered here"),
        "hukouType" => Loc.T("户口性质", "Household type"),
        "district" => Loc.T("所属区县", "District"),
        "address" => Loc.T("户籍地址", "Registered address"),
        "registeredOn" => Loc.T("落户日期", "Registered on"),
        "degree" => Loc.T("学历学位", "Degree"),
        "school" => Loc.T("毕业院校", "School"),
        "major" => Loc.T("专业", "Major"),
        "graduatedOn" => Loc.T("毕业日期", "Graduated on"),
        "certificateNumber" => Loc.T("证书编号", "Certificate number"),
        "employerName" => Loc.T("参保单位", "Employer"),
        "employerCreditCode" => Loc.T("单位信用代码", "Employer credit code"),
        "contributionMonths" => Loc.T("累计缴费月数", "Contribution months"),
        "contributing" => Loc.T("正在缴费", "Still contributing"),
        "firstContributionMonth" => Loc.T("首次缴费月份", "First contribution month"),
        "lastContributionMonth" => Loc.T("最近缴费月份", "Last contribution month"),
        "enterpriseCount" => Loc.T("企业数", "Enterprises"),
        "creditCode" => Loc.T("统一社会信用代码", "Credit code"),
        "enterpriseName" => Loc.T("企业名称", "Enterprise"),
        "role" => Loc.T("身份", "Role"),
        "establishedOn" => Loc.T("成立日期", "Established on"),
        "registrationStatus" => Loc.T("登记状态", "Registration status"),
        "taxYear" => Loc.T("纳税年度", "Tax year"),
        "annualIncomeFen" => Loc.T("年收入（分）", "Annual income (fen)"),
        "taxPaidFen" => Loc.T("已缴税额（分）", "Tax paid (fen)"),
        "inArrears" => Loc.T("欠税", "In arrears"),
        _ => name,
    };

    /// <summary>An error for display in the current language: bilingual "中文 / English" texts are cut to one language.</summary>
    public static SharedKernel.Error Localise(SharedKernel.Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var split = error.Message.IndexOf(" / ", StringComparison.Ordinal);
        return split < 0 ? error : error with { Message = Loc.T(error.Message[..split], error.Message[(split + 3)..]) };
    }
}
