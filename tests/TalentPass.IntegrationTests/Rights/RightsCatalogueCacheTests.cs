using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.Modules.Rights.Catalogue;
using TalentPass.Modules.Rights.Contracts;
using static TalentPass.IntegrationTests.Rights.RightsApi;

namespace TalentPass.IntegrationTests.Rights;

/// <summary>
/// The catalogue snapshot as a second node sees it: a change made elsewhere (here: through the host's API, which this
/// separate catalogue instance is not told about) appears once the check interval has passed, not before.
/// </summary>
public sealed class RightsCatalogueCacheTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OtherNode_ChangeElsewhere_SeenAfterTheCheckIntervalOnly()
    {
        var clock = new ManualClock();
        var otherNode = new RightsCatalogue(factory.Services.GetRequiredService<IServiceScopeFactory>(), clock);
        var before = await otherNode.GetSnapshotAsync(Ct);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var provider = await TalentsApi.OrganisationIdAsync(factory, "dept-talent");
        var created = await CreateAsync(office, RightBody(UniqueCode(), RightKinds.Government, provider));
        var id = created.GetProperty("right").GetProperty("id").GetGuid();

        clock.Advance(RightsCatalogue.CheckInterval - TimeSpan.FromMilliseconds(1));
        var stillCached = await otherNode.GetSnapshotAsync(Ct);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var refreshed = await otherNode.GetSnapshotAsync(Ct);

        stillCached.ShouldBeSameAs(before);
        stillCached.Rights.ShouldNotContain(r => r.Id == id);
        refreshed.Revision.ShouldBeGreaterThan(before.Revision);
        refreshed.Rights.ShouldContain(r => r.Id == id);
    }

    private sealed class ManualClock : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
    }
}
