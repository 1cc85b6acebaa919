using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TalentPass.IntegrationTests.Identity;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Talents;

public sealed class SelfServiceApiTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> MyProfileAsync(HttpClient talent) =>
        await (await talent.GetAsync(new Uri("/api/v1/me/profile", UriKind.Relative), Ct)).ReadJsonAsync();

    private static async Task<Guid> PendingRequestIdAsync(HttpClient office, Guid talentId, string field)
    {
        for (var page = 1; ; page++)
        {
            var list = await (await office.GetAsync(new Uri($"/api/v1/change-requests?status=pending&size=200&page={page}", UriKind.Relative), Ct)).ReadJsonAsync();
            var match = list.GetProperty("items").EnumerateArray()
                .FirstOrDefault(i => i.GetProperty("talentId").GetGuid() == talentId && i.GetProperty("field").GetString() == field);
            if (match.ValueKind == JsonValueKind.Object)
            {
                return match.GetProperty("id").GetGuid();
            }

            list.GetProperty("hasNext").GetBoolean().ShouldBeTrue($"no pending {field} request for {talentId}");
        }
    }

    [Fact]
    public async Task GetMyProfile_Talent_OwnRecordMasked()
    {
        var name = TalentsApi.UniqueName();
        var (talent, id, _) = await TalentsApi.TalentWithAccountAsync(factory, name);

        var profile = await MyProfileAsync(talent);

        profile.GetProperty("id").GetGuid().ShouldBe(id);
        profile.GetProperty("name").GetString().ShouldBe(name);
        profile.GetProperty("phone").GetString().ShouldBe("138****5678");
        profile.GetProperty("idNumber").GetString()!.ShouldContain("**********");
    }

    [Fact]
    public async Task GetMyProfile_Unmask_ClearValuesAndAudited()
    {
        var (talent, id, _) = await TalentsApi.TalentWithAccountAsync(factory);

        var profile = await (await talent.GetAsync(new Uri("/api/v1/me/profile?unmask=true", UriKind.Relative), Ct)).ReadJsonAsync();
        var audit = await (await (await factory.CreateClientAsAsync("demo-auditor"))
            .GetAsync(new Uri($"/api/v1/audit/events?action=talents.personal_data_read&subjectId={id}", UriKind.Relative), Ct)).ReadJsonAsync();

        profile.GetProperty("phone").GetString().ShouldBe("13812345678");
        audit.GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task MeEndpoints_StaffOrTalentWithoutProfile_Refused()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var username = IdentityApi.UniqueName("nop");
        await IdentityApi.CreateAccountAsync(office, username, [Roles.Talent], null);
        var unlinked = await factory.CreateClientAsAsync(username, IdentityApi.StrongPassword);

        var staff = await office.GetAsync(new Uri("/api/v1/me/profile", UriKind.Relative), Ct);
        var none = await unlinked.PutAsJsonAsync("/api/v1/me/profile", new { educationMajor = "物理学" }, Ct);

        await staff.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await none.ShouldBeProblemAsync(HttpStatusCode.NotFound, "talents.no_profile");
    }

    [Fact]
    public async Task UpdateMyProfile_UnverifiedField_AppliedAtOnceAsSelfDeclared()
    {
        var (talent, _, _) = await TalentsApi.TalentWithAccountAsync(factory);

        var response = await talent.PutAsJsonAsync("/api/v1/me/profile", new { educationMajor = "物理学", honours = new[] { "优秀青年奖", "创新奖" } }, Ct);
        var profile = await MyProfileAsync(talent);

        var edited = await response.ReadJsonAsync();
        edited.GetProperty("applied").EnumerateArray().Select(a => a.GetString()).ShouldBe(["education_major", "honours"], ignoreOrder: true);
        edited.GetProperty("changeRequests").GetArrayLength().ShouldBe(0);
        profile.GetProperty("education").GetProperty("major").GetString().ShouldBe("物理学");
        profile.GetProperty("honours").EnumerateArray().Select(h => h.GetString()).ShouldBe(["优秀青年奖", "创新奖"]);
        profile.GetProperty("provenance").GetProperty("education_major").GetProperty("state").GetString().ShouldBe("self_declared");
    }

    [Fact]
    public async Task UpdateMyProfile_VerifiedField_ChangeRequestThenApprovalAppliesAndVerifies()
    {
        var (talent, id, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var response = await talent.PutAsJsonAsync("/api/v1/me/profile", new { educationSchool = "河南大学" }, Ct);
        var before = await MyProfileAsync(talent);
        var second = await talent.PutAsJsonAsync("/api/v1/me/profile", new { educationSchool = "北京大学" }, Ct);
        var requestId = await PendingRequestIdAsync(office, id, "education_school");
        var approve = await office.PostAsync(new Uri($"/api/v1/change-requests/{requestId}/approve", UriKind.Relative), null, Ct);
        var after = await MyProfileAsync(talent);
        var again = await office.PostAsync(new Uri($"/api/v1/change-requests/{requestId}/approve", UriKind.Relative), null, Ct);

        (await response.ReadJsonAsync()).GetProperty("changeRequests")[0].GetProperty("field").GetString().ShouldBe("education_school");
        before.GetProperty("education").GetProperty("school").GetString().ShouldBe("郑州大学");
        before.GetProperty("pendingChangeFields").EnumerateArray().Select(f => f.GetString()).ShouldBe(["education_school"]);
        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict, "talents.change_request_pending");
        (await approve.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("approved");
        after.GetProperty("education").GetProperty("school").GetString().ShouldBe("河南大学");
        var provenance = after.GetProperty("provenance").GetProperty("education_school");
        provenance.GetProperty("state").GetString().ShouldBe("verified");
        provenance.GetProperty("source").GetString().ShouldBe("change_request");
        provenance.GetProperty("verifiedBy").ValueKind.ShouldBe(JsonValueKind.String);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "talents.change_request_not_pending");
    }

    [Fact]
    public async Task RejectChangeRequest_ReasonRequired_ThenRejectedAndValueKept()
    {
        var (talent, id, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        await talent.PutAsJsonAsync("/api/v1/me/profile", new { phone = "13900000000" }, Ct); // entered by the talent office: verified
        var requestId = await PendingRequestIdAsync(office, id, "phone");

        var withoutReason = await office.PostAsJsonAsync($"/api/v1/change-requests/{requestId}/reject", new { reason = " " }, Ct);
        var rejected = await office.PostAsJsonAsync($"/api/v1/change-requests/{requestId}/reject", new { reason = "号码未实名" }, Ct);
        var mine = await (await talent.GetAsync(new Uri("/api/v1/me/change-requests", UriKind.Relative), Ct)).ReadJsonAsync();
        var profile = await MyProfileAsync(talent);

        await withoutReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "talents.reason_required");
        var view = await rejected.ReadJsonAsync();
        view.GetProperty("status").GetString().ShouldBe("rejected");
        view.GetProperty("proposedValue").GetString().ShouldBe("139****0000");
        mine[0].GetProperty("reviewReason").GetString().ShouldBe("号码未实名");
        mine[0].GetProperty("proposedValue").GetString().ShouldBe("13900000000");
        profile.GetProperty("phone").GetString().ShouldBe("138****5678");
    }

    [Fact]
    public async Task UpdateMyProfile_InvalidValues_400AndNothingChanged()
    {
        var (talent, _, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var before = await MyProfileAsync(talent);

        var response = await talent.PutAsJsonAsync("/api/v1/me/profile", new { educationMajor = "化学", educationGraduationYear = 1800, name = "" }, Ct);
        var after = await MyProfileAsync(talent);

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid")).GetProperty("errors");
        errors.TryGetProperty("educationGraduationYear", out _).ShouldBeTrue();
        errors.TryGetProperty("name", out _).ShouldBeTrue();
        after.GetProperty("version").GetInt32().ShouldBe(before.GetProperty("version").GetInt32());
        after.GetProperty("education").GetProperty("major").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task UpdateMyProfile_StaleVersion_409VersionConflict()
    {
        var (talent, _, _) = await TalentsApi.TalentWithAccountAsync(factory);

        var response = await talent.PutAsJsonAsync("/api/v1/me/profile", new { educationMajor = "化学", version = 1 }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "talents.version_conflict");
    }

    [Theory]
    [InlineData("demo-bigdata")]
    [InlineData("demo-department")]
    [InlineData("demo-talent")]
    public async Task ChangeRequestQueue_NotTalentOffice_403(string username)
    {
        var client = await factory.CreateClientAsAsync(username);

        var list = await client.GetAsync(new Uri("/api/v1/change-requests", UriKind.Relative), Ct);
        var approve = await client.PostAsync(new Uri($"/api/v1/change-requests/{Guid.NewGuid()}/approve", UriKind.Relative), null, Ct);

        await list.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await approve.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task ApproveChangeRequest_UnknownId_404()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var response = await office.PostAsync(new Uri($"/api/v1/change-requests/{Guid.NewGuid()}/approve", UriKind.Relative), null, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "talents.change_request_not_found");
    }
}
