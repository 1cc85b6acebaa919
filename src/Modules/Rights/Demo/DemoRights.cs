using TalentPass.Modules.Rights.Contracts;

namespace TalentPass.Modules.Rights.Demo;

/// <summary>
/// The demo catalogue (MISSION.md N, reference/zhengzhou-policy-figures.md), marked demo. Organisations by their
/// stable codes; the seeder resolves them and skips a right whose organisations do not exist.
/// </summary>
internal static class DemoRights
{
    public const string PolicyVersion = "rights-2026.1";

    public const string MedicalGreenChannel = "medical-green-channel";
    public const string SchoolingChoice = "schooling-choice";
    public const string SchoolPriority = "school-priority";
    public const string HousingPurchaseSubsidy = "housing-purchase-subsidy";
    public const string RentFreeHousing = "rent-free-housing";
    public const string TalentApartments = "talent-apartments";
    public const string VehicleServices = "vehicle-services";
    public const string BookstoreDiscount = "bookstore-discount";
    public const string TalentLoan = "talent-loan";

    private static readonly string[] AtoD = ["a", "b", "c", "d"];
    private static readonly string[] AtoE = ["a", "b", "c", "d", "e"];
    private static readonly string[] Everyone = ["a", "b", "c", "d", "e", "youth", "social", "reserve"];

    internal sealed record Seed(
        string Code,
        string Kind,
        string NameZh,
        string NameEn,
        string DescriptionZh,
        string DescriptionEn,
        string Provider,
        string[] Levels,
        string[] Family,
        string[] ServicePoints,
        bool Online,
        bool Offline,
        bool StaticCode,
        long ValueFen,
        RightQuota[] Quotas,
        RightPool[] Pools,
        int ReversalMinutes);

    public static IReadOnlyList<Seed> All { get; } =
    [
        new(MedicalGreenChannel, RightKinds.Government, "就医绿色通道", "Medical green channel",
            "A–D类人才及其父母、配偶、子女在定点医院享受挂号、就诊、检查、住院绿色通道服务。每位人才每年12次。",
            "A–D talents and their parents, spouse and children get priority registration, consultation, examinations and admission at designated hospitals; 12 times per talent per year.",
            "dept-social", AtoD, [Beneficiaries.Parent, Beneficiaries.Spouse, Beneficiaries.Child], ["sp-hospital-1"],
            Online: true, Offline: false, StaticCode: false, 0, [new(QuotaScopes.PerTalent, 12, QuotaPeriods.Year)], [], 60),
        new(SchoolingChoice, RightKinds.Government, "子女入学自主选择", "Schooling choice for children",
            "A/B类人才子女可在全市范围内自主选择幼儿园或公办中小学就读。",
            "Children of A/B talents choose their kindergarten or public school anywhere in the city.",
            "dept-education", ["a", "b"], [Beneficiaries.Child], ["sp-school-1"],
            Online: true, Offline: false, StaticCode: false, 0, [new(QuotaScopes.PerTalent, 3, QuotaPeriods.Year)], [], 1440),
        new(SchoolPriority, RightKinds.Government, "子女入学优先安排", "School placement priority for children",
            "C/D类人才子女入读幼儿园、公办中小学优先统筹安排。",
            "Children of C/D talents are placed with priority in kindergartens and public schools.",
            "dept-education", ["c", "d"], [Beneficiaries.Child], ["sp-school-1"],
            Online: true, Offline: false, StaticCode: false, 0, [new(QuotaScopes.PerTalent, 3, QuotaPeriods.Year)], [], 1440),
        new(HousingPurchaseSubsidy, RightKinds.Government, "购房补贴", "Home purchase subsidy",
            "在本市首次购买自住商品住房的人才，可申领一次性购房补贴（示例：10万元）。",
            "Talents buying their first home in the city receive a one-off purchase subsidy (demo: 100,000 yuan).",
            "dept-hr", AtoE, [], ["sp-talent-window"],
            Online: true, Offline: false, StaticCode: false, 10_000_000, [new(QuotaScopes.PerTalent, 1, QuotaPeriods.None)], [], 1440),
        new(RentFreeHousing, RightKinds.Government, "免租金住房", "Rent-free housing",
            "A–C类人才可申请免租金入住人才住房，最长5年。",
            "A–C talents may live rent-free in talent housing for up to five years.",
            "dept-talent", ["a", "b", "c"], [], ["sp-talent-window"],
            Online: true, Offline: false, StaticCode: false, 0, [new(QuotaScopes.PerTalent, 1, QuotaPeriods.None)], [], 1440),
        new(TalentApartments, RightKinds.Government, "人才公寓", "Talent apartments",
            "中原科技城人才公寓2166套：省级1000套、区级930套、孵化器236套，按房源池分配。",
            "2,166 talent apartments in the science city: 1,000 provincial, 930 district and 236 incubator units, allocated by pool.",
            "dept-talent", [.. AtoE, "youth"], [], ["sp-talent-window"],
            Online: true, Offline: false, StaticCode: false, 0, [new(QuotaScopes.PerTalent, 1, QuotaPeriods.None)],
            [new("provincial", "省级房源", "Provincial", 1000), new("district", "区级房源", "District", 930), new("incubator", "孵化器房源", "Incubator", 236)], 1440),
        new(VehicleServices, RightKinds.Government, "车驾管服务", "Vehicle services",
            "人才办理机动车、驾驶证业务享受专窗优先办理。",
            "Talents are served first at the dedicated window for vehicle and driving-licence matters.",
            "dept-talent", AtoE, [Beneficiaries.Spouse], ["sp-talent-window"],
            Online: false, Offline: true, StaticCode: true, 0, [new(QuotaScopes.PerTalent, 6, QuotaPeriods.Year)], [], 120),
        new(BookstoreDiscount, RightKinds.Consumer, "购书八折优惠", "20% off books",
            "持人才码在中原书城购书享受八折优惠，每次优惠最高20元，每月4次。",
            "20% off books at the Zhongyuan bookstore with the talent code, at most 20 yuan off per visit, 4 visits a month.",
            "merchant-bookstore", Everyone, [], ["merchant-bookstore"],
            Online: false, Offline: true, StaticCode: true, 2_000, [new(QuotaScopes.PerTalent, 4, QuotaPeriods.Month)], [], 30),
        new(TalentLoan, RightKinds.Financial, "人才贷", "Talent loan",
            "A–E类及青年人才可向中原银行申请信用贷款（人才贷），在线提交融资申请，银行答复。",
            "A–E and youth talents may apply to Zhongyuan Bank for an unsecured talent loan online; the bank answers the financing application.",
            "bank-zhongyuan", [.. AtoE, "youth"], [], ["bank-zhongyuan"],
            Online: true, Offline: false, StaticCode: false, 0, [new(QuotaScopes.PerTalent, 2, QuotaPeriods.Year)], [], 1440),
    ];

    /// <summary>demo-leader's mother (relation parent), born 1945; sequence 624 (female).</summary>
    public const string LeaderMotherName = "刘桂兰";

    public const string LeaderMotherIdNumber17 = "41010519450818624";
}
