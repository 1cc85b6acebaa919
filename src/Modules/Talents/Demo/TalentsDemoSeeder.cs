using System.Globalization;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Demo;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Talents.Domain;
using TalentPass.Modules.Talents.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Demo;

/// <summary>
/// The demo registry: <c>Demo:Talents</c> talents over every level and category with valid Henan ID numbers,
/// some employed by <c>ENT-DEMO-001</c>, some verified fields, level history and a few suspended; the talent of
/// account <c>demo-talent</c> (张明华, level C, verified education); two enterprise profiles. Runs after Identity
/// (Order 20). A fixed <see cref="Random"/> seed makes the data — and so the screenshots — the same on every run;
/// nothing here is security-relevant.
/// </summary>
internal sealed class TalentsDemoSeeder(
    TalentsDbContext db,
    IFieldProtector protector,
    IOrganisationDirectory organisations,
    IAccountDirectory accounts,
    IOptions<DemoOptions> options,
    TimeProvider clock) : IDemoSeeder
{
    public const string DemoTalentAccount = "demo-talent";
    public const string DemoTalentName = "张明华";
    public const string DemoTalentIdNumber17 = "41010519850312771";
    public const string DemoYouthAccount = "demo-youth";
    public const string DemoYouthName = "李青";
    public const string DemoLeaderAccount = "demo-leader";
    public const string DemoLeaderName = "王建国";

    /// <summary>Born 1968; sequence 537: an ordinary resident for the data-sharing stand-in.</summary>
    public const string DemoLeaderIdNumber17 = "41010519680423537";

    /// <summary>Born 2001; sequence 352: an ordinary resident for the data-sharing stand-in (found in every source).</summary>
    public const string DemoYouthIdNumber17 = "41018120010615352";

    private static readonly string[] AreaCodes = ["410102", "410103", "410104", "410105", "410122", "410181", "410202", "410302", "410702", "411302"];
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
        "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕",
        "欧阳", "司马",
    ];

    private static readonly string[] GivenChars =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平",
        "刚", "桂", "英", "华", "文", "辉", "建", "国", "志", "红", "晓", "宇", "浩", "思", "雨", "欣", "子", "嘉", "博", "睿",
        "悦", "琳", "航", "鹏", "凯", "瑶", "晨", "然", "轩", "诗",
    ];

    private static readonly string[] Schools = ["郑州大学", "河南大学", "河南农业大学", "北京大学", "清华大学", "浙江大学", "华中科技大学", "武汉大学", "中国科学技术大学", "西安交通大学"];
    private static readonly string[] Employers = ["郑州大学", "河南省人民医院", "中原科技城管委会", "郑州银行", "河南省科学院", "郑州轨道交通", "中原动力研究院", "郑东新区第一实验学校"];
    private static readonly string[] Streets = ["金水路", "农业路", "龙子湖路", "商鼎路", "九如路", "心怡路", "平安大道", "如意河东路"];
    private static readonly Dictionary<string, string[]> Majors = new(StringComparer.Ordinal)
    {
        ["science"] = ["物理学", "化学", "数学", "生物学"],
        ["engineering"] = ["材料科学与工程", "计算机科学与技术", "电子信息工程", "机械工程"],
        ["medicine"] = ["临床医学", "药学", "公共卫生"],
        ["education"] = ["教育学", "心理学", "汉语言文学"],
        ["finance"] = ["金融学", "会计学", "经济学"],
        ["culture"] = ["艺术设计", "新闻传播学", "历史学"],
        ["management"] = ["工商管理", "公共管理", "管理科学与工程"],
    };

    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var random = new Random(20230525); // fixed seed: stable demo data and screenshots (the measures' date)
        var now = clock.GetUtcNow();
        var today = BusinessTime.Today(clock);
        var enterprises = (await organisations.ListAsync(OrganisationKind.Enterprise, cancellationToken))
            .OrderBy(o => o.Code, StringComparer.Ordinal).ToList();
        var main = enterprises.FirstOrDefault(e => e.Code == "ENT-DEMO-001") ?? enterprises.FirstOrDefault();
        var second = enterprises.FirstOrDefault(e => e.Code == "ENT-DEMO-002") ?? enterprises.Skip(1).FirstOrDefault();
        var demoAccount = await accounts.FindAccountIdAsync(DemoTalentAccount, cancellationToken);

        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        var first17 = DemoTalentIdNumber17;
        var demoId = ResidentIdNumber.Parse(first17 + ResidentIdNumber.CheckCharacter(first17)).Value!;
        usedIds.Add(demoId.Value);
        var demo = Talent.Register(Guid.CreateVersion7(now), DemoTalentName, demoId, TalentLevel.C, "engineering", new DateOnly(2024, 3, 1), protector, now, DataSources.Demo);
        Set(demo, ProfileFields.Phone, "13803711234", now);
        Set(demo, ProfileFields.Address, "河南省郑州市郑东新区龙子湖路88号", now);
        Set(demo, ProfileFields.EducationDegree, "doctorate", now);
        Set(demo, ProfileFields.EducationSchool, "郑州大学", now);
        Set(demo, ProfileFields.EducationMajor, "材料科学与工程", now);
        Set(demo, ProfileFields.EducationGraduationYear, "2012", now);
        Set(demo, ProfileFields.AcademicTitles, "正高级工程师", now);
        Set(demo, ProfileFields.AcademicFields, "新能源材料\n固态电池", now);
        Set(demo, ProfileFields.ResearchProjects, "国家重点研发计划：高比能固态电池关键材料", now);
        Set(demo, ProfileFields.ResearchPapers, "Solid electrolytes for lithium metal batteries (2021)", now);
        Set(demo, ProfileFields.ResearchPatents, "一种复合固态电解质及其制备方法", now);
        Set(demo, ProfileFields.Honours, "河南省科技进步一等奖（2022）", now);
        demo.SetEmployer(main?.Id, main?.Name ?? "中原动力研究院", now);
        demo.LinkAccount(demoAccount, now);
        db.Talents.Add(demo);
        foreach (var field in new[] { ProfileFields.Name, ProfileFields.IdNumber, ProfileFields.Gender, ProfileFields.BirthDate })
        {
            db.Provenance.Add(FieldProvenance.Verified(demo.Id, field, null, DataSources.HouseholdRegistry, now));
        }

        foreach (var field in new[] { ProfileFields.EducationDegree, ProfileFields.EducationSchool, ProfileFields.EducationMajor, ProfileFields.EducationGraduationYear })
        {
            db.Provenance.Add(FieldProvenance.Verified(demo.Id, field, null, DataSources.Manual, now));
        }

        foreach (var field in new[] { ProfileFields.Phone, ProfileFields.Address, ProfileFields.AcademicTitles, ProfileFields.AcademicFields, ProfileFields.ResearchProjects, ProfileFields.ResearchPapers, ProfileFields.ResearchPatents, ProfileFields.Honours, ProfileFields.EmployerName })
        {
            db.Provenance.Add(FieldProvenance.SelfDeclared(demo.Id, field, now));
        }

        db.LevelHistory.Add(new LevelHistoryEntry(Guid.CreateVersion7(now.AddDays(-800)), demo.Id, null, TalentLevel.D, null, "engineering", new DateOnly(2022, 1, 1), "认定 / Recognised", null, now.AddDays(-800)));
        db.LevelHistory.Add(new LevelHistoryEntry(Guid.CreateVersion7(now.AddDays(-400)), demo.Id, TalentLevel.D, TalentLevel.C, "engineering", "engineering", new DateOnly(2024, 3, 1), "专家评审晋升 / Promoted by expert review", null, now.AddDays(-400)));

        // A youth talent with an account, for the one-click subsidies (免审即享) of the one-thing services.
        var youthAccount = await accounts.FindAccountIdAsync(DemoYouthAccount, cancellationToken);
        var youthFirst17 = DemoYouthIdNumber17;
        var youthId = ResidentIdNumber.Parse(youthFirst17 + ResidentIdNumber.CheckCharacter(youthFirst17)).Value!;
        usedIds.Add(youthId.Value);
        var youth = Talent.Register(Guid.CreateVersion7(now), DemoYouthName, youthId, TalentLevel.Youth, "engineering", new DateOnly(2025, 7, 1), protector, now, DataSources.Demo);
        Set(youth, ProfileFields.Phone, "13903712468", now);
        Set(youth, ProfileFields.EducationDegree, "master", now);
        Set(youth, ProfileFields.EducationSchool, "郑州大学", now);
        Set(youth, ProfileFields.EducationGraduationYear, "2025", now);
        youth.SetEmployer(main?.Id, main?.Name ?? "中原动力研究院", now);
        youth.LinkAccount(youthAccount, now);
        db.Talents.Add(youth);
        db.LevelHistory.Add(new LevelHistoryEntry(Guid.CreateVersion7(now), youth.Id, null, TalentLevel.Youth, null, "engineering", new DateOnly(2025, 7, 1), "青年人才认定 / Recognised as a youth talent", null, now));

        // A level-B (national leading) talent with an account, for rights covering family members (medical green channel).
        var leaderAccount = await accounts.FindAccountIdAsync(DemoLeaderAccount, cancellationToken);
        var leaderId = ResidentIdNumber.Parse(DemoLeaderIdNumber17 + ResidentIdNumber.CheckCharacter(DemoLeaderIdNumber17)).Value!;
        usedIds.Add(leaderId.Value);
        var leader = Talent.Register(Guid.CreateVersion7(now), DemoLeaderName, leaderId, TalentLevel.B, "medicine", new DateOnly(2023, 9, 1), protector, now, DataSources.Demo);
        Set(leader, ProfileFields.Phone, "13703715566", now);
        Set(leader, ProfileFields.EducationDegree, "doctorate", now);
        Set(leader, ProfileFields.EducationSchool, "北京大学", now);
        Set(leader, ProfileFields.AcademicTitles, "教授\n博士生导师", now);
        leader.SetEmployer(main?.Id, main?.Name ?? "中原动力研究院", now);
        leader.LinkAccount(leaderAccount, now);
        db.Talents.Add(leader);
        db.LevelHistory.Add(new LevelHistoryEntry(Guid.CreateVersion7(now), leader.Id, null, TalentLevel.B, null, "medicine", new DateOnly(2023, 9, 1), "国家级领军人才认定 / Recognised as a national leading talent", null, now));

        var count = Math.Max(0, options.Value.Talents - 3);
        var weighted = new[]
        {
            TalentLevel.A, TalentLevel.B, TalentLevel.B, TalentLevel.C, TalentLevel.C, TalentLevel.C, TalentLevel.D, TalentLevel.D, TalentLevel.D, TalentLevel.D,
            TalentLevel.E, TalentLevel.E, TalentLevel.E, TalentLevel.E, TalentLevel.Youth, TalentLevel.Youth, TalentLevel.Youth, TalentLevel.Youth, TalentLevel.Youth,
            TalentLevel.Social, TalentLevel.Social, TalentLevel.Social, TalentLevel.Reserve, TalentLevel.Reserve, TalentLevel.Reserve, TalentLevel.Reserve,
        };
        for (var i = 0; i < count; i++)
        {
            var level = i < TalentLevel.All.Count ? TalentLevel.All[i] : weighted[random.Next(weighted.Length)];
            var category = TalentCategory.All[i % TalentCategory.All.Count];
            var birth = new DateOnly(level is TalentLevel.Youth ? random.Next(1995, 2003) : random.Next(1962, 1998), random.Next(1, 13), random.Next(1, 29));
            var male = random.Next(2) == 0;
            ResidentIdNumber id;
            do
            {
                var sequence = random.Next(0, 500) * 2 + (male ? 1 : 0);
                var body = string.Create(CultureInfo.InvariantCulture, $"{AreaCodes[random.Next(AreaCodes.Length)]}{birth:yyyyMMdd}{sequence:D3}");
                id = ResidentIdNumber.Parse(body + ResidentIdNumber.CheckCharacter(body)).Value!;
            }
            while (!usedIds.Add(id.Value));

            var name = Surnames[random.Next(Surnames.Length)] + GivenChars[random.Next(GivenChars.Length)]
                + (random.Next(3) == 0 ? string.Empty : GivenChars[random.Next(GivenChars.Length)]);
            var effective = today.AddDays(-random.Next(30, 1500));
            var talent = Talent.Register(Guid.CreateVersion7(now), name, id, level, category, effective, protector, now, DataSources.Demo);
            Set(talent, ProfileFields.Phone, string.Create(CultureInfo.InvariantCulture, $"1{random.Next(3, 10)}{random.Next(0, 1_000_000_000):D9}"), now);
            Set(talent, ProfileFields.Address, $"河南省郑州市{Streets[random.Next(Streets.Length)]}{random.Next(1, 300)}号", now);
            var degree = level is TalentLevel.A or TalentLevel.B or TalentLevel.C ? "doctorate" : ProfileFields.Degrees[random.Next(4)];
            Set(talent, ProfileFields.EducationDegree, degree, now);
            Set(talent, ProfileFields.EducationSchool, Schools[random.Next(Schools.Length)], now);
            Set(talent, ProfileFields.EducationMajor, Majors[category][random.Next(Majors[category].Length)], now);
            Set(talent, ProfileFields.EducationGraduationYear, Math.Min(today.Year, birth.Year + 22 + random.Next(0, 8)).ToString(CultureInfo.InvariantCulture), now);
            if (level is TalentLevel.A or TalentLevel.B or TalentLevel.C or TalentLevel.D)
            {
                Set(talent, ProfileFields.AcademicTitles, level is TalentLevel.A or TalentLevel.B ? "教授\n博士生导师" : "高级工程师", now);
                Set(talent, ProfileFields.Honours, $"河南省科技进步奖（{today.Year - random.Next(1, 8)}）", now);
            }

            var atEnterprise = main is not null && i % 6 == 0;
            talent.SetEmployer(atEnterprise ? main!.Id : null, atEnterprise ? main!.Name : Employers[random.Next(Employers.Length)], now);
            if (i % 30 == 7)
            {
                talent.ChangeStatus(TalentStatus.Suspended, "材料复核中 / Materials under review", now);
            }

            db.Talents.Add(talent);
            var verified = i % 3 == 0;
            foreach (var field in new[] { ProfileFields.Name, ProfileFields.IdNumber, ProfileFields.Gender, ProfileFields.BirthDate })
            {
                db.Provenance.Add(FieldProvenance.Verified(talent.Id, field, null, DataSources.HouseholdRegistry, now));
            }

            foreach (var field in new[] { ProfileFields.EducationDegree, ProfileFields.EducationSchool, ProfileFields.EducationMajor, ProfileFields.EducationGraduationYear })
            {
                db.Provenance.Add(verified
                    ? FieldProvenance.Verified(talent.Id, field, null, DataSources.Manual, now)
                    : FieldProvenance.SelfDeclared(talent.Id, field, now));
            }

            db.LevelHistory.Add(new LevelHistoryEntry(Guid.CreateVersion7(now), talent.Id, null, level, null, category, effective, "登记 / Registered", null, now));
            if (i % 5 == 0 && level is not TalentLevel.Reserve)
            {
                var earlier = level is TalentLevel.Youth or TalentLevel.Social ? TalentLevel.Reserve : TalentLevel.E;
                db.LevelHistory.Add(new LevelHistoryEntry(Guid.CreateVersion7(now.AddDays(-900)), talent.Id, null, earlier, null, category, effective.AddDays(-700), "登记 / Registered", null, now.AddDays(-900)));
            }
        }

        if (main is not null)
        {
            db.Enterprises.Add(MakeEnterprise(main.Id, "91410100MA44XK7P2", "周建国", new DateOnly(2016, 8, 18), "新能源与储能", demo.Id, now,
                [("固态电池中试线", "年产 0.5 GWh 固态电池中试线建设", 1_200_000_000L, new DateOnly(2023, 3, 1), new DateOnly(2026, 12, 31)),
                 ("储能系统研发", "面向电网侧的储能系统集成", 350_000_000L, new DateOnly(2024, 6, 1), null)],
                [("郑州大学", "共建新能源材料联合实验室", new DateOnly(2019, 9, 1)), ("郑州银行", "主办银行：存贷款业务合作", new DateOnly(2021, 1, 1))]));
        }

        if (second is not null)
        {
            db.Enterprises.Add(MakeEnterprise(second.Id, "91410100MA9GH2KQ3", "李思雨", new DateOnly(2019, 4, 2), "新材料", demo.Id, now,
                [("高性能碳纤维复合材料", "航空航天用碳纤维预浸料产业化", 480_000_000L, new DateOnly(2024, 1, 15), new DateOnly(2025, 12, 31))],
                [("河南省科学院", "新材料联合研发", new DateOnly(2022, 5, 20))]));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private void Set(Talent talent, string field, string value, DateTimeOffset now) => talent.SetValue(field, value, protector, now);

    private static Enterprise MakeEnterprise(
        Guid organisationId,
        string first17,
        string legalRepresentative,
        DateOnly founded,
        string industry,
        Guid? founder,
        DateTimeOffset now,
        (string Name, string Description, long FundingFen, DateOnly Start, DateOnly? End)[] projects,
        (string Partner, string Description, DateOnly Since)[] cooperations)
    {
        var code = UnifiedSocialCreditCode.Parse(first17 + UnifiedSocialCreditCode.CheckCharacter(first17)).Value!;
        var enterprise = Enterprise.Create(organisationId, code, now);
        enterprise.Update(
            code,
            legalRepresentative,
            founded,
            industry,
            founder,
            projects.Select(p => new EnterpriseProject(Guid.CreateVersion7(now), organisationId, p.Name, p.Description, p.FundingFen, p.Start, p.End)),
            cooperations.Select(c => new EnterpriseCooperation(Guid.CreateVersion7(now), organisationId, c.Partner, c.Description, c.Since)),
            now);
        return enterprise;
    }
}
