using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TalentPass.Modules.Contribution;
using TalentPass.Modules.Contribution.Features.Feed;
using TalentPass.Modules.Contribution.Features.Rankings;
using TalentPass.Modules.Contribution.Persistence;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.Modules.Redemptions.Contracts;

namespace TalentPass.UnitTests.Modules.Contribution;

/// <summary>The feed projection on a real (in-memory SQLite) schema from the module's migration.</summary>
public sealed class RedemptionFeedProjectionTests : IAsyncLifetime
{
    private static readonly Guid Merchant = Guid.NewGuid();
    private static readonly Guid Hospital = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero); // 10:00 in Asia/Shanghai

    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly ListFeed feed = new();
    private ContributionDbContext db = null!;

    public async ValueTask InitializeAsync()
    {
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using (var stream = typeof(ContributionModule).Assembly.GetManifestResourceStream("migrations/sqlite/0001_initial.sql")!)
        using (var reader = new StreamReader(stream))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        db = new ContributionDbContext(new DbContextOptionsBuilder<ContributionDbContext>().UseSqlite(connection).Options);
    }

    public async ValueTask DisposeAsync()
    {
        await db.DisposeAsync();
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task Process_DiscountAtConsumerPartner_AddsToItsContributionValue()
    {
        feed.Add(Redeemed(Merchant, 2000));
        feed.Add(Redeemed(Merchant, 500));

        (await Processor().ProcessBatchAsync(100, TestContext.Current.CancellationToken)).ShouldBe(2);

        var merchant = (await Reader().TotalsAsync(new Period(new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 20)), null, TestContext.Current.CancellationToken)).Single();
        merchant.OrganisationId.ShouldBe(Merchant);
        merchant.DiscountFen.ShouldBe(2500);
        merchant.Redemptions.ShouldBe(2);
        merchant.PointsMilli.ShouldBe(27_000); // formula v1 from the migration: 25 yuan × 1 + 2 redemptions × 1
    }

    [Fact]
    public async Task Process_RedemptionAtGovernmentServicePoint_NotAContribution()
    {
        feed.Add(Redeemed(Hospital, 0));

        await Processor().ProcessBatchAsync(100, TestContext.Current.CancellationToken);

        (await Reader().TotalsAsync(new Period(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), null, TestContext.Current.CancellationToken)).ShouldBeEmpty();
        (await db.Redemptions.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(1); // still in the reports
    }

    [Fact]
    public async Task Process_ReversedRedemption_NoLongerCounted()
    {
        var kept = Redeemed(Merchant, 1000);
        var reversedLater = Redeemed(Merchant, 3000);
        feed.Add(kept);
        feed.Add(reversedLater);
        await Processor().ProcessBatchAsync(100, TestContext.Current.CancellationToken);
        feed.Add(reversedLater with { Kind = "reversed", OccurredAt = Now.AddMinutes(5) });

        await Processor().ProcessBatchAsync(100, TestContext.Current.CancellationToken);

        var merchant = (await Reader().TotalsAsync(new Period(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), null, TestContext.Current.CancellationToken)).Single();
        merchant.DiscountFen.ShouldBe(1000);
        merchant.Redemptions.ShouldBe(1);
    }

    [Fact]
    public async Task Process_SecondRound_ReadsOnlyAfterTheCursor()
    {
        feed.Add(Redeemed(Merchant, 1000));
        await Processor().ProcessBatchAsync(100, TestContext.Current.CancellationToken);

        (await Processor().ProcessBatchAsync(100, TestContext.Current.CancellationToken)).ShouldBe(0);
        feed.Add(Redeemed(Merchant, 1000));
        (await Processor().ProcessBatchAsync(100, TestContext.Current.CancellationToken)).ShouldBe(1);

        (await db.Redemptions.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(2);
        (await db.FeedCursor.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken)).LastSequence.ShouldBe(2);
    }

    private RedemptionEvent Redeemed(Guid servicePoint, long discountFen) =>
        new(feed.NextSequence, Guid.NewGuid(), "redeemed", Guid.NewGuid(), "consumer-discount", "consumer", servicePoint, servicePoint, Guid.NewGuid(), "b", "medicine", "self", null, discountFen, false, Now);

    private RedemptionFeedProcessor Processor()
    {
        db.ChangeTracker.Clear();
        var services = new ServiceCollection().AddSingleton<IRedemptionFeed>(feed).BuildServiceProvider();
        return new RedemptionFeedProcessor(db, services, new Partners(), new Clock());
    }

    private ContributionReader Reader() => new(db, new Organisations(), new Clock());

    private sealed class ListFeed : IRedemptionFeed
    {
        private readonly List<RedemptionEvent> events = [];

        public long NextSequence => events.Count + 1;

        public void Add(RedemptionEvent e) => events.Add(e with { Sequence = NextSequence });

        public Task<IReadOnlyList<RedemptionEvent>> ReadAsync(long afterSequence, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<RedemptionEvent>>(events.Where(e => e.Sequence > afterSequence).Take(max).ToList());
    }

    private sealed class Partners : IPartnerDirectory
    {
        public Task<PartnerInfo?> GetAsync(Guid organisationId, CancellationToken cancellationToken = default) =>
            Task.FromResult(organisationId == Merchant ? new PartnerInfo(Merchant, "merchant-test", "Test merchant", PartnerKinds.Consumer, PartnerStatuses.Active) : null);

        public Task<IReadOnlyList<PartnerInfo>> ListAsync(string? kind = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }

    private sealed class Organisations : IOrganisationDirectory
    {
        public Task<OrganisationSummary?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
            Task.FromResult<OrganisationSummary?>(new OrganisationSummary(id, "org", "Org", OrganisationKind.Partner, null, true));

        public Task<IReadOnlyList<OrganisationSummary>> ListAsync(OrganisationKind? kind = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }

    private sealed class Clock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
