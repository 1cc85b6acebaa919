using Microsoft.Extensions.Options;
using Shouldly;
using TalentPass.Modules.Identity.Domain;

namespace TalentPass.UnitTests.Modules.Identity;

public sealed class AccountValidityCacheTests
{
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryGet_WithinInterval_ReturnsWhatWasRead()
    {
        var cache = Create(TimeSpan.FromSeconds(2));
        var id = Guid.NewGuid();
        cache.Set(id, new AccountValidity(true, true, null, 3));

        clock.Advance(TimeSpan.FromSeconds(1));

        cache.TryGet(id, out var validity).ShouldBeTrue();
        validity.Version.ShouldBe(3);
    }

    [Fact]
    public void TryGet_AfterInterval_MissesSoAnotherNodesChangeIsRead()
    {
        var cache = Create(TimeSpan.FromSeconds(2));
        var id = Guid.NewGuid();
        cache.Set(id, new AccountValidity(true, true, null, 3));

        clock.Advance(TimeSpan.FromSeconds(2));

        cache.TryGet(id, out _).ShouldBeFalse();
    }

    [Fact]
    public void Invalidate_DropsTheEntryAtOnce()
    {
        var cache = Create(TimeSpan.FromSeconds(30));
        var id = Guid.NewGuid();
        cache.Set(id, new AccountValidity(true, true, null, 3));

        cache.Invalidate(id);

        cache.TryGet(id, out _).ShouldBeFalse();
    }

    [Fact]
    public void Set_ZeroInterval_NeverCaches()
    {
        var cache = Create(TimeSpan.Zero);
        var id = Guid.NewGuid();

        cache.Set(id, new AccountValidity(true, true, null, 1));

        cache.TryGet(id, out _).ShouldBeFalse();
    }

    private AccountValidityCache Create(TimeSpan interval) =>
        new(clock, Options.Create(new IdentitySessionOptions { RecheckInterval = interval }));

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
