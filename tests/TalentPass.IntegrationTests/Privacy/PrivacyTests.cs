using System.Net;
using System.Text.Json;
using TalentPass.IntegrationTests.Codes;
using TalentPass.IntegrationTests.DataSharing;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Reviews;
using TalentPass.IntegrationTests.Talents;

namespace TalentPass.IntegrationTests.Privacy;

/// <summary>Personal-data rights: the data download, who accessed my data, access only for the talent themself.</summary>
public sealed class PrivacyTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Export_Talent_DownloadsEveryModulesSectionWithTheirOwnUnmaskedDataAndIsAudited()
    {
        var idNumber = DemoIdNumbers.Ordinary();
        var (talent, talentId) = await ReviewsApi.TalentAsync(factory, idNumber);
        var office = await factory.CreateClientAsAsync(ReviewsApi.Office);
        await ReviewsApi.LaunchForAsync(office, [talentId]);

        var response = await talent.GetAsync(new Uri("/api/v1/privacy/me/export", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        response.Content.Headers.ContentDisposition!.FileName!.ShouldContain("talentpass-my-data-");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        json.GetProperty("talentId").GetGuid().ShouldBe(talentId);
        var sections = json.GetProperty("sections");
        foreach (var key in new[] { "talents", "codes", "cards", "services", "notifications", "subsidies", "recognition", "hostbank", "reviews" })
        {
            sections.TryGetProperty(key, out _).ShouldBeTrue(key);
        }

        sections.GetProperty("talents").GetProperty("data").GetProperty("profile").GetProperty("idNumber").GetString().ShouldBe(idNumber);
        sections.GetProperty("reviews").GetProperty("data").GetProperty("reviews").GetArrayLength().ShouldBe(1);

        var log = await (await talent.GetAsync(new Uri("/api/v1/privacy/me/access-log?size=50", UriKind.Relative), Ct)).ReadJsonAsync();
        log.GetProperty("items").EnumerateArray().ShouldContain(e => e.GetProperty("action").GetString() == "privacy.data_exported" && e.GetProperty("byMe").GetBoolean());
    }

    [Fact]
    public async Task AccessLog_StaffUnmaskedMyRecord_ShowsTheirOrganisationAndRoleButNotTheirAccount()
    {
        var (talent, talentId) = await ReviewsApi.TalentAsync(factory, DemoIdNumbers.Ordinary());
        var office = await factory.CreateClientAsAsync(ReviewsApi.Office);
        await TalentsApi.GetAsync(office, talentId, unmask: true);

        var body = await (await talent.GetAsync(new Uri("/api/v1/privacy/me/access-log?size=50", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);

        var items = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().ToList();
        var read = items.First(e => e.GetProperty("action").GetString() == "talents.personal_data_read");
        read.GetProperty("byMe").GetBoolean().ShouldBeFalse();
        read.GetProperty("organisation").GetString().ShouldNotBeNullOrEmpty();
        read.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldContain("talent_office");
        body.ShouldNotContain("demo-talentoffice");
    }

    [Fact]
    public async Task Scans_ServicePointScannedMyCode_ShowsTheOrganisationAndOutcome()
    {
        var (talent, _) = await ReviewsApi.TalentAsync(factory, DemoIdNumbers.Ordinary());
        var scanner = await factory.CreateClientAsAsync("demo-servicepoint");
        (await CodesApi.OutcomeAsync(scanner, await CodesApi.MyCodeTextAsync(talent))).ShouldBe("valid");

        // the scan log is written a little after the scan (background writer): read until it is there
        var scans = await ReviewsApi.UntilAsync(
            async () => await (await talent.GetAsync(new Uri("/api/v1/privacy/me/scans", UriKind.Relative), Ct)).ReadJsonAsync(),
            s => s.GetProperty("scans").GetArrayLength() > 0);

        scans.GetProperty("available").GetBoolean().ShouldBeTrue();
        var scan = scans.GetProperty("scans").EnumerateArray().Single();
        scan.GetProperty("outcome").GetString().ShouldBe("valid");
        scan.GetProperty("organisation").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Export_AsStaff_Forbidden()
    {
        var office = await factory.CreateClientAsAsync(ReviewsApi.Office);

        var response = await office.GetAsync(new Uri("/api/v1/privacy/me/export", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Consents_TalentWithoutCards_EmptyList()
    {
        var (talent, _) = await ReviewsApi.TalentAsync(factory, DemoIdNumbers.Ordinary());

        var consents = await (await talent.GetAsync(new Uri("/api/v1/privacy/me/consents", UriKind.Relative), Ct)).ReadJsonAsync();

        consents.GetArrayLength().ShouldBe(0);
    }
}
