using TalentPass.Modules.DataSharing.Contracts;
using TalentPass.Modules.Services.Domain;

namespace TalentPass.Modules.Services.Demo;

/// <summary>
/// The demo catalogue (DEMO DATA, <c>is_demo</c>): the six themes and 11 categories of the 2021 Zhengzhou 人才工作
/// “一件事” launch, 30 matters built from the matters it names, 20 of them in the first batch. Deadlines follow the
/// report: youth subsidies and the high-level talents' medical, schooling and vehicle services within 1 working
/// day, household registration and recognition checks within 5. Amounts are illustrative.
/// </summary>
internal static class DemoCatalogue
{
    public static readonly (string Code, string Zh, string En)[] Themes =
    [
        ("subsidies", "人才补贴", "Talent subsidies"),
        ("recognition", "人才认定奖励", "Recognition and rewards"),
        ("development", "人才发展激励", "Development incentives"),
        ("innovation", "人才创新创业", "Innovation and entrepreneurship"),
        ("life", "人才生活服务", "Life services"),
        ("platforms", "平台奖补", "Platform awards and subsidies"),
    ];

    public static readonly (string Code, string Theme, string Zh, string En)[] Categories =
    [
        ("living-subsidies", "subsidies", "生活补贴", "Living subsidies"),
        ("housing-subsidies", "subsidies", "住房保障", "Housing support"),
        ("recognition", "recognition", "人才认定", "Talent recognition"),
        ("rewards", "recognition", "选拔奖励", "Selection rewards"),
        ("development", "development", "博士后与职业发展", "Postdocs and career development"),
        ("entrepreneurship", "innovation", "创新创业项目", "Innovation and start-up projects"),
        ("household", "life", "落户与出入境", "Household registration and entry-exit"),
        ("medical", "life", "医疗保健", "Medical care"),
        ("schooling", "life", "子女教育", "Children's schooling"),
        ("transport", "life", "交通出行", "Transport and vehicles"),
        ("platform-awards", "platforms", "研发平台奖补", "Research platform awards"),
    ];

    private static readonly string[] HighLevels = ["a", "b", "c", "d"];
    private static readonly string[] Youth = ["youth"];

    private static readonly RuleCondition YouthLevel = new("level_in", "青年人才", "Youth talent", Values: Youth);
    private static readonly RuleCondition Degree = new("in", "全日制本科及以上学历", "A bachelor's degree or higher", DataSources.EducationCredentials, "degree", Values: ["bachelor", "master", "doctorate"]);
    private static readonly RuleCondition Graduated = new("within_years", "毕业不满五年", "Graduated within five years", DataSources.EducationCredentials, "graduatedOn", Value: "5");
    private static readonly RuleCondition Contributing = new("eq", "在本市正常缴纳社会保险", "Paying social insurance in the city", DataSources.SocialInsurance, "contributing", Value: "true");
    private static readonly RuleCondition Registered = new("eq", "本市户籍", "Household registered in the city", DataSources.HouseholdRegistration, "registered", Value: "true");
    private static readonly RuleCondition Consistent = new("agree", "户籍与社保在本市的记录一致", "Household registration and social insurance agree", DataSources.HouseholdRegistration, "registered", OtherSource: DataSources.SocialInsurance, OtherField: "contributing");
    private static readonly RuleCondition HighLevel = new("level_in", "已认定的A至D类高层次人才", "A recognised level A–D talent", Values: HighLevels);

    private static MaterialDefinition M(string code, string zh, string en) => new(code, zh, en);

    private static StepDefinition S(string dept, string zh, string en, int stage = 1, bool second = false) => new(dept, zh, en, stage, second);

    /// <summary>The 30 matters: (code, category, zh, en, description zh/en, first batch, definition).</summary>
    public static IReadOnlyList<(string Code, string Category, string Zh, string En, string DescZh, string DescEn, bool FirstBatch, MatterDefinition Definition)> Matters { get; } =
    [
        ("youth-living-subsidy", "living-subsidies", "青年人才生活补贴", "Youth talent living subsidy",
            "毕业五年内、在本市缴纳社保的本科及以上青年人才，一键申领，数据共享核验后免审即享，按月发放36个月。",
            "Young graduates (within five years, bachelor or higher) paying social insurance in the city apply with one click; data sharing checks it and it is granted at once, paid monthly for 36 months.",
            true, new MatterDefinition
            {
                DeadlineWorkingDays = 1, Levels = Youth, OneClick = true, Once = true,
                Lookups = [DataSources.EducationCredentials, DataSources.SocialInsurance],
                AutoApproval = new AutoApprovalRules("youth-living-2026.1", [YouthLevel, Degree, Graduated, Contributing]),
                Steps = [S("dept-hr", "组织人社局审核", "HR bureau review")],
                Subsidy = new SubsidyDefinition(150_000, 36),
            }),
        ("youth-rent-subsidy", "living-subsidies", "青年人才租房补贴", "Youth talent rent subsidy",
            "在本市无自有住房的青年人才租房补贴，一键申领，按月发放24个月。", "Rent subsidy for young graduates without a home of their own; one click, paid monthly for 24 months.",
            true, new MatterDefinition
            {
                DeadlineWorkingDays = 1, Levels = Youth, OneClick = true, Once = true,
                Lookups = [DataSources.EducationCredentials, DataSources.SocialInsurance],
                AutoApproval = new AutoApprovalRules("youth-rent-2026.1", [YouthLevel, Degree, Graduated, Contributing]),
                Steps = [S("dept-hr", "组织人社局审核", "HR bureau review")],
                Subsidy = new SubsidyDefinition(80_000, 24),
            }),
        ("high-level-living-allowance", "living-subsidies", "高层次人才生活津贴", "High-level talent living allowance",
            "A至D类人才按层次享受生活津贴，组织人社局审核后由金融局复核拨付。", "Level A–D talents receive a monthly allowance; reviewed by the HR bureau, then checked by the finance bureau.",
            true, new MatterDefinition
            {
                DeadlineWorkingDays = 5, Levels = HighLevels, Once = true,
                Materials = [M("employment-contract", "劳动合同", "Employment contract")],
                Steps = [S("dept-hr", "组织人社局审核", "HR bureau review"), S("dept-finance", "金融局复核拨付", "Finance bureau payment check", 2)],
                Subsidy = new SubsidyDefinition(500_000, 36),
            }),
        ("youth-housing-subsidy", "housing-subsidies", "青年人才首次购房补贴", "Youth talent first-home subsidy",
            "本市户籍、毕业五年内的青年人才首次购房补贴，一键申领，不见面办理。", "First-home subsidy for young graduates registered in the city; one click, no visit.",
            true, new MatterDefinition
            {
                DeadlineWorkingDays = 1, Levels = Youth, OneClick = true, Once = true,
                Lookups = [DataSources.HouseholdRegistration, DataSources.EducationCredentials, DataSources.SocialInsurance],
                AutoApproval = new AutoApprovalRules("youth-housing-2026.1", [YouthLevel, Registered, Degree, Graduated, Contributing, Consistent]),
                Steps = [S("dept-hr", "组织人社局审核", "HR bureau review")],
                Subsidy = new SubsidyDefinition(5_000_000, 1),
            }),
        ("high-level-housing-subsidy", "housing-subsidies", "高层次人才购房补贴", "High-level talent home-purchase subsidy",
            "A至D类人才在本市首次购房补贴，分三年发放。", "Home-purchase subsidy for level A–D talents, paid over three years.",
            true, new MatterDefinition
            {
                DeadlineWorkingDays = 5, Levels = HighLevels, Once = true,
                Materials = [M("purchase-contract", "购房合同", "Purchase contract"), M("invoice", "购房发票", "Purchase invoice")],
                Lookups = [DataSources.HouseholdRegistration],
                Steps = [S("dept-hr", "组织人社局审核", "HR bureau review"), S("dept-finance", "金融局复核", "Finance bureau check", 2, true)],
                Subsidy = new SubsidyDefinition(20_000_000, 3),
            }),
        ("talent-apartment", "housing-subsidies", "人才公寓申请", "Talent apartment",
            "各类人才申请人才公寓（免租或低租金）。", "Apply for a talent apartment (rent-free or low rent).",
            true, new MatterDefinition
            {
                DeadlineWorkingDays = 5,
                Materials = [M("employment-proof", "在职证明", "Proof of employment")],
                Steps = [S("dept-social", "社会事业局配租", "Social affairs bureau allocation")],
            }),
        ("high-level-recognition", "recognition", "高层次人才认定", "High-level talent recognition",
            "对照标准认定A至E类人才，资料核验与初审5个工作日办结，认定书免费邮寄到人。", "Recognition as a level A–E talent by standard; checks and first review within 5 working days; the certificate is mailed free of charge.",
            true, new MatterDefinition
            {
                DeadlineWorkingDays = 5, Once = true, Delivery = DeliveryKinds.Mail,
                Materials = [M("achievements", "业绩成果材料", "Achievements"), M("employment-contract", "劳动合同", "Employment contract")],
                Lookups = [DataSources.EducationCredentials, DataSources.SocialInsurance],
                Steps = [S("dept-talent", "人才工作局资料核验与初审", "Talent bureau checks and first review", 1, true), S("talent-office", "人才办认定", "Talent office decision", 2)],
            }),
        ("youth-talent-registration", "recognition", "青年人才登记", "Youth talent registration",
            "毕业五年内来本市创新创业的大学毕业生登记为青年人才。", "Graduates within five years of graduation who work or start a business in the city register as youth talents.",
            true, new MatterDefinition
            {
                DeadlineWorkingDays = 3, Levels = ["reserve", "youth"],
                Lookups = [DataSources.EducationCredentials, DataSources.SocialInsurance],
                Steps = [S("dept-talent", "人才工作局审核", "Talent bureau review")],
            }),
        ("employer-self-recognition", "recognition", "用人单位自主认定备案", "Employer self-recognition filing",
            "具备自主认定资格的用人单位在额度内认定人才并备案。", "Qualified employers recognise talents within their quota and file the recognition.",
            false, new MatterDefinition
            {
                DeadlineWorkingDays = 5,
                Materials = [M("employer-decision", "单位认定决定", "Employer's decision")],
                Steps = [S("dept-talent", "人才工作局备案审核", "Talent bureau filing review")],
            }),
        ("famous-talent-selection", "rewards", "名医名师名家选拔奖励", "Famous doctors, teachers and artists selection reward",
            "名医、名师、名家选拔及奖励申报。", "Selection of and rewards for renowned doctors, teachers and artists.",
            false, new MatterDefinition
            {
                DeadlineWorkingDays = 20, Once = true,
                Materials = [M("nomination", "推荐材料", "Nomination")],
                Steps = [S("dept-social", "社会事业局初选", "Social affairs bureau shortlist"), S("dept-education", "教文体局初选", "Education bureau shortlist"), S("talent-office", "人才办评定", "Talent office decision", 2, true)],
                Subsidy = new SubsidyDefinition(10_000_000, 1),
            }),
        ("talent-introduction-reward", "rewards", "高层次人才引进奖励", "High-level talent introduction reward",
            "新引进的A至D类人才一次性奖励。", "One-off reward for newly introduced level A–D talents.",
            true, new MatterDefinition
            {
                DeadlineWorkingDays = 5, Levels = HighLevels, Once = true,
                Materials = [M("employment-contract", "劳动合同", "Employment contract")],
                Steps = [S("dept-talent", "人才工作局审核", "Talent bureau review"), S("dept-finance", "金融局拨付", "Finance bureau payment", 2)],
                Subsidy = new SubsidyDefinition(30_000_000, 1),
            }),
        ("postdoc-living-subsidy", "development", "博士后生活补贴", "Postdoctoral living subsidy",
            "在站博士后生活补贴，按月发放24个月。", "Living subsidy for postdoctoral researchers in post, paid monthly for 24 months.",
            false, new MatterDefinition
            {
                DeadlineWorkingDays = 5, Once = true,
                Materials = [M("postdoc-admission", "博士后进站证明", "Postdoctoral admission")],
                Lookups = [DataSources.EducationCredentials],
                Steps = [S("dept-hr", "组织人社局审核", "HR bureau review")],
                Subsidy = new SubsidyDefinition(300_000, 24),
            }),
        ("postdoc-station-subsidy", "development", "博士后工作站建站补贴", "Postdoctoral station set-up grant",
            "新设立博士后工作站的单位一次性补贴。", "One-off grant for employers setting up a postdoctoral station.",
            false, new MatterDefinition
            {
                DeadlineWorkingDays = 10,
                Materials = [M("approval", "设站批文", "Approval document")],
                Steps = [S("dept-hr", "组织人社局审核", "HR bureau review"), S("dept-finance", "金融局拨付", "Finance bureau payment", 2)],
                Subsidy = new SubsidyDefinition(50_000_000, 1),
            }),
        ("professional-title", "development", "职称评审绿色通道", "Professional title fast track",
            "高层次人才职称评审绿色通道。", "Fast track for high-level talents' professional title evaluation.",
            true, new MatterDefinition
            {
                DeadlineWorkingDays = 5, Levels = ["a", "b", "c", "d", "e"],
                Materials = [M("achievements", "业绩成果材料", "Achievements")],
                Steps = [S("dept-hr", "组织人社局受理", "HR bureau intake")],
            }),
        ("academic-exchange", "development", "学术交流资助", "Academic exchange funding",
            "参加国际学术会议、访学的资助。", "Funding for international conferences and visiting positions.",
            false, new MatterDefinition
            {
                DeadlineWorkingDays = 10, Levels = HighLevels,
                Materials = [M("invitation", "邀请函", "Invitation")],
                Steps = [S("dept-science", "科技局审核", "Science bureau review")],
            }),
        ("innovation-team-project", "entrepreneurship", "创新创业团队计划项目申报", "Innovation and start-up team programme",
            "“团队+项目”申报，科技局评审，金融局复核资助。", "Team-and-project applications, reviewed by the science bureau and checked by the finance bureau.",
            false, new MatterDefinition
            {
                DeadlineWorkingDays = 20,
                Materials = [M("project-plan", "项目计划书", "Project plan"), M("team-list", "团队成员名单", "Team members")],
                Lookups = [DataSources.BusinessRegistration, DataSources.Tax],
                Steps = [S("dept-science", "科技局评审", "Science bureau review", 1, true), S("dept-finance", "金融局复核", "Finance bureau check", 2)],
            }),
        ("research-startup-funding", "entrepreneurship", "高层次人才科研启动经费", "Research start-up funding",
            "新引进高层次人才科研启动经费，科技局审核（需复核）。", "Research start-up funds for newly introduced high-level talents; science bureau review with a second approval.",
            true, new MatterDefinition
            {
                DeadlineWorkingDays = 5, Levels = HighLevels,
                Materials = [M("research-plan", "科研计划", "Research plan")],
                Steps = [S("dept-science", "科技局审核", "Science bureau review", 1, true)],
                Subsidy = new SubsidyDefinition(50_000_000, 1),
            }),
        ("startup-loan-interest", "entrepreneurship", "人才创业贷款贴息", "Start-up loan interest subsidy",
            "人才创办企业贷款贴息。", "Interest subsidy on loans of enterprises founded by talents.",
            true, new MatterDefinition
            {
                DeadlineWorkingDays = 5,
                Materials = [M("loan-contract", "贷款合同", "Loan contract")],
                Lookups = [DataSources.BusinessRegistration],
                Steps = [S("dept-finance", "金融局审核", "Finance bureau review")],
            }),
        ("startup-space", "entrepreneurship", "创业场地租金减免", "Start-up space rent relief",
            "“拎包办公”创业场地租金减免。", "Rent relief for ready-to-use start-up offices.",
            false, new MatterDefinition
            {
                DeadlineWorkingDays = 10,
                Materials = [M("lease", "租赁合同", "Lease")],
                Lookups = [DataSources.BusinessRegistration],
                Steps = [S("dept-science", "科技局审核", "Science bureau review")],
            }),
        ("youth-household-registration", "household", "青年人才落户", "Youth talent household registration",
            "青年人才及其家属落户，5个工作日办结。", "Household registration for youth talents and their families, decided within 5 working days.",
            true, new MatterDefinition
            {
                DeadlineWorkingDays = 5,
                Materials = [M("diploma", "毕业证书", "Diploma"), M("employment-proof", "在职证明", "Proof of employment")],
                Lookups = [DataSources.EducationCredentials, DataSources.SocialInsurance],
                Steps = [S("dept-social", "社会事业局落户审核", "Social affairs bureau registration review")],
            }),
        ("high-level-entry-exit", "household", "高层次人才出入境服务", "Entry-exit services for high-level talents",
            "高层次人才及家属出入境证件办理绿色通道。", "Fast-track travel documents for high-level talents and their families.",
            false, new MatterDefinition
            {
                DeadlineWorkingDays = 5, Levels = HighLevels,
                Materials = [M("photo", "证件照", "ID photo")],
                Steps = [S("dept-social", "社会事业局出入境审核", "Social affairs bureau entry-exit review")],
            }),
        ("spouse-employment", "household", "人才配偶就业安置", "Spouse employment support",
            "A至C类人才配偶就业安置。", "Employment support for spouses of level A–C talents.",
            true, new MatterDefinition
            {
                DeadlineWorkingDays = 10, Levels = ["a", "b", "c"],
                Materials = [M("marriage-certificate", "结婚证", "Marriage certificate")],
                Steps = [S("dept-hr", "组织人社局安置", "HR bureau placement")],
            }),
        ("medical-vip", "medical", "人才医疗保健VIP服务", "Medical VIP service",
            "A至D类人才及家属在15家人才医疗保健点享受门诊、住院、专家会诊绿色通道，免审即享。", "Level A–D talents and their families get fast-track care at 15 designated hospitals; granted at once.",
            true, new MatterDefinition
            {
                DeadlineWorkingDays = 1, Levels = HighLevels, OneClick = true,
                AutoApproval = new AutoApprovalRules("medical-vip-2026.1", [HighLevel]),
                Steps = [S("dept-social", "社会事业局开通", "Social affairs bureau activation")],
            }),
        ("annual-health-check", "medical", "人才年度健康体检", "Annual health check",
            "A至D类人才年度健康体检，免审即享。", "Annual health check for level A–D talents; granted at once.",
            true, new MatterDefinition
            {
                DeadlineWorkingDays = 1, Levels = HighLevels, OneClick = true,
                AutoApproval = new AutoApprovalRules("health-check-2026.1", [HighLevel]),
                Steps = [S("dept-social", "社会事业局安排", "Social affairs bureau booking")],
            }),
        ("school-enrolment", "schooling", "人才子女入学", "Children's school enrolment",
            "A、B类人才子女自主选择公办中小学，C、D类人才子女优先统筹安排，免审即享。", "Children of level A/B talents choose a public school; C/D talents' children are placed with priority; granted at once.",
            true, new MatterDefinition
            {
                DeadlineWorkingDays = 1, Levels = HighLevels, OneClick = true,
                Lookups = [DataSources.HouseholdRegistration],
                AutoApproval = new AutoApprovalRules("school-enrolment-2026.1", [HighLevel, Registered]),
                Steps = [S("dept-education", "教文体局安排学位", "Education bureau school place")],
            }),
        ("kindergarten-enrolment", "schooling", "人才子女入园", "Children's kindergarten enrolment",
            "A至D类人才子女入园优先安排，免审即享。", "Kindergarten places with priority for children of level A–D talents; granted at once.",
            true, new MatterDefinition
            {
                DeadlineWorkingDays = 1, Levels = HighLevels, OneClick = true,
                AutoApproval = new AutoApprovalRules("kindergarten-2026.1", [HighLevel]),
                Steps = [S("dept-education", "教文体局安排", "Education bureau placement")],
            }),
        ("vehicle-services", "transport", "车驾管绿色通道", "Vehicle and driving licence fast track",
            "A至D类人才车驾管业务绿色通道，免审即享。", "Fast track for vehicle and driving-licence services for level A–D talents; granted at once.",
            true, new MatterDefinition
            {
                DeadlineWorkingDays = 1, Levels = HighLevels, OneClick = true,
                AutoApproval = new AutoApprovalRules("vehicle-2026.1", [HighLevel]),
                Steps = [S("dept-social", "社会事业局开通", "Social affairs bureau activation")],
            }),
        ("travel-vip", "transport", "机场高铁贵宾通道", "Airport and rail VIP lanes",
            "A至C类人才机场、高铁站贵宾通道，免审即享。", "VIP lanes at the airport and railway stations for level A–C talents; granted at once.",
            true, new MatterDefinition
            {
                DeadlineWorkingDays = 1, Levels = ["a", "b", "c"], OneClick = true,
                AutoApproval = new AutoApprovalRules("travel-vip-2026.1", [new RuleCondition("level_in", "A至C类人才", "A level A–C talent", Values: ["a", "b", "c"])]),
                Steps = [S("dept-social", "社会事业局开通", "Social affairs bureau activation")],
            }),
        ("new-rd-institution", "platform-awards", "新型研发机构补助", "New R&D institution grant",
            "新型研发机构建设补助。", "Grant for building new-type R&D institutions.",
            false, new MatterDefinition
            {
                DeadlineWorkingDays = 20,
                Materials = [M("plan", "建设方案", "Construction plan")],
                Lookups = [DataSources.BusinessRegistration],
                Steps = [S("dept-science", "科技局评审", "Science bureau review", 1, true), S("dept-finance", "金融局拨付", "Finance bureau payment", 2)],
            }),
        ("research-platform-award", "platform-awards", "新获批研发平台一次性补助", "New research platform award",
            "新获批国家级、省级研发平台一次性补助。", "One-off award for newly approved national and provincial research platforms.",
            false, new MatterDefinition
            {
                DeadlineWorkingDays = 20,
                Materials = [M("approval", "获批文件", "Approval document")],
                Steps = [S("dept-science", "科技局审核", "Science bureau review"), S("dept-finance", "金融局拨付", "Finance bureau payment", 2)],
                Subsidy = new SubsidyDefinition(100_000_000, 1),
            }),
    ];
}
