using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Modules.Services.Contracts;
using TalentPass.Modules.Services.Features.Decisions;
using TalentPass.Modules.Services.Persistence;
using TalentPass.Modules.Talents.Contracts;

namespace TalentPass.Modules.Services.Features.Apply;

/// <summary>
/// Runs the one-click path for many talents: <paramref name="parallelism"/> workers, each with its own scope, take
/// chunks of <see cref="ChunkSize"/> talents; per chunk one query finds open or granted applications, each talent is
/// checked and planned exactly as in <see cref="ApplyHandler"/> (its data-sharing look-ups included), the chunk's
/// rows are written in ONE transaction (binary COPY on PostgreSQL) and its decisions dispatched after the commit.
/// </summary>
internal sealed class OneClickBatch(IServiceScopeFactory scopes) : IOneClickBatch
{
    public const int ChunkSize = 500;

    public async Task<OneClickBatchResult> RunAsync(string matterCode, IReadOnlyList<Guid> talentIds, int parallelism, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(talentIds);
        var started = Stopwatch.GetTimestamp();
        var chunks = new ConcurrentQueue<Guid[]>(talentIds.Distinct().Chunk(ChunkSize));
        var rejected = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var approved = 0;
        var toClerk = 0;
        var done = 0;
        var workers = Enumerable.Range(0, Math.Clamp(parallelism, 1, 64)).Select(_ => Task.Run(async () =>
        {
            while (chunks.TryDequeue(out var chunk))
            {
                var (a, c) = await RunChunkAsync(matterCode, chunk, rejected, cancellationToken);
                Interlocked.Add(ref approved, a);
                Interlocked.Add(ref toClerk, c);
                progress?.Report(Interlocked.Add(ref done, chunk.Length));
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll(workers);
        return new OneClickBatchResult(talentIds.Count, approved, toClerk, new Dictionary<string, int>(rejected, StringComparer.Ordinal), Stopwatch.GetElapsedTime(started));
    }

    private async Task<(int Approved, int ToClerk)> RunChunkAsync(string matterCode, Guid[] chunk, ConcurrentDictionary<string, int> rejected, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var planner = sp.GetRequiredService<ApplicationPlanner>();
        var directory = sp.GetRequiredService<ITalentDirectory>();
        var db = sp.GetRequiredService<ServicesDbContext>();
        var context = await planner.ContextAsync([matterCode], ct);
        var taken = (await db.Items.AsNoTracking()
                .Where(i => chunk.Contains(i.TalentId) && i.MatterCode == matterCode && (i.Status == ItemStatus.InReview || i.Status == ItemStatus.Supplement || i.Status == ItemStatus.Approved))
                .Select(i => i.TalentId).ToListAsync(ct))
            .ToHashSet();
        var plans = new List<PlannedApplication>(chunk.Length);
        foreach (var id in chunk)
        {
            var talent = await directory.GetAsync(id, ct);
            if (talent is null)
            {
                rejected.AddOrUpdate(ServicesErrors.TalentNotFound.Code, 1, (_, n) => n + 1);
                continue;
            }

            var command = new ApplyCommand(talent, [new MatterRequest(matterCode)], Channels.OneClick, null, null, null);
            var check = ApplicationPlanner.CheckOne(command, context);
            if (!check.IsSuccess || taken.Contains(id))
            {
                var code = check.IsSuccess ? "services.duplicate_application" : check.Error.Code;
                rejected.AddOrUpdate(code, 1, (_, n) => n + 1);
                continue;
            }

            plans.Add(await planner.PlanAsync(command, context, ct));
        }

        if (plans.Count == 0)
        {
            return (0, 0);
        }

        await sp.GetRequiredService<ApplicationWriter>().WriteAsync(plans, ct);
        var decisions = plans.SelectMany(p => p.Decisions).ToList();
        await sp.GetRequiredService<DecisionDispatcher>().DispatchRowsAsync(decisions, ct);
        var approved = plans.Sum(p => p.Items.Count(i => i.Status == ItemStatus.Approved));
        return (approved, plans.Sum(p => p.Items.Count) - approved);
    }
}
