using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TalentPass.Modules.Notifications.Contracts;
using TalentPass.Modules.Services.Contracts;
using TalentPass.Modules.Services.Persistence;

namespace TalentPass.Modules.Services.Features.Decisions;

/// <summary>
/// After a decision is committed: raises <see cref="ServiceMatterDecided"/> to every <see cref="IServiceDecisionHandler"/>
/// and tells the talent, then marks the decision dispatched. A failure leaves it undispatched; the
/// <c>DecisionRedeliveryJob</c> tries again (at least once — handlers are idempotent per application and matter).
/// </summary>
internal sealed partial class DecisionDispatcher(
    ServicesDbContext db,
    IServiceProvider services,
    OptionalNotifier notifier,
    TimeProvider clock,
    ILogger<DecisionDispatcher> logger)
{
    public async Task DispatchAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken ct)
    {
        if (itemIds.Count == 0)
        {
            return;
        }

        foreach (var chunk in itemIds.Chunk(500))
        {
            var decisions = await db.Decisions.AsNoTracking().Where(d => chunk.Contains(d.ItemId) && d.DispatchedAt == null).ToListAsync(ct);
            await DispatchRowsAsync(decisions, ct);
        }
    }

    public async Task DispatchRowsAsync(IReadOnlyList<DecisionRow> decisions, CancellationToken ct)
    {
        if (decisions.Count == 0)
        {
            return;
        }

        var handlers = services.GetServices<IServiceDecisionHandler>().ToList();
        var ids = decisions.Select(d => d.ItemId).ToList();
        var items = await db.Items.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.TalentAccountId, i.TalentId, i.Reference, i.MatterCode, i.Outcome, i.AutoDecided })
            .ToDictionaryAsync(i => i.Id, ct);
        var names = await db.Matters.AsNoTracking().ToDictionaryAsync(m => m.Code, m => (m.NameZh, m.NameEn), StringComparer.Ordinal, ct);
        var done = new List<Guid>();
        foreach (var decision in decisions)
        {
            var message = ToContract(decision);
            try
            {
                foreach (var handler in handlers)
                {
                    await handler.HandleAsync(message, ct);
                }

                if (items.TryGetValue(decision.ItemId, out var item) && item.TalentAccountId is { } account)
                {
                    var (zh, en) = names.TryGetValue(decision.MatterCode, out var n) ? n : (decision.MatterCode, decision.MatterCode);
                    var approved = decision.Outcome == ItemStatus.Approved;
                    await notifier.NotifyAsync(
                        new NotificationDraft(
                            account,
                            approved ? "services.application_approved" : "services.application_refused",
                            approved ? $"“{zh}”已办结通过" : $"“{zh}”未获通过",
                            approved ? $"“{en}” was approved" : $"“{en}” was refused",
                            approved ? $"您的申请 {item.Reference} 已办结通过，查看办理说明。" : $"您的申请 {item.Reference} 未获通过，查看理由。",
                            approved ? $"Your application {item.Reference} was approved; see the explanation." : $"Your application {item.Reference} was refused; see the reasons.",
                            $"/me/applications/{decision.ApplicationId}",
                            item.TalentId,
                            $"services:decided:{decision.ItemId}"),
                        ct);
                }

                done.Add(decision.ItemId);
            }
#pragma warning disable CA1031 // a handler failure must not undo the committed decision; it is retried by the job
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogHandlerFailed(logger, ex, decision.ItemId);
            }
        }

        var now = clock.GetUtcNow();
        foreach (var chunk in done.Chunk(500))
        {
            await db.Decisions.Where(d => chunk.Contains(d.ItemId)).ExecuteUpdateAsync(s => s.SetProperty(d => d.DispatchedAt, now), ct);
        }
    }

    public static ServiceMatterDecided ToContract(DecisionRow d) =>
        new(d.ApplicationId, d.TalentId, d.MatterCode, d.MatterVersion, d.Outcome, d.AmountFen, d.Payments, d.DecidedOn, d.DecidedAt);

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "Dispatching the decision of item {ItemId} failed; it will be retried")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, Guid itemId);
}

/// <summary>Reads the durable decision list for consumers with their own cursor (Subsidies).</summary>
internal sealed class ServiceDecisionFeed(ServicesDbContext db) : IServiceDecisionFeed
{
    public async Task<IReadOnlyList<ServiceDecisionFeedEntry>> ReadAsync(long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        var rows = await db.Decisions.AsNoTracking().Where(d => d.Sequence > afterSequence).OrderBy(d => d.Sequence)
            .Take(Math.Clamp(max, 1, 10_000)).ToListAsync(cancellationToken);
        return rows.Select(r => new ServiceDecisionFeedEntry(r.Sequence, DecisionDispatcher.ToContract(r))).ToList();
    }
}
