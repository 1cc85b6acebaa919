namespace TalentPass.UnitTests.Verifier;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
