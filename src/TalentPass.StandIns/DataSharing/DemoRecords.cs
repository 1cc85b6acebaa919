using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TalentPass.StandIns.DataSharing;

/// <summary>
/// The stand-in's demo records, derived deterministically from the resident ID number (docs/data-sharing.md,
/// "Stand-in demo records"). The sequence code (characters 15–17) decides the case: a first digit other than 0
/// is an ordinary resident found in every source; <c>0</c> followed by a second digit selects a special case
/// (not found, left the area, a faulty source, …). Values (school, employer, months) come from a SHA-256 of the
/// number, so the same talent always gets the same records.
/// </summary>
internal static class DemoRecords
{
    /// <summary>What the sequence code <c>0d…</c> means (d = the second digit).</summary>
    public enum Case
    {
        Ordinary,
        NotFoundAnywhere,
        LeftTheArea,
        NoSocialInsurance,
        NoHouseholdRegistration,
        NoEducationCredentials,
        Garbage,
        SchemaMismatch,
        Unavailable,
        Slow,
    }

    public const string HouseholdRegistration = "household_registration";
    public const string EducationCredentials = "education_credentials";
    public const string SocialInsurance = "social_insurance";
    public const string BusinessRegistration = "business_registration";
    public const string Tax = "tax";

    public static IReadOnlyList<string> Sources { get; } =
        [HouseholdRegistration, EducationCredentials, SocialInsurance, BusinessRegistration, Tax];

    private static readonly string[] Schools = ["郑州大学", "河南大学", "河南农业大学", "华北水利水电大学", "河南工业大学", "北京大学", "清华大学", "浙江大学", "武汉大学", "西安交通大学"];
    private static readonly string[] Majors = ["计算机科学与技术", "材料科学与工程", "机械工程", "临床医学", "化学", "电子信息工程", "金融学", "农学", "土木工程", "软件工程"];
    private static readonly string[] Employers = ["郑州中原科技城投资发展有限公司", "河南省科学院", "郑州大学第一附属医院", "中原云数据科技有限公司", "郑州智能制造研究院有限公司", "河南黄河实验室", "郑州新材料产业园运营有限公司", "中原银行股份有限公司"];
    private static readonly string[] EmployerCodes = ["91410100MA9ABCDE1X", "12410000415800118B", "12410000415800635K", "91410100MA46XYZ12P", "91410100MA9FGHJK3L", "12410000MB1D25703Q", "91410100MA47NPQR0W", "914100007911975928"];
    private static readonly string[] Enterprises = ["郑州智数科技有限公司", "河南云启新材料有限公司", "中原智能装备科技有限公司", "郑州创新生物医药有限公司"];
    private static readonly string[] EnterpriseCodes = ["91410100MA9KLMNP4T", "91410100MA9QRSTU5Y", "91410100MA9VWXYA6M", "91410100MA9BCDEF7N"];
    private static readonly string[] Roads = ["农业路", "花园路", "金水路", "龙湖中环路", "科学大道", "中原路", "商都路", "经三路"];

    public static Case CaseOf(string idNumber)
    {
        if (idNumber[14] != '0')
        {
            return Case.Ordinary;
        }

        return idNumber[15] switch
        {
            '0' => Case.NotFoundAnywhere,
            '1' => Case.LeftTheArea,
            '2' => Case.NoSocialInsurance,
            '3' => Case.NoHouseholdRegistration,
            '4' => Case.NoEducationCredentials,
            '5' => Case.Garbage,
            '6' => Case.SchemaMismatch,
            '7' => Case.Unavailable,
            '8' => Case.Slow,
            _ => Case.Ordinary,
        };
    }

    /// <summary>The record of <paramref name="source"/> for the number, or null when the source has none.</summary>
    public static Dictionary<string, object>? Find(string source, string idNumber, DateOnly today)
    {
        var kind = CaseOf(idNumber);
        if (kind == Case.NotFoundAnywhere)
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(idNumber));
        int Pick(int index, int modulo) => hash[index % hash.Length] % modulo;
        var birthYear = int.Parse(idNumber.AsSpan(6, 4), CultureInfo.InvariantCulture);
        var second = idNumber[15] - '0';
        return source switch
        {
            HouseholdRegistration when kind != Case.NoHouseholdRegistration => new()
            {
                ["registered"] = true,
                ["hukouType"] = "urban",
                ["district"] = District(idNumber),
                ["address"] = string.Create(CultureInfo.InvariantCulture, $"河南省郑州市{District(idNumber)}{Roads[Pick(0, Roads.Length)]}{1 + Pick(1, 200)}号"),
                ["registeredOn"] = Date(today.AddDays(-(200 + (Pick(2, 200) * 15)))),
            },
            EducationCredentials when kind != Case.NoEducationCredentials => Education(second, birthYear, today, Pick(3, Schools.Length), Pick(4, Majors.Length), hash),
            SocialInsurance when kind != Case.NoSocialInsurance => SocialInsuranceRecord(kind == Case.LeftTheArea, today, Pick(5, Employers.Length), 6 + Pick(6, 120)),
            BusinessRegistration when second >= 7 && kind == Case.Ordinary => new()
            {
                ["enterpriseCount"] = 1,
                ["creditCode"] = EnterpriseCodes[Pick(7, EnterpriseCodes.Length)],
                ["enterpriseName"] = Enterprises[Pick(7, Enterprises.Length)],
                ["role"] = "legal_representative",
                ["establishedOn"] = Date(today.AddDays(-(100 + (Pick(8, 200) * 7)))),
                ["registrationStatus"] = "active",
            },
            Tax => TaxRecord(today, 80_000 + (Pick(9, 250) * 2_000)),
            _ => null,
        };
    }

    private static Dictionary<string, object> Education(int second, int birthYear, DateOnly today, int school, int major, byte[] hash)
    {
        var (degree, age) = second switch
        {
            <= 2 => ("bachelor", 22),
            <= 5 => ("master", 25),
            _ => ("doctorate", 28),
        };
        var year = Math.Min(birthYear + age, today.Year - 1);
        return new()
        {
            ["degree"] = degree,
            ["school"] = Schools[school],
            ["major"] = Majors[major],
            ["graduatedOn"] = Date(new DateOnly(year, 6, 30)),
            ["certificateNumber"] = string.Create(CultureInfo.InvariantCulture, $"1{BitConverter.ToUInt64(hash, 16) % 1_000_000_000_000_000UL:D15}"),
        };
    }

    private static Dictionary<string, object> SocialInsuranceRecord(bool left, DateOnly today, int employer, int months)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);

        // Contributions are settled for the previous month; a resident who left stopped three months ago.
        var last = thisMonth.AddMonths(left ? -3 : -1);
        var first = last.AddMonths(-(months - 1));
        return new()
        {
            ["employerName"] = Employers[employer],
            ["employerCreditCode"] = EmployerCodes[employer],
            ["contributionMonths"] = months,
            ["contributing"] = !left,
            ["firstContributionMonth"] = Month(first),
            ["lastContributionMonth"] = Month(last),
        };
    }

    private static Dictionary<string, object> TaxRecord(DateOnly today, long incomeYuan) => new()
    {
        ["taxYear"] = today.Year - 1,
        ["annualIncomeFen"] = incomeYuan * 100,
        ["taxPaidFen"] = Math.Max(0, (incomeYuan - 60_000) * 100 / 10),
        ["inArrears"] = false,
    };

    private static string District(string idNumber) => idNumber.AsSpan(0, 6) switch
    {
        "410102" => "中原区",
        "410103" => "二七区",
        "410104" => "管城回族区",
        "410105" => "金水区",
        "410106" => "上街区",
        "410108" => "惠济区",
        "410122" => "中牟县",
        "410181" => "巩义市",
        "410182" => "荥阳市",
        "410183" => "新密市",
        "410184" => "新郑市",
        "410185" => "登封市",
        _ => "郑东新区",
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
