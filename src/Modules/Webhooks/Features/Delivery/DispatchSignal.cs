using TalentPass.Infrastructure.Jobs;
namespace TalentPass.Modules.Webhooks.Features.Delivery;

/// <summary>Wakes the dispatcher when events were enqueued or redelivered on this node (other nodes find them by polling).</summary>
internal sealed class DispatchSignal : WakeSignal;
