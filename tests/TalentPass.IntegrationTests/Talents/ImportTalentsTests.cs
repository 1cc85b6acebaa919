using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Cli;
using TalentPass.Infrastructure.Persistence;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.Talents;

/// <summary>
/// <c>talentpass talents import FILE.csv</c> run in process against the test host's database, checked through the
/// API the way a clerk would see the result.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class ImportTalentsTests(TalentPassFactory factory) : IDisposable
{
    private const string Header = "id_number,name,level,category,phone,education_degree,education_school,employer_name,honours";
    private readonly string directory = Directory.CreateTempSubdirectory("talentpass-import-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Import_ValidAndInvalidRows_AddsValidRowsAndReportsEachInvalidRowWithItsCode()
    {
        var prefix = TalentsApi.UniqueName("导");
        var first = TalentsApi.NewIdNumber();
        var badCheck = TalentsApi.NewIdNumber();
        badCheck = badCheck[..17] + (badCheck[17] == '0' ? '1' : '0');
        var file = await WriteCsvAsync(
            Header,
            $"{first},{prefix}甲,c,science,13800001111,doctorate,郑州大学,示例科技有限公司,省五一劳动奖章;中原英才",
            $"{TalentsApi.NewIdNumber()},{prefix}乙,YOUTH,engineering,,master,河南大学,,",
            $"{badCheck},{prefix}丙,c,science,,,,,",
            $"{TalentsApi.NewIdNumber()},{prefix}丁,f,science,,,,,",
            $"{first},{prefix}戊,d,science,,,,,",
            $"{TalentsApi.NewIdNumber()},{prefix}己,d,science,12345,,,,");

        var exitCode = await ImportAsync(file);

        exitCode.ShouldBe(1);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var page = await TalentsApi.SearchAsync(office, "name=" + Uri.EscapeDataString(prefix));
        TalentsApi.Names(page).ShouldBe([prefix + "乙", prefix + "甲"], ignoreOrder: true);
        var errors = await File.ReadAllLinesAsync(file + ".errors.csv", Ct);
        errors[0].ShouldBe("line,column,code,message");
        errors.Skip(1).Select(l => l.Split(',')[0] + " " + l.Split(',')[2].Trim('"')).ShouldBe(
            ["4 identity_number.check_digit", "5 talents.level_unknown", "6 import.duplicate_in_file", "7 request.invalid"]);

        var imported = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("name").GetString() == prefix + "甲");
        var detail = await TalentsApi.GetAsync(office, imported.GetProperty("id").GetGuid());
        detail.GetProperty("level").GetString().ShouldBe("c");
        detail.GetProperty("phone").GetString().ShouldBe("138****1111");
        detail.GetProperty("honours").EnumerateArray().Select(h => h.GetString()).ShouldBe(["省五一劳动奖章", "中原英才"]);
        detail.GetProperty("levelHistory").GetArrayLength().ShouldBe(1);
        foreach (var field in new[] { "id_number", "name", "education_school", "honours" })
        {
            var provenance = detail.GetProperty("provenance").GetProperty(field);
            provenance.GetProperty("state").GetString().ShouldBe("verified", field);
            provenance.GetProperty("source").GetString().ShouldBe("import:" + Path.GetFileName(file), field);
        }

        detail.ToString().ShouldNotContain("13800001111");
    }

    [Fact]
    public async Task Import_SameFileTwice_AddsNothingTheSecondTime()
    {
        var prefix = TalentsApi.UniqueName("重");
        var rows = Enumerable.Range(0, 12).Select(i => $"{TalentsApi.NewIdNumber()},{prefix}{i:D2},d,medicine,,,,,").ToArray();
        var file = await WriteCsvAsync([Header, .. rows]);

        (await ImportAsync(file)).ShouldBe(0);
        (await ImportAsync(file)).ShouldBe(0);

        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var page = await TalentsApi.SearchAsync(office, "size=50&name=" + Uri.EscapeDataString(prefix));
        page.GetProperty("total").GetInt64().ShouldBe(12);
        File.Exists(file + ".errors.csv").ShouldBeFalse();
    }

    [Fact]
    public async Task BulkImport_DropsAndRebuildsIndexes_AddsRowsOnceAndSearchStillFindsThem()
    {
        var prefix = TalentsApi.UniqueName("批");
        var duplicate = TalentsApi.NewIdNumber();
        var rows = Enumerable.Range(0, 20).Select(i => $"{(i == 0 ? duplicate : TalentsApi.NewIdNumber())},{prefix}{i:D2},b,finance,,,,,").ToList();
        rows.Add($"{duplicate},{prefix}重复,b,finance,,,,,");
        var file = await WriteCsvAsync([Header, .. rows]);
        var indexesBefore = await IndexNamesAsync();

        (await ImportAsync(file, "--bulk")).ShouldBe(1);
        (await ImportAsync(file, "--bulk")).ShouldBe(1);

        (await IndexNamesAsync()).ShouldBe(indexesBefore);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        (await TalentsApi.SearchAsync(office, "size=50&name=" + Uri.EscapeDataString(prefix))).GetProperty("total").GetInt64().ShouldBe(20);
        var bySuffix = await TalentsApi.SearchAsync(office, "size=50&idSuffix=" + duplicate[^4..]);
        TalentsApi.Names(bySuffix).ShouldContain(prefix + "00");
    }

    [Fact]
    public async Task Import_UnknownColumn_RefusesTheWholeFileAndAddsNothing()
    {
        var prefix = TalentsApi.UniqueName("拒");
        var file = await WriteCsvAsync("id_number,name,level,category,salary", $"{TalentsApi.NewIdNumber()},{prefix},c,science,100");

        (await ImportAsync(file)).ShouldBe(2);

        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        (await TalentsApi.SearchAsync(office, "name=" + Uri.EscapeDataString(prefix))).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Import_MissingRequiredColumn_RefusesTheWholeFileAndAddsNothing()
    {
        var name = TalentsApi.UniqueName("缺");
        var file = await WriteCsvAsync("name,id_number,level", $"{name},{TalentsApi.NewIdNumber()},c");

        (await ImportAsync(file)).ShouldBe(2);

        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        (await TalentsApi.SearchAsync(office, "name=" + Uri.EscapeDataString(name))).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Import_IsWrittenToTheAuditLogWithCountsOnly()
    {
        var file = await WriteCsvAsync(Header, $"{TalentsApi.NewIdNumber()},{TalentsApi.UniqueName("审")},e,culture,13900002222,,,,");

        (await ImportAsync(file)).ShouldBe(0);

        var auditor = await factory.CreateClientAsAsync("demo-auditor");
        var events = await (await auditor.GetAsync(new Uri("/api/v1/audit/events?action=talents.imported&size=50", UriKind.Relative), Ct)).ReadJsonAsync();
        var entry = events.GetProperty("items").EnumerateArray().First(e => e.GetProperty("subjectId").GetString() == Path.GetFileName(file));
        entry.GetProperty("detail").GetString().ShouldBe("rows=1 added=1 already_registered=0 rejected=0");
        entry.ToString().ShouldNotContain("13900002222");
    }

    private async Task<string> WriteCsvAsync(params string[] lines)
    {
        var path = Path.Combine(directory, $"talents-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false), Ct);
        return path;
    }

    private async Task<IReadOnlyList<string>> IndexNamesAsync() =>
        await factory.WithScopeAsync(async services =>
        {
            var connections = services.GetRequiredService<IDbConnectionFactory>();
            await using var connection = await connections.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = connections.Provider == DatabaseProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'talents_talents' ORDER BY name"
                : "SELECT indexname FROM pg_indexes WHERE tablename = 'talents_talents' ORDER BY indexname";
            var names = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                names.Add(reader.GetString(0));
            }

            return (IReadOnlyList<string>)names;
        });

    private async Task<int> ImportAsync(string file, params string[] extra)
    {
        _ = factory.Services; // the host has migrated the database
        CliHost.Overrides = factory.Settings();
        try
        {
            return await CliProgram.BuildRoot().Parse(["talents", "import", file, "--no-progress", .. extra]).InvokeAsync(cancellationToken: Ct);
        }
        finally
        {
            CliHost.Overrides = null;
        }
    }
}

/// <summary>Tests that run the CLI in process share its static configuration seam, so they do not run in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliCollection
{
    public const string Name = "cli";
}
