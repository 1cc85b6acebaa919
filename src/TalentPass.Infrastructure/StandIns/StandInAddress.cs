namespace TalentPass.Infrastructure.StandIns;

/// <summary>
/// Where the in-process stand-in server listens (set by the web host once it started, when <c>StandIns:Enabled</c>).
/// Connectors use it when their own base URL is not configured.
/// </summary>
public sealed class StandInAddress
{
    private readonly TaskCompletionSource<Uri?> address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set(Uri? baseAddress) => address.TrySetResult(baseAddress);

    /// <summary>The base address ending in '/', or null when no stand-ins run in this process.</summary>
    public Task<Uri?> GetAsync(CancellationToken cancellationToken = default) => address.Task.WaitAsync(cancellationToken);
}
