namespace TalentPass.Infrastructure.Jobs;

/// <summary>
/// Wakes a polling background job early (work was queued on this node); the job also polls on its interval, so a
/// lost or coalesced wake-up only delays. Any number of wakes before the job waits count as one. Each job derives
/// its own type (<c>internal sealed class XSignal : WakeSignal;</c>) so it can be registered as its own singleton.
/// </summary>
public abstract class WakeSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>True when woken, false when the timeout passed.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
