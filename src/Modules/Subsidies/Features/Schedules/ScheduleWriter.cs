using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TalentPass.Modules.Services.Contracts;
using TalentPass.Modules.Subsidies.Domain;
using TalentPass.Modules.Subsidies.Persistence;
using TalentPass.Modules.Talents.Contracts;

namespace TalentPass.Modules.Subsidies.Features.Schedules;

/// <summary>
/// Creates payment schedules from approved subsidy decisions — at most one per application and matter, however
/// often the decision arrives (in-process after commit, redelivered, or read again from the durable feed).
/// </summary>
internal sealed class ScheduleWriter(SubsidiesDbContext db, TimeProvider clock)
{
    public static bool IsSubsidy(ServiceMatterDecided decision) =>
        decision.Outcome == "approved" && decision.AmountFen is > 0 && decision.Payments is > 0;

    /// <returns>True when a schedule was created by this call.</returns>
    public async Task<bool> CreateAsync(ServiceMatterDecided decision, CancellationToken ct)
    {
        if (!IsSubsidy(decision)
            || await db.Schedules.AnyAsync(s => s.ApplicationId == decision.ApplicationId && s.MatterCode == decision.MatterCode, ct))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var schedule = new ScheduleRow
        {
            Id = Guid.CreateVersion7(now),
            ApplicationId = decision.ApplicationId,
            MatterCode = decision.MatterCode,
            MatterVersion = decision.MatterVersion,
            TalentId = decision.TalentId,
            AmountFen = decision.AmountFen!.Value,
            Payments = decision.Payments!.Value,
            FirstMonth = Months.Of(decision.DecidedOn),
            DecidedOn = decision.DecidedOn,
            Status = ScheduleStatus.Active,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Schedules.Add(schedule);
        db.Events.Add(ScheduleTransitions.Event(schedule.Id, "created", null, "services:application:" + decision.ApplicationId, now, null));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Schedules.AnyAsync(s => s.ApplicationId == decision.ApplicationId && s.MatterCode == decision.MatterCode, ct))
            {
                return false; // created concurrently by the other path (handler vs. feed)
            }

            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Reads the Services decision feed on from the stored cursor; returns how many schedules it created.</summary>
    /// <param name="cursorId">The cursor's name (tests use their own).</param>
    public async Task<int> CatchUpAsync(IServiceDecisionFeed feed, CancellationToken ct, string cursorId = FeedCursorId)
    {
        var cursor = await db.Cursors.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cursorId, ct);
        var position = cursor?.Position ?? 0;
        var created = 0;
        while (true)
        {
            var entries = await feed.ReadAsync(position, 500, ct);
            if (entries.Count == 0)
            {
                return created;
            }

            foreach (var entry in entries)
            {
                if (await CreateAsync(entry.Decision, ct))
                {
                    created++;
                }
            }

            position = entries[^1].Sequence;
            await MoveCursorAsync(cursorId, position, ct);
        }
    }

    public const string FeedCursorId = "services_decisions";

    private async Task MoveCursorAsync(string cursorId, long position, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var moved = await db.Cursors.Where(c => c.Id == cursorId && c.Position < position)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Position, position).SetProperty(c => c.UpdatedAt, now), ct);
        if (moved == 0 && !await db.Cursors.AnyAsync(c => c.Id == cursorId, ct))
        {
            db.Cursors.Add(new FeedCursorRow { Id = cursorId, Position = position, UpdatedAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // another node created the cursor first; its position is as good (entries are idempotent)
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}

/// <summary>The in-process path: Services calls this after a decision is committed.</summary>
internal sealed class SubsidiesDecisionHandler(ScheduleWriter writer) : IServiceDecisionHandler
{
    public Task HandleAsync(ServiceMatterDecided decision, CancellationToken cancellationToken) => writer.CreateAsync(decision, cancellationToken);
}

/// <summary>
/// Registry status changes reach the schedules at once: suspended → paused, reinstated → resumed (only schedules
/// paused for the suspension), terminated → stopped. Batches check the status again anyway, so a missed event only
/// delays the change to the next batch.
/// </summary>
internal sealed class SubsidiesTalentEventHandler(SubsidiesDbContext db, TimeProvider clock) : ITalentEventHandler
{
    public Task HandleAsync(TalentLevelChanged change, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task HandleAsync(TalentStatusChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var schedules = await db.Schedules.Where(s => s.TalentId == change.TalentId
            && (s.Status == ScheduleStatus.Active || s.Status == ScheduleStatus.Paused)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var evidence = "talents:status:" + change.ToStatus + "@" + change.ChangedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var schedule in schedules)
        {
            var next = ScheduleTransitionsFor(schedule, change.ToStatus);
            if (next is { } n)
            {
                db.Events.Add(ScheduleTransitions.Change(schedule, n.Status, n.Reason, evidence, now, null));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>What a schedule becomes when its talent's status is <paramref name="talentStatus"/> (null: unchanged).</summary>
    public static (string Status, string Reason)? ScheduleTransitionsFor(ScheduleRow schedule, string talentStatus) => talentStatus switch
    {
        "terminated" when schedule.Status is ScheduleStatus.Active or ScheduleStatus.Paused => (ScheduleStatus.Stopped, Reasons.TalentTerminated),
        "suspended" when schedule.Status == ScheduleStatus.Active => (ScheduleStatus.Paused, Reasons.TalentSuspended),
        "active" when schedule.Status == ScheduleStatus.Paused && schedule.StatusReason == Reasons.TalentSuspended => (ScheduleStatus.Active, Reasons.TalentSuspended),
        _ => null,
    };
}

/// <summary>The durable path: on start and every half minute, schedules are created for decisions the in-process call missed.</summary>
internal sealed partial class DecisionFeedJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DecisionFeedJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var created = await scope.ServiceProvider.GetRequiredService<ScheduleWriter>()
                    .CatchUpAsync(scope.ServiceProvider.GetRequiredService<IServiceDecisionFeed>(), stoppingToken);
                if (created > 0)
                {
                    LogCaughtUp(logger, created);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed round is logged and retried on the next tick
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRoundFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 7501, Level = LogLevel.Information, Message = "Subsidies caught up with the decision feed: {Created} schedules created")]
    private static partial void LogCaughtUp(ILogger logger, int created);

    [LoggerMessage(EventId = 7502, Level = LogLevel.Error, Message = "Subsidies decision feed round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
