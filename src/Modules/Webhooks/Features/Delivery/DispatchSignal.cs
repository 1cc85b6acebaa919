namespace TalentPass.Modules.Webhooks.Features.Delivery;

/// <summary>Wakes the dispatcher when events were enqueued or redelivered on this node (other nodes find them by polling).</summary>
internal sealed class DispatchSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        try
        {
            if (signal.CurrentCount == 0)
            {
                signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // already signalled
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}
