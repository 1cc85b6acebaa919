using Microsoft.Extensions.DependencyInjection;
using TalentPass.Modules.Notifications.Contracts;

namespace TalentPass.Modules.Services.Features.Decisions;

/// <summary>
/// Sends through <see cref="INotifier"/> when a Notifications implementation is registered, and does nothing
/// otherwise (the Services module works, and is tested, without it; messages are a courtesy, the state is in the
/// application's history).
/// </summary>
internal sealed class OptionalNotifier(IServiceProvider services)
{
    public Task NotifyAsync(NotificationDraft draft, CancellationToken ct) =>
        services.GetService<INotifier>() is { } notifier ? notifier.NotifyAsync(draft, ct) : Task.CompletedTask;
}
