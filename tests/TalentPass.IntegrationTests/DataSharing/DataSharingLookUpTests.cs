using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.Modules.DataSharing.Contracts;

namespace TalentPass.IntegrationTests.DataSharing;

/// <summary><see cref="IDataSharing"/> in the real host, talking to the host's in-process stand-in; answers kept as evidence.</summary>
public sealed class DataSharingLookUpTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LookUp_RegisteredTalent_FoundAndKeptWithHashAndFields()
    {
        var talentId = await RegisterAsync(DemoIdNumbers.Ordinary());

        var answer = await LookUpAsync(talentId, DataSources.EducationCredentials);
        var kept = await factory.WithScopeAsync(sp => sp.GetRequiredService<IDataSharing>().GetAnswerAsync(answer.Id, Ct));

        answer.Outcome.ShouldBe(DataSharingOutcome.Found, answer.Problem);
        answer.Fields["degree"].ShouldBe("master");
        answer.AnswerSha256.ShouldMatch("^[0-9a-f]{64}$");
        kept.ShouldNotBeNull();
        kept.Outcome.ShouldBe(DataSharingOutcome.Found);
        kept.AnswerSha256.ShouldBe(answer.AnswerSha256);
        kept.Fields.ShouldBe(answer.Fields);
        kept.Source.ShouldBe(DataSources.EducationCredentials);
    }

    [Fact]
    public async Task LookUp_SourceAnswersGarbage_InvalidKeptAsEvidence()
    {
        var talentId = await RegisterAsync(DemoIdNumbers.Garbage());

        var answer = await LookUpAsync(talentId, DataSources.SocialInsurance);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var list = await (await office.GetAsync(new Uri($"/api/v1/data-sharing/answers?talentId={talentId}", UriKind.Relative), Ct)).ReadJsonAsync();

        answer.Outcome.ShouldBe(DataSharingOutcome.Invalid);
        answer.Problem.ShouldBe("not_json");
        var item = list.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        item.GetProperty("outcome").GetString().ShouldBe("invalid");
        item.GetProperty("purpose").GetString().ShouldBe("test:lookup");
    }

    [Fact]
    public async Task LookUp_UnknownTalent_UnavailableNotAnException()
    {
        var answer = await LookUpAsync(Guid.NewGuid(), DataSources.Tax);

        answer.Outcome.ShouldBe(DataSharingOutcome.Unavailable);
        answer.Problem.ShouldBe("talent_unknown");
    }

    [Fact]
    public async Task GetAnswer_TalentOffice_EvidenceWithFieldsAndTheReadIsAudited()
    {
        var talentId = await RegisterAsync(DemoIdNumbers.LeftTheArea());
        var answer = await LookUpAsync(talentId, DataSources.SocialInsurance);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var evidence = await (await office.GetAsync(new Uri($"/api/v1/data-sharing/answers/{answer.Id}", UriKind.Relative), Ct)).ReadJsonAsync();
        var auditor = await factory.CreateClientAsAsync("demo-auditor");
        var audit = await (await auditor.GetAsync(new Uri($"/api/v1/audit/events?action=datasharing.answer_read&subjectId={answer.Id}", UriKind.Relative), Ct)).ReadJsonAsync();

        evidence.GetProperty("outcome").GetString().ShouldBe("found");
        evidence.GetProperty("fields").GetProperty("contributing").GetString().ShouldBe("false");
        evidence.GetProperty("answerSha256").GetString().ShouldBe(answer.AnswerSha256);
        evidence.GetProperty("talentId").GetGuid().ShouldBe(talentId);
        audit.GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task GetAnswer_Talent_Forbidden()
    {
        var talent = await factory.CreateClientAsAsync("demo-talent");

        var response = await talent.GetAsync(new Uri($"/api/v1/data-sharing/answers/{Guid.NewGuid()}", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task GetAnswer_UnknownId_NotFound()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var response = await office.GetAsync(new Uri($"/api/v1/data-sharing/answers/{Guid.NewGuid()}", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "datasharing.answer_not_found");
    }

    [Fact]
    public async Task ListAnswers_UnknownSource_ValidationProblem()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var response = await office.GetAsync(new Uri("/api/v1/data-sharing/answers?source=horoscope", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "datasharing.unknown_source");
    }

    private async Task<Guid> RegisterAsync(string idNumber) =>
        await TalentsApi.RegisterAsync(await factory.CreateClientAsAsync("demo-talentoffice"), TalentsApi.UniqueName(), level: "youth", idNumber: idNumber);

    private Task<DataSharingAnswer> LookUpAsync(Guid talentId, string source) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<IDataSharing>().LookUpAsync(talentId, source, "test:lookup", Ct));
}
