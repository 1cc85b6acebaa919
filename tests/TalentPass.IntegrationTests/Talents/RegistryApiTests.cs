using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.Talents;

public sealed class RegistryApiTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_AsTalentOffice_CreatedWithMaskedPersonalDataAndVerifiedProvenance()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var idNumber = TalentsApi.NewIdNumber();
        var name = TalentsApi.UniqueName();

        var response = await office.PostAsJsonAsync("/api/v1/talents", new { name, idNumber, level = "C", category = "engineering", phone = "13812345678" }, Ct);
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        var talent = await TalentsApi.GetAsync(office, id);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/talents/{id}");
        talent.GetProperty("name").GetString().ShouldBe(name);
        talent.GetProperty("level").GetString().ShouldBe("c");
        talent.GetProperty("idNumber").GetString().ShouldBe(idNumber[..4] + "**********" + idNumber[^4..]);
        talent.GetProperty("phone").GetString().ShouldBe("138****5678");
        talent.GetProperty("unmasked").GetBoolean().ShouldBeFalse();
        talent.GetProperty("provenance").GetProperty("id_number").GetProperty("state").GetString().ShouldBe("verified");
        talent.GetProperty("provenance").GetProperty("phone").GetProperty("source").GetString().ShouldBe("manual");
        talent.GetProperty("levelHistory").GetArrayLength().ShouldBe(1);
    }

    [Theory]
    [InlineData("410105198503127718", "identity_number.check_digit")]
    [InlineData("41010519850312771", "identity_number.length")]
    [InlineData("4101051985031277AX", "identity_number.format")]
    [InlineData("990105198503127715", "identity_number.region")]
    [InlineData("410105198502307715", "identity_number.birth_date")]
    public async Task Register_InvalidIdNumber_400WithIdentityNumberCodeAndNothingStored(string idNumber, string code)
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var name = TalentsApi.UniqueName();

        var response = await office.PostAsJsonAsync("/api/v1/talents", new { name, idNumber, level = "c", category = "science" }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        problem.GetProperty("errors").GetProperty("idNumber").GetArrayLength().ShouldBe(1);
        TalentsApi.Names(await TalentsApi.SearchAsync(office, "name=" + Uri.EscapeDataString(name))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Register_SameIdNumberTwice_409DuplicateAndOnlyOneStored()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var idNumber = TalentsApi.NewIdNumber();
        var name = TalentsApi.UniqueName();
        await TalentsApi.RegisterAsync(office, name, idNumber: idNumber);

        var again = await office.PostAsJsonAsync("/api/v1/talents", new { name = name + "乙", idNumber = idNumber.ToLowerInvariant(), level = "d", category = "science" }, Ct);

        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "talents.id_number_duplicate");
        TalentsApi.Names(await TalentsApi.SearchAsync(office, "name=" + Uri.EscapeDataString(name))).ShouldBe([name]);
    }

    [Fact]
    public async Task Register_MissingNameAndOverLongValues_400WithPerFieldMessages()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var missing = await office.PostAsJsonAsync("/api/v1/talents", new { idNumber = TalentsApi.NewIdNumber(), level = "c" }, Ct);
        var tooLong = await office.PostAsJsonAsync("/api/v1/talents", new
        {
            name = TalentsApi.UniqueName(),
            idNumber = TalentsApi.NewIdNumber(),
            level = "c",
            category = "science",
            educationSchool = new string('校', 101),
            phone = "12345",
        }, Ct);

        var missingErrors = (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid")).GetProperty("errors");
        missingErrors.TryGetProperty("name", out _).ShouldBeTrue();
        missingErrors.TryGetProperty("category", out _).ShouldBeTrue();
        var tooLongErrors = (await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid")).GetProperty("errors");
        tooLongErrors.GetProperty("educationSchool")[0].GetString()!.ShouldContain("100");
        tooLongErrors.TryGetProperty("phone", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Register_UnknownLevel_400LevelUnknown()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var response = await office.PostAsJsonAsync("/api/v1/talents", new { name = TalentsApi.UniqueName(), idNumber = TalentsApi.NewIdNumber(), level = "f", category = "science" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "talents.level_unknown");
    }

    [Fact]
    public async Task Register_EmployerThatIsNoEnterprise_400EmployerInvalid()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var response = await office.PostAsJsonAsync("/api/v1/talents", new { name = TalentsApi.UniqueName(), idNumber = TalentsApi.NewIdNumber(), level = "c", category = "science", employerOrganisationId = Guid.NewGuid() }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "talents.employer_invalid");
    }

    [Theory]
    [InlineData("demo-bigdata")]
    [InlineData("demo-department")]
    [InlineData("demo-operator")]
    [InlineData("demo-enterprise")]
    public async Task Register_OtherStaffRoles_403(string username)
    {
        var client = await factory.CreateClientAsAsync(username);

        var response = await client.PostAsJsonAsync("/api/v1/talents", new { name = TalentsApi.UniqueName(), idNumber = TalentsApi.NewIdNumber(), level = "c", category = "science" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Theory]
    [InlineData("demo-bank")]
    [InlineData("demo-servicepoint")]
    [InlineData("demo-auditor")]
    [InlineData("demo-talent")]
    public async Task Search_RolesWithoutRegistryAccess_403(string username)
    {
        var client = await factory.CreateClientAsAsync(username);

        var response = await client.GetAsync(new Uri("/api/v1/talents", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Search_Anonymous_401()
    {
        var response = await factory.CreateAnonymousClient().GetAsync(new Uri("/api/v1/talents", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Search_ByNamePrefix_OnlyMatchesOrderedByName()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var prefix = TalentsApi.UniqueName("搜");
        await TalentsApi.RegisterAsync(office, prefix + "丙");
        await TalentsApi.RegisterAsync(office, prefix + "乙");
        await TalentsApi.RegisterAsync(office, prefix + "甲");

        var page = await TalentsApi.SearchAsync(office, "name=" + Uri.EscapeDataString(prefix));

        TalentsApi.Names(page).ShouldBe(new[] { prefix + "丙", prefix + "乙", prefix + "甲" }.OrderBy(n => n, StringComparer.Ordinal).ToList());
        page.GetProperty("total").GetInt64().ShouldBe(3);
        page.GetProperty("totalIsLowerBound").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Search_PageSizeOne_SecondPageHasSecondTalent()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var prefix = TalentsApi.UniqueName("页");
        await TalentsApi.RegisterAsync(office, prefix + "1");
        await TalentsApi.RegisterAsync(office, prefix + "2");

        var second = await TalentsApi.SearchAsync(office, $"name={Uri.EscapeDataString(prefix)}&size=1&page=2");

        TalentsApi.Names(second).ShouldBe([prefix + "2"]);
        second.GetProperty("hasNext").GetBoolean().ShouldBeFalse();
        second.GetProperty("hasPrevious").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Search_ByIdSuffixLevelStatusAndEmployer_CombinesFilters()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var employer = TalentsApi.UniqueName("单位");
        var idNumber = TalentsApi.NewIdNumber();
        var name = TalentsApi.UniqueName();
        await TalentsApi.RegisterAsync(office, name, level: "youth", employerName: employer, idNumber: idNumber);
        await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName(), level: "social", employerName: employer);

        var bySuffix = await TalentsApi.SearchAsync(office, $"idSuffix={idNumber[^4..]}&employer={Uri.EscapeDataString(employer)}");
        var byLevel = await TalentsApi.SearchAsync(office, $"level=youth&status=active&employer={Uri.EscapeDataString(employer[..^2])}");
        var byEmployer = await TalentsApi.SearchAsync(office, $"employer={Uri.EscapeDataString(employer)}");
        var suspended = await TalentsApi.SearchAsync(office, $"status=suspended&employer={Uri.EscapeDataString(employer)}");

        TalentsApi.Names(bySuffix).ShouldBe([name]);
        TalentsApi.Names(byLevel).ShouldBe([name]);
        byEmployer.GetProperty("total").GetInt64().ShouldBe(2);
        TalentsApi.Names(suspended).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("level=z", "level")]
    [InlineData("status=paused", "status")]
    [InlineData("idSuffix=12", "idSuffix")]
    public async Task Search_InvalidFilter_400WithFieldName(string query, string field)
    {
        var office = await factory.CreateClientAsAsync("demo-department");

        var response = await office.GetAsync(new Uri("/api/v1/talents?" + query, UriKind.Relative), Ct);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid")).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Search_AsEnterpriseContact_SeesOnlyOwnEnterprisesTalents()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var own = await TalentsApi.OrganisationIdAsync(factory, "ENT-DEMO-001");
        var other = await TalentsApi.OrganisationIdAsync(factory, "ENT-DEMO-002");
        var prefix = TalentsApi.UniqueName("企");
        var mine = await TalentsApi.RegisterAsync(office, prefix + "甲", employerOrganisationId: own);
        var theirs = await TalentsApi.RegisterAsync(office, prefix + "乙", employerOrganisationId: other);
        var contact = await factory.CreateClientAsAsync("demo-enterprise");

        var page = await TalentsApi.SearchAsync(contact, "name=" + Uri.EscapeDataString(prefix));
        var ownDetail = await contact.GetAsync(new Uri($"/api/v1/talents/{mine}", UriKind.Relative), Ct);
        var otherDetail = await contact.GetAsync(new Uri($"/api/v1/talents/{theirs}", UriKind.Relative), Ct);

        TalentsApi.Names(page).ShouldBe([prefix + "甲"]);
        ownDetail.StatusCode.ShouldBe(HttpStatusCode.OK);
        await otherDetail.ShouldBeProblemAsync(HttpStatusCode.NotFound, "talents.not_found");
    }

    [Fact]
    public async Task Get_UnknownId_404NotFound()
    {
        var office = await factory.CreateClientAsAsync("demo-department");

        var response = await office.GetAsync(new Uri($"/api/v1/talents/{Guid.NewGuid()}", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "talents.not_found");
    }

    [Theory]
    [InlineData("demo-talentoffice")]
    [InlineData("demo-bigdata")]
    public async Task Get_UnmaskAllowedRole_ClearValuesAndAuditedWithoutValues(string username)
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var idNumber = TalentsApi.NewIdNumber();
        var id = await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName(), idNumber: idNumber);
        var reader = await factory.CreateClientAsAsync(username);

        var talent = await TalentsApi.GetAsync(reader, id, unmask: true);
        var audit = await (await (await factory.CreateClientAsAsync("demo-auditor"))
            .GetAsync(new Uri($"/api/v1/audit/events?action=talents.personal_data_read&subjectId={id}", UriKind.Relative), Ct)).ReadJsonAsync();

        talent.GetProperty("idNumber").GetString().ShouldBe(idNumber);
        talent.GetProperty("phone").GetString().ShouldBe("13812345678");
        talent.GetProperty("address").GetString().ShouldBe("河南省郑州市金水区农业路1号");
        talent.GetProperty("unmasked").GetBoolean().ShouldBeTrue();
        var entry = audit.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        entry.GetProperty("actorName").GetString().ShouldBe(username);
        entry.GetProperty("succeeded").GetBoolean().ShouldBeTrue();
        var detail = entry.GetProperty("detail").GetString()!;
        detail.ShouldContain("id_number");
        detail.ShouldContain("phone");
        detail.ShouldNotContain(idNumber[^8..]);
        detail.ShouldNotContain("1381234");
    }

    [Theory]
    [InlineData("demo-department")]
    [InlineData("demo-operator")]
    public async Task Get_UnmaskByMaskedReader_403UnmaskForbidden_ButMaskedReadWorks(string username)
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var id = await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName());
        var reader = await factory.CreateClientAsAsync(username);

        var unmasked = await reader.GetAsync(new Uri($"/api/v1/talents/{id}?unmask=true", UriKind.Relative), Ct);
        var masked = await TalentsApi.GetAsync(reader, id);

        await unmasked.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "talents.unmask_forbidden");
        masked.GetProperty("phone").GetString().ShouldBe("138****5678");
        masked.GetProperty("address").GetString().ShouldBe("河南省郑州市****");
    }

    [Fact]
    public async Task ChangeLevel_TalentOffice_LevelHistoryAndSearchFollow()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var name = TalentsApi.UniqueName();
        var id = await TalentsApi.RegisterAsync(office, name, level: "d");

        var response = await office.PostAsJsonAsync($"/api/v1/talents/{id}/level", new { level = "b", category = "medicine", effectiveOn = "2026-06-01", reason = "专家评审晋升" }, Ct);
        var talent = await TalentsApi.GetAsync(office, id);

        (await response.ReadJsonAsync()).GetProperty("level").GetString().ShouldBe("b");
        talent.GetProperty("level").GetString().ShouldBe("b");
        talent.GetProperty("category").GetString().ShouldBe("medicine");
        talent.GetProperty("levelEffectiveOn").GetString().ShouldBe("2026-06-01");
        var latest = talent.GetProperty("levelHistory")[0];
        latest.GetProperty("fromLevel").GetString().ShouldBe("d");
        latest.GetProperty("toLevel").GetString().ShouldBe("b");
        latest.GetProperty("reason").GetString().ShouldBe("专家评审晋升");
        latest.GetProperty("decidedBy").ValueKind.ShouldBe(JsonValueKind.String);
        TalentsApi.Names(await TalentsApi.SearchAsync(office, $"level=b&name={Uri.EscapeDataString(name)}")).ShouldBe([name]);
    }

    [Theory]
    [InlineData("demo-bigdata")]
    [InlineData("demo-department")]
    public async Task ChangeLevel_NotTalentOffice_403AndUnchanged(string username)
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var id = await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName(), level: "d");
        var client = await factory.CreateClientAsAsync(username);

        var response = await client.PostAsJsonAsync($"/api/v1/talents/{id}/level", new { level = "a", reason = "x" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        (await TalentsApi.GetAsync(office, id)).GetProperty("level").GetString().ShouldBe("d");
    }

    [Fact]
    public async Task ChangeLevel_BadInput_ClearCodes()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var id = await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName(), level: "d");

        var unknown = await office.PostAsJsonAsync($"/api/v1/talents/{id}/level", new { level = "f", reason = "x" }, Ct);
        var noReason = await office.PostAsJsonAsync($"/api/v1/talents/{id}/level", new { level = "a" }, Ct);
        var same = await office.PostAsJsonAsync($"/api/v1/talents/{id}/level", new { level = "d", reason = "x" }, Ct);
        var stale = await office.PostAsJsonAsync($"/api/v1/talents/{id}/level", new { level = "a", reason = "x", version = 0 }, Ct);
        var missing = await office.PostAsJsonAsync($"/api/v1/talents/{Guid.NewGuid()}/level", new { level = "a", reason = "x" }, Ct);

        await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "talents.level_unknown");
        (await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid")).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        await same.ShouldBeProblemAsync(HttpStatusCode.Conflict, "talents.level_unchanged");
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict, "talents.version_conflict");
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound, "talents.not_found");
        (await TalentsApi.GetAsync(office, id)).GetProperty("levelHistory").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task ChangeStatus_SuspendThenTerminate_TerminationIsFinal()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var name = TalentsApi.UniqueName();
        var id = await TalentsApi.RegisterAsync(office, name);

        var suspend = await office.PostAsJsonAsync($"/api/v1/talents/{id}/status", new { status = "suspended", reason = "材料复核" }, Ct);
        var suspendedSearch = await TalentsApi.SearchAsync(office, $"status=suspended&name={Uri.EscapeDataString(name)}");
        var terminate = await office.PostAsJsonAsync($"/api/v1/talents/{id}/status", new { status = "terminated", reason = "离开本地" }, Ct);
        var reactivate = await office.PostAsJsonAsync($"/api/v1/talents/{id}/status", new { status = "active", reason = "恢复" }, Ct);
        var talent = await TalentsApi.GetAsync(office, id);

        (await suspend.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("suspended");
        TalentsApi.Names(suspendedSearch).ShouldBe([name]);
        terminate.StatusCode.ShouldBe(HttpStatusCode.OK);
        await reactivate.ShouldBeProblemAsync(HttpStatusCode.Conflict, "talents.terminated");
        talent.GetProperty("status").GetString().ShouldBe("terminated");
        talent.GetProperty("statusReason").GetString().ShouldBe("离开本地");
    }

    [Fact]
    public async Task ChangeStatus_BadInputOrWrongRole_Refused()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var id = await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName());
        var bigdata = await factory.CreateClientAsAsync("demo-bigdata");

        var noReason = await office.PostAsJsonAsync($"/api/v1/talents/{id}/status", new { status = "suspended" }, Ct);
        var unknown = await office.PostAsJsonAsync($"/api/v1/talents/{id}/status", new { status = "paused", reason = "x" }, Ct);
        var same = await office.PostAsJsonAsync($"/api/v1/talents/{id}/status", new { status = "active", reason = "x" }, Ct);
        var forbidden = await bigdata.PostAsJsonAsync($"/api/v1/talents/{id}/status", new { status = "suspended", reason = "x" }, Ct);

        (await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid")).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "talents.status_unknown");
        await same.ShouldBeProblemAsync(HttpStatusCode.Conflict, "talents.status_unchanged");
        await forbidden.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        (await TalentsApi.GetAsync(office, id)).GetProperty("status").GetString().ShouldBe("active");
    }

    [Fact]
    public async Task DemoSeed_CoversAllLevelsAndHasTheDemoTalent()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        foreach (var level in new[] { "a", "b", "c", "d", "e", "youth", "social", "reserve" })
        {
            (await TalentsApi.SearchAsync(office, "level=" + level)).GetProperty("total").GetInt64().ShouldBeGreaterThan(0, level);
        }

        var demo = await TalentsApi.SearchAsync(office, "name=" + Uri.EscapeDataString("张明华"));
        demo.GetProperty("items").EnumerateArray().ShouldContain(i => i.GetProperty("level").GetString() == "c");
        (await TalentsApi.SearchAsync(office, "status=suspended")).GetProperty("total").GetInt64().ShouldBeGreaterThan(0);
    }
}
