using Microsoft.Extensions.DependencyInjection;
using TalentPass.Modules.DataSharing.Contracts;
using TalentPass.Modules.Recognition.Domain;
using TalentPass.Modules.Recognition.Features.Shared;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.UnitTests.Modules.Recognition;

public sealed class CriteriaMatcherTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 21, 4, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Match_YoungDoctorConfirmedByDataSharing_IsMet()
    {
        var lookups = await MatchAsync("e-young-doctor", Found(("degree", "博士"), ("graduation_year", "2022")), birthYear: 1995);
        lookups.Single().Matched.ShouldBe(true);
        lookups.Single().AnswerSha256.ShouldBe("sha256:abc");
    }

    [Fact]
    public async Task Match_DoctorOverTheAgeLimit_IsNotMet()
    {
        var lookup = (await MatchAsync("e-young-doctor", Found(("degree", "doctorate")), birthYear: 1980)).Single();
        lookup.Matched.ShouldBe(false);
        lookup.Explanation.ShouldContain("over 35");
    }

    [Fact]
    public async Task Match_GraduatedTooLongAgo_IsNotMetForYouth()
    {
        var lookup = (await MatchAsync("youth-graduate", Found(("degree", "bachelor"), ("graduation_year", "2019")), birthYear: 1997)).Single();
        lookup.Matched.ShouldBe(false);
    }

    [Theory]
    [InlineData(DataSharingOutcome.Unavailable)]
    [InlineData(DataSharingOutcome.Invalid)]
    [InlineData(DataSharingOutcome.NotFound)]
    public async Task Match_NoUsableAnswer_GoesToAClerkNeverARefusal(DataSharingOutcome outcome)
    {
        var answer = new DataSharingAnswer(Guid.NewGuid(), DataSources.EducationCredentials, outcome, new Dictionary<string, string>(), Clock.GetUtcNow(), "sha256:abc", "down");
        var lookup = (await MatchAsync("youth-graduate", answer, birthYear: 1999)).Single();
        lookup.Matched.ShouldBeNull();
        lookup.Outcome.ShouldBe(outcome.ToString().ToLowerInvariant());
    }

    [Fact]
    public async Task Match_DataSharingNotConnected_GoesToAClerk()
    {
        var matcher = new CriteriaMatcher(new OptionalServices(new ServiceCollection().BuildServiceProvider()), Clock);
        var lookup = (await matcher.MatchAsync(Application(), [CriteriaCatalogue.Current.Find("youth-graduate")!], TestContext.Current.CancellationToken)).Single();
        (lookup.Matched, lookup.Outcome).ShouldBe((null, "unavailable"));
    }

    [Fact]
    public async Task Match_EvidenceOnlyCriteria_AreNotLookedUp() =>
        (await MatchAsync("c-provincial-award", Found(("degree", "doctorate")), birthYear: 1980)).ShouldBeEmpty();

    private static DataSharingAnswer Found(params (string Key, string Value)[] fields) =>
        new(Guid.NewGuid(), DataSources.EducationCredentials, DataSharingOutcome.Found, fields.ToDictionary(f => f.Key, f => f.Value), Clock.GetUtcNow(), "sha256:abc", null);

    private static RecognitionApplication Application() => new() { Id = Guid.NewGuid(), TalentId = Guid.NewGuid() };

    private static async Task<IReadOnlyList<DataLookup>> MatchAsync(string criterion, DataSharingAnswer answer, int birthYear)
    {
        var body = $"410105{birthYear}0312771";
        var id = body + ResidentIdNumber.CheckCharacter(body);
        var services = new ServiceCollection()
            .AddSingleton<IDataSharing>(new FakeSharing(answer))
            .AddSingleton<ITalentPersonalData>(new FakePersonal(id))
            .BuildServiceProvider();
        var matcher = new CriteriaMatcher(new OptionalServices(services), Clock);
        return await matcher.MatchAsync(Application(), [CriteriaCatalogue.Current.Find(criterion)!], TestContext.Current.CancellationToken);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class FakeSharing(DataSharingAnswer answer) : IDataSharing
    {
        public Task<DataSharingAnswer> LookUpAsync(Guid talentId, string source, string purpose, CancellationToken cancellationToken = default) => Task.FromResult(answer);

        public Task<DataSharingAnswer?> GetAnswerAsync(Guid answerId, CancellationToken cancellationToken = default) => Task.FromResult<DataSharingAnswer?>(answer);
    }

    private sealed class FakePersonal(string idNumber) : ITalentPersonalData
    {
        public Task<TalentIdentity?> GetIdentityAsync(Guid talentId, string purpose, CancellationToken cancellationToken = default) =>
            Task.FromResult<TalentIdentity?>(new TalentIdentity(talentId, "测试", idNumber, null));

        public Task<IReadOnlyList<FoundedEnterprise>> ListFoundedEnterprisesAsync(Guid talentId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<FoundedEnterprise>>([]);
    }
}
