using System.Text;
using TalentPass.Cli;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.Talents;

public sealed class ImportTalentsCommandTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_GoodAndBadRows_ImportsGoodOnesReportsBadOnes_RerunAddsNothing()
    {
        var directory = Directory.CreateTempSubdirectory("talentpass-import-");
        var path = Path.Combine(directory.FullName, "recognised.csv");
        var prefix = TalentsApi.UniqueName("导");
        var first = TalentsApi.NewIdNumber();
        var csv = new StringBuilder("name,id_number,level,category,phone,education_school,honours\n")
            .AppendLine($"{prefix}甲,{first},C,engineering,13812345678,郑州大学,奖一|奖二")
            .AppendLine($"{prefix}乙,{TalentsApi.NewIdNumber()},youth,science,,,")
            .AppendLine($"{prefix}丙,{TalentsApi.NewIdNumber(male: false)},reserve,finance,,,")
            .AppendLine($"{prefix}丁,{first[..17]}{(first[17] == '0' ? '1' : '0')},c,science,,,")
            .AppendLine($"{prefix}戊,{first},c,science,,,")
            .AppendLine($"{prefix}己,{TalentsApi.NewIdNumber()},z,science,,,");
        await File.WriteAllTextAsync(path, csv.ToString(), Ct);
        CliHost.Overrides = factory.Settings();

        var exit = await CliProgram.BuildRoot().Parse(["talents", "import", path]).InvokeAsync(cancellationToken: Ct);
        var again = await CliProgram.BuildRoot().Parse(["talents", "import", path]).InvokeAsync(cancellationToken: Ct);
        var report = await File.ReadAllLinesAsync(path + ".errors.csv", Ct);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var page = await TalentsApi.SearchAsync(office, "name=" + Uri.EscapeDataString(prefix));
        var imported = await TalentsApi.GetAsync(office, page.GetProperty("items")[0].GetProperty("id").GetGuid());

        exit.ShouldBe(3);
        again.ShouldBe(3);
        TalentsApi.Names(page).ShouldBe([prefix + "丙", prefix + "乙", prefix + "甲"], ignoreOrder: true);
        report.Skip(1).Select(l => l.Split(',')[1]).ShouldBe(["identity_number.check_digit", "talents.id_number_duplicate", "talents.level_unknown"]);
        report.Skip(1).Select(l => l.Split(',')[0]).ShouldBe(["5", "6", "7"]);
        var withHonours = await TalentsApi.GetAsync(office, page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("name").GetString() == prefix + "甲").GetProperty("id").GetGuid());
        withHonours.GetProperty("level").GetString().ShouldBe("c");
        withHonours.GetProperty("honours").EnumerateArray().Select(h => h.GetString()).ShouldBe(["奖一", "奖二"]);
        withHonours.GetProperty("phone").GetString().ShouldBe("138****5678");
        withHonours.GetProperty("provenance").GetProperty("education_school").GetProperty("source").GetString().ShouldBe("import:recognised.csv");
        withHonours.GetProperty("levelHistory").GetArrayLength().ShouldBe(1);
        imported.GetProperty("provenance").GetProperty("id_number").GetProperty("state").GetString().ShouldBe("verified");
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Import_MissingRequiredColumn_Exit2AndNothingImported()
    {
        var directory = Directory.CreateTempSubdirectory("talentpass-import-");
        var path = Path.Combine(directory.FullName, "broken.csv");
        var name = TalentsApi.UniqueName("缺");
        await File.WriteAllTextAsync(path, $"name,id_number,level\n{name},{TalentsApi.NewIdNumber()},c\n", Ct);
        CliHost.Overrides = factory.Settings();

        var exit = await CliProgram.BuildRoot().Parse(["talents", "import", path]).InvokeAsync(cancellationToken: Ct);

        exit.ShouldBe(2);
        TalentsApi.Names(await TalentsApi.SearchAsync(await factory.CreateClientAsAsync("demo-talentoffice"), "name=" + Uri.EscapeDataString(name))).ShouldBeEmpty();
        directory.Delete(recursive: true);
    }
}
