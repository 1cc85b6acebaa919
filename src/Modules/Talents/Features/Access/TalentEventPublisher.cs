using Microsoft.Extensions.Logging;
using TalentPass.Modules.Talents.Contracts;

namespace TalentPass.Modules.Talents.Features.Access;

/// <summary>Calls every registered <see cref="ITalentEventHandler"/> after a change was committed.</summary>
internal sealed partial class TalentEventPublisher(IEnumerable<ITalentEventHandler> handlers, ILogger<TalentEventPublisher> logger)
{
    public Task PublishAsync(TalentLevelChanged change, CancellationToken ct) =>
        EachAsync(h => h.HandleAsync(change, ct), nameof(TalentLevelChanged));

    public Task PublishAsync(TalentStatusChanged change, CancellationToken ct) =>
        EachAsync(h => h.HandleAsync(change, ct), nameof(TalentStatusChanged));

    private async Task EachAsync(Func<ITalentEventHandler, Task> call, string eventName)
    {
        foreach (var handler in handlers)
        {
            try
            {
                await call(handler);
            }
#pragma warning disable CA1031 // the change is committed; a subscriber's failure must not turn it into an error
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogHandlerFailed(logger, ex, handler.GetType().Name, eventName);
            }
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Talent event handler {Handler} failed on {Event}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler, string @event);
}
