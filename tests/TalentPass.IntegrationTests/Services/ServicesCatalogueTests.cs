using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TalentPass.IntegrationTests.Infrastructure;
using static TalentPass.IntegrationTests.Services.ServicesApi;

namespace TalentPass.IntegrationTests.Services;

/// <summary>The catalogue: the demo's six themes, and publishing new matter versions (old applications keep theirs).</summary>
public sealed class ServicesCatalogueTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Catalogue_Demo_SixThemesElevenCategoriesThirtyMattersTwentyFirstBatch()
    {
        var anonymous = factory.CreateAnonymousClient();

        var catalogue = await (await anonymous.GetAsync(new Uri("/api/v1/services/catalogue", UriKind.Relative), Ct)).ReadJsonAsync();

        catalogue.GetProperty("themes").GetArrayLength().ShouldBe(6);
        catalogue.GetProperty("categories").GetInt32().ShouldBe(11);
        catalogue.GetProperty("matters").GetInt32().ShouldBe(30);
        catalogue.GetProperty("firstBatch").GetInt32().ShouldBe(20);
        var codes = catalogue.GetProperty("themes").EnumerateArray().SelectMany(t => t.GetProperty("categories").EnumerateArray())
            .SelectMany(c => c.GetProperty("matters").EnumerateArray()).Select(m => m.GetProperty("code").GetString()).ToList();
        codes.ShouldContain("youth-household-registration");
        codes.ShouldContain("postdoc-living-subsidy");
        codes.ShouldContain("high-level-entry-exit");
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/services", UriKind.Relative), Ct));
        page.ShouldContain("青年人才生活补贴");
    }

    [Fact]
    public async Task PublishVersion_NewApplicationsGetIt_OldApplicationsKeepTheirs()
    {
        // spouse-employment is used by no other test: its versions change only here.
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var (_, talentId, idNumber) = await TalentAsync(factory, level: "c");
        var (_, talentId2, idNumber2) = await TalentAsync(factory, level: "c");
        var materials = new Dictionary<string, string> { ["marriage-certificate"] = "结婚证.pdf" };
        var old = await (await WindowAsync(office, talentId, idNumber, ("spouse-employment", materials))).ReadJsonAsync();
        var oldItem = Item(old);
        var oldVersion = oldItem.GetProperty("matterVersion").GetInt32();

        var current = await (await office.GetAsync(new Uri("/api/v1/services/matters/spouse-employment", UriKind.Relative), Ct)).ReadJsonAsync();
        var changed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(current.GetProperty("definition").GetRawText())!;
        var newDeadline = current.GetProperty("definition").GetProperty("deadlineWorkingDays").GetInt32() + 1;
        changed["deadlineWorkingDays"] = JsonSerializer.SerializeToElement(newDeadline);
        var published = await (await office.PostAsJsonAsync("/api/v1/services/matters/spouse-employment/versions", new { definition = changed, note = "测试：时限调整" }, Ct)).ReadJsonAsync();
        published.GetProperty("currentVersion").GetInt32().ShouldBe(oldVersion + 1);
        published.GetProperty("definition").GetProperty("deadlineWorkingDays").GetInt32().ShouldBe(newDeadline);
        var fresh = await (await WindowAsync(office, talentId2, idNumber2, ("spouse-employment", materials))).ReadJsonAsync();

        Item(fresh).GetProperty("matterVersion").GetInt32().ShouldBe(oldVersion + 1);
        var reread = Item(await GetAsync(office, old.GetProperty("id").GetGuid()));
        reread.GetProperty("matterVersion").GetInt32().ShouldBe(oldVersion);
        reread.GetProperty("dueOn").GetString().ShouldBe(oldItem.GetProperty("dueOn").GetString());
        var oldDefinition = await (await office.GetAsync(new Uri($"/api/v1/services/matters/spouse-employment?version={oldVersion}", UriKind.Relative), Ct)).ReadJsonAsync();
        oldDefinition.GetProperty("definition").GetProperty("deadlineWorkingDays").GetInt32().ShouldBe(newDeadline - 1);
    }

    [Fact]
    public async Task PublishVersion_UnknownDepartment_RefusedAsInvalid()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var response = await office.PostAsJsonAsync("/api/v1/services/matters/startup-space/versions",
            new { definition = new { deadlineWorkingDays = 5, steps = new[] { new { department = "dept-nowhere", nameZh = "x", nameEn = "x" } } } }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "services.definition_invalid");
        var department = await factory.CreateClientAsAsync("demo-department");
        (await department.PostAsJsonAsync("/api/v1/services/matters/startup-space/versions", new { isOnline = true }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
