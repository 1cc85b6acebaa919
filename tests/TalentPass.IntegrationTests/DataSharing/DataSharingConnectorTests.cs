using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.StandIns;
using TalentPass.Modules.DataSharing;
using TalentPass.Modules.DataSharing.Contracts;
using TalentPass.Modules.DataSharing.Features.LookUp;
using TalentPass.StandIns;
using TalentPass.StandIns.DataSharing;

namespace TalentPass.IntegrationTests.DataSharing;

/// <summary>The connector against a real stand-in server of its own (started, faulted and stopped by the test).</summary>
public sealed class DataSharingConnectorTests : IAsyncLifetime
{
    private StandInServer server = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => server = await StandInServer.StartAsync("http://127.0.0.1:0", cancellationToken: Ct);

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Query_OrdinaryResident_FoundWithEveryContractField()
    {
        var answer = await Connector().QueryAsync(DataSources.SocialInsurance, DemoIdNumbers.Ordinary(), "test", Guid.NewGuid(), Ct);

        answer.Outcome.ShouldBe(DataSharingOutcome.Found, answer.Problem);
        answer.HttpStatus.ShouldBe(200);
        answer.Fields["contributing"].ShouldBe("true");
        int.Parse(answer.Fields["contributionMonths"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(6);
        answer.Fields["employerName"].ShouldNotBeNullOrWhiteSpace();
        answer.Fields.Keys.ShouldBe(["employerName", "employerCreditCode", "contributionMonths", "contributing", "firstContributionMonth", "lastContributionMonth"], ignoreOrder: true);
    }

    [Fact]
    public async Task Query_SameNumberTwice_SameRecordAndTheHashOfTheRawAnswer()
    {
        var idNumber = DemoIdNumbers.Ordinary();
        var requestId = Guid.NewGuid();

        var first = await Connector().QueryAsync(DataSources.EducationCredentials, idNumber, "test", requestId, Ct);
        var second = await Connector().QueryAsync(DataSources.EducationCredentials, idNumber, "test", requestId, Ct);
        var raw = await RawAsync(DataSources.EducationCredentials, idNumber, requestId);

        first.Outcome.ShouldBe(DataSharingOutcome.Found);
        first.Fields["degree"].ShouldBe("master");
        second.Fields.ShouldBe(first.Fields);
        first.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(raw)));
        first.Bytes.ShouldBe(raw.Length);
    }

    [Theory]
    [InlineData(DataSources.HouseholdRegistration)]
    [InlineData(DataSources.SocialInsurance)]
    [InlineData(DataSources.Tax)]
    public async Task Query_NumberUnknownToTheSources_NotFound(string source)
    {
        var answer = await Connector().QueryAsync(source, DemoIdNumbers.NotFoundAnywhere(), "test", Guid.NewGuid(), Ct);

        answer.Outcome.ShouldBe(DataSharingOutcome.NotFound);
        answer.Fields.ShouldBeEmpty();
        answer.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task Query_ResidentWhoLeftTheArea_FoundNoLongerContributing()
    {
        var answer = await Connector().QueryAsync(DataSources.SocialInsurance, DemoIdNumbers.LeftTheArea(), "test", Guid.NewGuid(), Ct);

        answer.Outcome.ShouldBe(DataSharingOutcome.Found);
        answer.Fields["contributing"].ShouldBe("false");
    }

    [Fact]
    public async Task Query_SourceAnswersGarbage_InvalidNotJson()
    {
        var answer = await Connector().QueryAsync(DataSources.HouseholdRegistration, DemoIdNumbers.Garbage(), "test", Guid.NewGuid(), Ct);

        answer.Outcome.ShouldBe(DataSharingOutcome.Invalid);
        answer.Problem.ShouldBe("not_json");
        answer.Bytes.ShouldBeGreaterThan(0);
        answer.Fields.ShouldBeEmpty();
    }

    [Fact]
    public async Task Query_SourceBreaksTheContract_InvalidNamingTheField()
    {
        var answer = await Connector().QueryAsync(DataSources.EducationCredentials, DemoIdNumbers.SchemaMismatch(), "test", Guid.NewGuid(), Ct);

        answer.Outcome.ShouldBe(DataSharingOutcome.Invalid);
        answer.Problem.ShouldBe("record.degree is missing");
    }

    [Fact]
    public async Task Query_SourceAnswers503_Unavailable()
    {
        var answer = await Connector().QueryAsync(DataSources.Tax, DemoIdNumbers.Unavailable(), "test", Guid.NewGuid(), Ct);

        answer.Outcome.ShouldBe(DataSharingOutcome.Unavailable);
        answer.HttpStatus.ShouldBe(503);
        answer.Problem.ShouldBe("http_503");
    }

    [Fact]
    public async Task Query_SourceTooSlow_UnavailableAfterTheTimeout()
    {
        var answer = await Connector(timeout: TimeSpan.FromMilliseconds(500)).QueryAsync(DataSources.SocialInsurance, DemoIdNumbers.Slow(), "test", Guid.NewGuid(), Ct);

        answer.Outcome.ShouldBe(DataSharingOutcome.Unavailable);
        answer.Problem.ShouldBe("timeout");
        answer.HttpStatus.ShouldBeNull();
    }

    [Fact]
    public async Task Query_ConnectionDroppedByForcedFault_Unavailable()
    {
        var idNumber = DemoIdNumbers.Ordinary();
        server.Services.GetRequiredService<DataSharingFaults>().Set(DataSources.HouseholdRegistration, idNumber, FaultMode.Abort);

        var dropped = await Connector().QueryAsync(DataSources.HouseholdRegistration, idNumber, "test", Guid.NewGuid(), Ct);
        var otherSource = await Connector().QueryAsync(DataSources.Tax, idNumber, "test", Guid.NewGuid(), Ct);

        dropped.Outcome.ShouldBe(DataSharingOutcome.Unavailable);
        dropped.Problem.ShouldBe("connection_failed");
        otherSource.Outcome.ShouldBe(DataSharingOutcome.Found);
    }

    [Fact]
    public async Task Query_FaultForcedThroughTheControlEndpoint_GarbageUntilCleared()
    {
        var idNumber = DemoIdNumbers.Ordinary();
        using var control = new HttpClient { BaseAddress = server.BaseAddress };
        control.DefaultRequestHeaders.Add("X-Api-Key", DataSharingStandIn.ApiKey);
        (await control.PutAsJsonAsync("data-sharing/_control/faults", new { source = (string?)null, idNumber, mode = "garbage" }, Ct)).EnsureSuccessStatusCode();

        var faulted = await Connector().QueryAsync(DataSources.Tax, idNumber, "test", Guid.NewGuid(), Ct);
        (await control.PutAsJsonAsync("data-sharing/_control/faults", new { source = (string?)null, idNumber, mode = "none" }, Ct)).EnsureSuccessStatusCode();
        var cleared = await Connector().QueryAsync(DataSources.Tax, idNumber, "test", Guid.NewGuid(), Ct);

        faulted.Outcome.ShouldBe(DataSharingOutcome.Invalid);
        cleared.Outcome.ShouldBe(DataSharingOutcome.Found);
    }

    [Fact]
    public async Task Query_WrongApiKey_UnavailableWith401()
    {
        var answer = await Connector(apiKey: "wrong").QueryAsync(DataSources.Tax, DemoIdNumbers.Ordinary(), "test", Guid.NewGuid(), Ct);

        answer.Outcome.ShouldBe(DataSharingOutcome.Unavailable);
        answer.Problem.ShouldBe("http_401");
    }

    [Fact]
    public async Task Query_ServerStopped_UnavailableNotAnException()
    {
        var connector = Connector();
        await server.DisposeAsync();
        server = await StandInServer.StartAsync("http://127.0.0.1:0", cancellationToken: Ct); // for DisposeAsync; the old port is closed

        var answer = await connector.QueryAsync(DataSources.Tax, DemoIdNumbers.Ordinary(), "test", Guid.NewGuid(), Ct);

        answer.Outcome.ShouldBe(DataSharingOutcome.Unavailable);
        answer.Problem.ShouldBe("connection_failed");
    }

    [Fact]
    public async Task Query_NoBaseUrlAndNoStandIn_UnavailableNotConfigured()
    {
        var none = new StandInAddress();
        none.Set(null);
        var connector = new DataSharingConnector(new Clients(), Options.Create(new DataSharingOptions()), none, NullLogger<DataSharingConnector>.Instance);

        var answer = await connector.QueryAsync(DataSources.Tax, DemoIdNumbers.Ordinary(), "test", Guid.NewGuid(), Ct);

        answer.Outcome.ShouldBe(DataSharingOutcome.Unavailable);
        answer.Problem.ShouldBe("not_configured");
    }

    [Fact]
    public async Task Query_ThroughTheStandInAddress_UsesThePublishedDemoKey()
    {
        var address = new StandInAddress();
        address.Set(server.BaseAddress);
        var connector = new DataSharingConnector(new Clients(), Options.Create(new DataSharingOptions()), address, NullLogger<DataSharingConnector>.Instance);

        var answer = await connector.QueryAsync(DataSources.HouseholdRegistration, DemoIdNumbers.Ordinary(), "test", Guid.NewGuid(), Ct);

        answer.Outcome.ShouldBe(DataSharingOutcome.Found);
        answer.Fields["district"].ShouldBe("新郑市");
    }

    private DataSharingConnector Connector(TimeSpan? timeout = null, string apiKey = DataSharingStandIn.ApiKey)
    {
        var options = new DataSharingOptions
        {
            BaseUrl = new Uri(server.BaseAddress, "data-sharing/"),
            ApiKey = apiKey,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
        };
        return new DataSharingConnector(new Clients(), Options.Create(options), new StandInAddress(), NullLogger<DataSharingConnector>.Instance);
    }

    private async Task<byte[]> RawAsync(string source, string idNumber, Guid requestId)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"data-sharing/v1/{source}/query") { Content = JsonContent.Create(new { idNumber, purpose = "test" }) };
        request.Headers.Add("X-Api-Key", DataSharingStandIn.ApiKey);
        request.Headers.Add("X-Request-Id", requestId.ToString());
        using var response = await client.SendAsync(request, Ct);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    private sealed class Clients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}
