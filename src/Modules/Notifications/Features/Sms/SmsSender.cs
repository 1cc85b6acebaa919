using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Notifications.Domain;
using TalentPass.Modules.Notifications.Features.Notify;
using TalentPass.Modules.Notifications.Persistence;
using TalentPass.Modules.Talents.Contracts;

namespace TalentPass.Modules.Notifications.Features.Sms;

/// <summary>
/// Sends queued SMS through the gateway. Each round claims due rows by pushing their next attempt a lease ahead in one
/// statement (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>, so nodes never claim the same row; SQLite: one writer at a
/// time), then sends each and records the outcome. A node that dies mid-send loses only its lease: the row is due again
/// after it and the gateway's idempotency by request id keeps the phone from getting it twice.
/// </summary>
internal sealed partial class SmsSender(
    IServiceScopeFactory scopes,
    IDbConnectionFactory connections,
    SmsSignal signal,
    IOptions<NotificationsOptions> options,
    TimeProvider clock,
    ILogger<SmsSender> logger) : BackgroundService
{
    public const string PersonalDataPurpose = "notifications.sms";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sms = options.Value.Sms;
        if (!sms.SenderEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = 0;
            try
            {
                worked = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed round is logged and retried at the next tick
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRoundFailed(logger, ex);
            }

            if (worked == 0)
            {
                try
                {
                    await signal.WaitAsync(TimeSpan.FromSeconds(sms.PollSeconds), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims and sends one batch of due messages; returns how many were attempted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var claimed = await ClaimAsync(ct);
        foreach (var entry in claimed)
        {
            await SendOneAsync(entry, ct);
        }

        return claimed.Count;
    }

    private async Task<List<Claimed>> ClaimAsync(CancellationToken ct)
    {
        var sms = options.Value.Sms;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var lease = now + (long)TimeSpan.FromSeconds(sms.LeaseSeconds).TotalMilliseconds;
        var lockClause = connections.Provider == DatabaseProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : string.Empty;
        await using var connection = await connections.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "UPDATE notifications_sms_outbox SET next_attempt_at_ms = @lease, attempts = attempts + 1 " +
            "WHERE id IN (SELECT id FROM notifications_sms_outbox WHERE status = 'pending' AND next_attempt_at_ms <= @now " +
            "ORDER BY next_attempt_at_ms LIMIT @batch" + lockClause + ") " +
            "RETURNING id, talent_id, template, params, attempts";
        Add(command, "@lease", lease);
        Add(command, "@now", now);
        Add(command, "@batch", sms.BatchSize);
        var claimed = new List<Claimed>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            claimed.Add(new Claimed(
                ReadGuid(reader.GetValue(0)),
                ReadGuid(reader.GetValue(1)),
                reader.GetString(2),
                reader.GetString(3),
                Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture)));
        }

        return claimed;
    }

    private async Task SendOneAsync(Claimed entry, CancellationToken ct)
    {
        var sms = options.Value.Sms;
        await using var scope = scopes.CreateAsyncScope();
        var personalData = scope.ServiceProvider.GetRequiredService<ITalentPersonalData>();
        var gateway = scope.ServiceProvider.GetRequiredService<SmsGatewayClient>();
        SendResult result;
        var identity = await personalData.GetIdentityAsync(entry.TalentId, PersonalDataPurpose, ct);
        if (identity is null)
        {
            result = new SendResult(SendOutcome.Rejected, null, "the talent is not in the registry");
        }
        else if (string.IsNullOrWhiteSpace(identity.Phone))
        {
            result = new SendResult(SendOutcome.Rejected, null, "the talent has no phone number");
        }
        else
        {
            using var parameters = JsonDocument.Parse(entry.Parameters);
            result = await gateway.SendAsync(identity.Phone, entry.Template, parameters.RootElement.Clone(), entry.Id.ToString("D"), ct);
        }

        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var row = await db.SmsOutbox.SingleAsync(s => s.Id == entry.Id, ct);
        var now = clock.GetUtcNow();
        switch (result.Outcome)
        {
            case SendOutcome.Accepted:
                row.Status = SmsStatus.Sent;
                row.GatewayMessageId = result.MessageId;
                row.SentAt = now;
                row.LastError = null;
                LogSent(logger, entry.Id, entry.Attempts);
                break;
            case SendOutcome.Transient when entry.Attempts < sms.MaxAttempts:
                row.Status = SmsStatus.Pending;
                row.LastError = result.Error;
                row.NextAttemptAtMs = (now + sms.Backoff(entry.Attempts)).ToUnixTimeMilliseconds();
                LogRetry(logger, entry.Id, entry.Attempts, result.Error);
                break;
            default:
                row.Status = SmsStatus.Failed;
                row.LastError = result.Outcome == SendOutcome.Transient ? $"gave up after {entry.Attempts} attempts: {result.Error}" : result.Error;
                LogFailed(logger, entry.Id, entry.Attempts, row.LastError);
                break;
        }

        await db.SaveChangesAsync(ct);
    }

    private static Guid ReadGuid(object value) => value is Guid g ? g : Guid.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!);

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private sealed record Claimed(Guid Id, Guid TalentId, string Template, string Parameters, int Attempts);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "SMS {OutboxId} accepted by the gateway (attempt {Attempt})")]
    private static partial void LogSent(ILogger logger, Guid outboxId, int attempt);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "SMS {OutboxId} attempt {Attempt} failed, will retry: {Reason}")]
    private static partial void LogRetry(ILogger logger, Guid outboxId, int attempt, string? reason);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Error, Message = "SMS {OutboxId} failed for good after {Attempt} attempts: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid outboxId, int attempt, string? reason);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message = "An SMS sending round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
