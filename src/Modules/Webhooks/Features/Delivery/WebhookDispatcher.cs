using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalentPass.Modules.Webhooks.Domain;
using TalentPass.Modules.Webhooks.Persistence;

namespace TalentPass.Modules.Webhooks.Features.Delivery;

/// <summary>
/// Delivers the outbox: claims due events (at most one per ordering key), POSTs them signed to the partners'
/// endpoints with bounded concurrency, and records each outcome — 2xx confirms; anything else (status, timeout,
/// refused connection) schedules a retry with exponential back-off and jitter, until the event is older than
/// <see cref="WebhooksOptions.MaxAge"/> since its first attempt, when it becomes <c>failed</c> and holds back its
/// stream until redelivered (README.md).
/// </summary>
internal sealed partial class WebhookDispatcher(
    OutboxStore store,
    EndpointKeys endpoints,
    DispatchSignal signal,
    IHttpClientFactory httpClients,
    IOptions<WebhooksOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";
    private const int MaxErrorLength = 500;

    private readonly string owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.DispatcherEnabled)
        {
            return;
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            int claimed;
            try
            {
                claimed = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // a failed round (database down) is logged and retried after the poll interval
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRoundFailed(logger, ex);
                claimed = 0;
            }

            if (claimed > 0)
            {
                continue;
            }

            try
            {
                if (await signal.WaitAsync(o.PollInterval, stoppingToken))
                {
                    // Enqueued in a transaction that is probably committing right now: give it a moment.
                    await Task.Delay(TimeSpan.FromMilliseconds(20), clock, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        try
        {
            await store.ReleaseAsync(owner, CancellationToken.None);
        }
#pragma warning disable CA1031 // best effort: leases expire anyway
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRoundFailed(logger, ex);
        }
    }

    /// <summary>One round: claim, send, record. Returns the number of events attempted.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var batch = await store.ClaimAsync(owner, now, o.LeaseDuration, o.BatchSize, ct);
        if (batch.Count == 0)
        {
            return 0;
        }

        var targets = await endpoints.LoadAsync(batch.Select(e => e.PartnerOrganisationId), now, ct);
        var outcomes = new AttemptOutcome[batch.Count];
        var client = httpClients.CreateClient(HttpClientName);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, batch.Count),
            new ParallelOptions { MaxDegreeOfParallelism = o.MaxConcurrency, CancellationToken = CancellationToken.None },
            async (i, _) => outcomes[i] = await SendAsync(client, batch[i], targets.GetValueOrDefault(batch[i].PartnerOrganisationId), o.RequestTimeout));

        // Outcomes are recorded even when stopping, so a confirmed delivery is not sent again.
        await store.CompleteAsync(owner, outcomes, Schedule, CancellationToken.None);
        var failed = outcomes.Count(x => !x.Delivered);
        if (failed > 0)
        {
            LogAttemptsFailed(logger, failed, batch.Count);
        }

        return batch.Count;
    }

    private (string Status, DateTimeOffset NextAttemptAt) Schedule(AttemptOutcome outcome)
    {
        if (outcome.Delivered)
        {
            return (OutboxStatuses.Delivered, outcome.AttemptedAt);
        }

        var o = options.Value;
        var first = outcome.Event.FirstAttemptAt ?? outcome.AttemptedAt;
        var attempts = outcome.Event.Attempts + 1;
        var next = outcome.AttemptedAt + Backoff.Delay(attempts, o.InitialBackoff, o.MaxBackoff, Random.Shared.NextDouble());
        return next - first > o.MaxAge ? (OutboxStatuses.Failed, next) : (OutboxStatuses.Pending, next);
    }

    private async Task<AttemptOutcome> SendAsync(HttpClient client, ClaimedEvent e, DeliveryTarget? target, TimeSpan timeout)
    {
        var attemptedAt = clock.GetUtcNow();
        if (target is null)
        {
            return new AttemptOutcome(e, false, null, "endpoint disabled", attemptedAt);
        }

        try
        {
            var body = WebhookPayload.Build(e.Id, e.Type, e.OccurredAt, e.DataJson);
            var id = e.Id.ToString("D", CultureInfo.InvariantCulture);
            var timestamp = attemptedAt.ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, target.Url);
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation("webhook-id", id);
            request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSigner.SignatureHeader(target.Keys, id, timestamp, body));
            using var cts = new CancellationTokenSource(timeout);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            var code = (int)response.StatusCode;
            return code is >= 200 and < 300
                ? new AttemptOutcome(e, true, code, null, attemptedAt)
                : new AttemptOutcome(e, false, code, $"HTTP {code} {response.ReasonPhrase}", attemptedAt);
        }
        catch (OperationCanceledException)
        {
            return new AttemptOutcome(e, false, null, $"timeout after {timeout.TotalSeconds:0.#} s", attemptedAt);
        }
        catch (HttpRequestException ex)
        {
            return new AttemptOutcome(e, false, null, Truncate(ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message), attemptedAt);
        }
    }

    private static string Truncate(string s) => s.Length <= MaxErrorLength ? s : s[..MaxErrorLength];

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "A webhook delivery round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "{Failed} of {Attempted} webhook attempts failed; retried later")]
    private static partial void LogAttemptsFailed(ILogger logger, int failed, int attempted);
}
