using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TalentPass.IntegrationTests.Codes;
using TalentPass.IntegrationTests.Identity;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Recognition;

/// <summary>Recognition by standard (criteria, evidence, same-person rule) and employer self-recognition (quota).</summary>
public sealed class StandardAndEmployerTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Apply_BadInput_IsRefusedWithClearCodes()
    {
        var (talent, _, _) = await TalentsApi.TalentWithAccountAsync(factory);
        await (await RecognitionApi.ApplyAsync(talent, new { path = "standard", level = "c", criteria = Array.Empty<string>() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "recognition.criteria_required");
        await (await RecognitionApi.ApplyAsync(talent, new { path = "standard", level = "c", criteria = new[] { "no-such" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "recognition.criterion_unknown");
        await (await RecognitionApi.ApplyAsync(talent, new { path = "standard", level = "b", criteria = new[] { "c-provincial-award" }, evidence = new[] { RecognitionApi.Evidence() } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "recognition.criteria_below_level");
        await (await RecognitionApi.ApplyAsync(talent, new { path = "standard", level = "c", criteria = new[] { "c-provincial-award" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "recognition.evidence_required");
        await (await RecognitionApi.ApplyAsync(talent, new { path = "standard", level = "e", criteria = new[] { "e-associate-title" }, evidence = new[] { RecognitionApi.Evidence() } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "recognition.not_an_upgrade");
        await (await RecognitionApi.ApplyAsync(talent, new { path = "lottery", level = "c" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "recognition.path_unknown");

        await (await RecognitionApi.ApplyAsync(talent, new { path = "standard", level = "c", criteria = new[] { "c-provincial-award" }, evidence = new[] { RecognitionApi.Evidence() } })).ReadJsonAsync();
        await (await RecognitionApi.ApplyAsync(talent, new { path = "expert_review", level = "c", evidence = new[] { RecognitionApi.Evidence() } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "recognition.open_application_exists");
    }

    [Fact]
    public async Task Standard_FiledAtAWindow_IsDecidedByAnotherOfficerAndKeepsTheEvidenceDigest()
    {
        var office = await factory.CreateClientAsAsync(RecognitionApi.Office);
        var (talent, talentId, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var clerk = await RecognitionApi.ExpertAsync(factory, Roles.TalentOffice, "talent-office"); // a second office account
        var content = "河南省科技进步一等奖证书 / provincial award certificate " + Guid.NewGuid();
        var filed = await (await RecognitionApi.ApplyAsync(clerk.Client, new
        {
            talentId,
            path = "standard",
            level = "c",
            criteria = new[] { "c-provincial-award" },
            mailAddress = "河南省郑州市郑东新区测试路1号",
            evidence = new[] { new { fileName = "award.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(content)) } },
        })).ReadJsonAsync();
        var id = filed.GetProperty("id").GetGuid();
        filed.GetProperty("submittedOnBehalf").GetBoolean().ShouldBeTrue();
        filed.GetProperty("evidence")[0].GetProperty("sha256").GetString()
            .ShouldBe("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content))));

        await (await RecognitionApi.DecideAsync(clerk.Client, id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "recognition.same_person");
        var decided = await (await RecognitionApi.DecideAsync(office, id)).ReadJsonAsync();
        decided.GetProperty("decidedLevel").GetString().ShouldBe("c");
        (await CodesApi.MyCodeAsync(talent)).GetProperty("level").GetString().ShouldBe("c");

        var mailed = await (await office.PostAsJsonAsync($"/api/v1/recognition/applications/{id}/mailing", new { carrier = "EMS", trackingNumber = "EA000111222CN" }, Ct)).ReadJsonAsync();
        mailed.GetProperty("mail").GetProperty("trackingNumber").GetString().ShouldBe("EA000111222CN");
        var seenByTalent = await RecognitionApi.GetAsync(talent, id);
        seenByTalent.GetProperty("mail").GetProperty("trackingNumber").GetString().ShouldBe("EA000111222CN");
    }

    [Fact]
    public async Task Get_AnotherTalentsRecognition_IsNotFound()
    {
        var (talent, _, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var (other, _, _) = await TalentsApi.TalentWithAccountAsync(factory);
        var id = await RecognitionApi.ApplyForReviewAsync(talent, "d");
        await (await other.GetAsync(new Uri($"/api/v1/recognition/applications/{id}", UriKind.Relative), Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "recognition.not_found");
    }

    [Fact]
    public async Task SelfRecognition_TwentyInParallelForAQuotaOfFive_RecognisesExactlyFive()
    {
        var office = await factory.CreateClientAsAsync(RecognitionApi.Office);
        var (enterprise, _, contact) = await RecognitionApi.EnterpriseWithContactAsync(factory);
        var employees = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            employees.Add(await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName(), level: "e", employerOrganisationId: enterprise));
        }

        var year = BusinessTime.Today(TimeProvider.System).Year;
        await (await contact.PostAsJsonAsync("/api/v1/recognition/employer/self-recognitions", new { talentId = employees[0], level = "d", reason = "骨干 / key staff" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "recognition.employer_not_qualified");
        await (await office.PutAsJsonAsync($"/api/v1/recognition/employers/{enterprise}/quotas/{year}/d", new { quota = 5 }, Ct)).ReadJsonAsync();

        var responses = await Task.WhenAll(employees.Select(t =>
            contact.PostAsJsonAsync("/api/v1/recognition/employer/self-recognitions", new { talentId = t, level = "d", reason = "骨干 / key staff" }, Ct)));
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(5);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "recognition.quota_exhausted");
        }

        var quotas = await (await contact.GetAsync(new Uri("/api/v1/recognition/employer/quotas", UriKind.Relative), Ct)).ReadJsonAsync();
        var quota = quotas.EnumerateArray().Single();
        (quota.GetProperty("used").GetInt32(), quota.GetProperty("remaining").GetInt32()).ShouldBe((5, 0));
        var levels = new List<string>();
        foreach (var t in employees)
        {
            levels.Add((await TalentsApi.GetAsync(office, t)).GetProperty("level").GetString()!);
        }

        levels.Count(l => l == "d").ShouldBe(5);
        await (await office.PutAsJsonAsync($"/api/v1/recognition/employers/{enterprise}/quotas/{year}/d", new { quota = 4 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "recognition.quota_below_used");

        // the office revokes one: the talent returns to E and the place is free again
        var first = (await responses.First(r => r.StatusCode == HttpStatusCode.Created).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var revoked = await (await office.PostAsJsonAsync($"/api/v1/recognition/applications/{first}/revocation", new { reason = "核查不符 / audit failed" }, Ct)).ReadJsonAsync();
        revoked.GetProperty("status").GetString().ShouldBe("revoked");
        (await TalentsApi.GetAsync(office, revoked.GetProperty("talentId").GetGuid())).GetProperty("level").GetString().ShouldBe("e");
        var after = (await (await contact.GetAsync(new Uri("/api/v1/recognition/employer/quotas", UriKind.Relative), Ct)).ReadJsonAsync()).EnumerateArray().Single();
        after.GetProperty("used").GetInt32().ShouldBe(4);
        var check = await (await factory.CreateAnonymousClient().GetAsync(new Uri($"/api/v1/recognition/certificates/{revoked.GetProperty("certificateNumber").GetString()}", UriKind.Relative), Ct)).ReadJsonAsync();
        check.GetProperty("inForce").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task SelfRecognition_OfAnotherEmployersTalent_IsNotFound()
    {
        var office = await factory.CreateClientAsAsync(RecognitionApi.Office);
        var (enterprise, _, contact) = await RecognitionApi.EnterpriseWithContactAsync(factory);
        var stranger = await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName(), level: "e");
        await (await contact.PostAsJsonAsync("/api/v1/recognition/employer/self-recognitions", new { talentId = stranger, level = "d", reason = "x" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "recognition.talent_not_found");
    }
}
