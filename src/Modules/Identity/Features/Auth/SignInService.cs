using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Demo;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Identity.Domain;
using TalentPass.Modules.Identity.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Identity.Features.Auth;

internal sealed record SignInSuccess(ClaimsPrincipal Principal, Guid AccountId);

/// <summary>
/// Password sign-in shared by the browser page and <c>POST /api/v1/auth/token</c>: lockout after
/// <see cref="IdentityLockoutOptions.MaxFailedAttempts"/> consecutive failures, the same answer for unknown users and
/// wrong passwords, demo accounts only in demo mode, and an audit event for every attempt.
/// </summary>
internal sealed partial class SignInService(
    IdentityDbContext db,
    IPasswordHasher<AccountRow> hasher,
    IOptions<IdentityLockoutOptions> lockout,
    IOptions<DemoOptions> demo,
    TimeProvider clock,
    IAuditTrail audit,
    AccountValidityCache sessions,
    ILogger<SignInService> logger)
{
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<AccountRow>().HashPassword(null!, "not-a-real-password-" + Guid.NewGuid()));

    /// <summary>Remaining lock time of the last <see cref="IdentityErrors.LockedOut"/> answer (for Retry-After).</summary>
    public TimeSpan? RetryAfter { get; private set; }

    public async Task<Result<SignInSuccess>> SignInAsync(string? username, string? password, string channel, CancellationToken cancellationToken)
    {
        var name = AccountRules.NormaliseUsername(username);
        var actorName = name.Length is 0 or > AccountRules.UsernameMax ? "(invalid)" : name;
        var account = name.Length is 0 or > AccountRules.UsernameMax
            ? null
            : await db.Accounts.Include(a => a.Roles).SingleOrDefaultAsync(a => a.Username == name, cancellationToken);
        var now = clock.GetUtcNow();

        if (account is null)
        {
            // Same work and same answer as a wrong password: do not reveal which usernames exist.
            hasher.VerifyHashedPassword(null!, DummyHash.Value, password ?? string.Empty);
            await FailAsync(actorName, null, "unknown user", channel, cancellationToken);
            return IdentityErrors.InvalidCredentials;
        }

        if (account.IsLockedOut(now))
        {
            RetryAfter = account.LockoutEnd!.Value - now;
            await FailAsync(actorName, account.Id, "locked out", channel, cancellationToken);
            return IdentityErrors.LockedOut;
        }

        var verified = password is { Length: > 0 and <= AccountRules.PasswordMax }
            ? hasher.VerifyHashedPassword(account, account.PasswordHash, password)
            : PasswordVerificationResult.Failed;
        if (verified == PasswordVerificationResult.Failed)
        {
            return await RecordFailureAsync(account, actorName, channel, now, cancellationToken);
        }

        if (!account.IsActive)
        {
            await FailAsync(actorName, account.Id, "account deactivated", channel, cancellationToken);
            return IdentityErrors.AccountDisabled;
        }

        if (account.IsDemo && !demo.Value.Enabled)
        {
            await FailAsync(actorName, account.Id, "demo account while demo mode is off", channel, cancellationToken);
            return IdentityErrors.DemoAccountDisabled;
        }

        account.FailedSignIns = 0;
        account.LockoutEnd = null;
        account.LastSignInAt = now;
        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = hasher.HashPassword(account, password!);
        }

        await db.SaveChangesAsync(cancellationToken);
        var organisation = account.OrganisationId is { } orgId
            ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, cancellationToken)
            : null;
        await audit.RecordAsync(new AuditRecord("auth.sign_in", "account", account.Id.ToString(), $"channel={channel}", true, actorName), cancellationToken);
        LogSignedIn(logger, account.Id, channel);
        return new SignInSuccess(PrincipalFactory.Create(account, organisation), account.Id);
    }

    private async Task<Result<SignInSuccess>> RecordFailureAsync(AccountRow account, string actorName, string channel, DateTimeOffset now, CancellationToken ct)
    {
        // Atomic increment: concurrent failures from several nodes all count.
        await db.Accounts.Where(a => a.Id == account.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedSignIns, a => a.FailedSignIns + 1), ct);
        var failures = await db.Accounts.AsNoTracking().Where(a => a.Id == account.Id).Select(a => a.FailedSignIns).SingleAsync(ct);
        await FailAsync(actorName, account.Id, $"wrong password ({failures} consecutive)", channel, ct);
        if (failures < lockout.Value.MaxFailedAttempts)
        {
            return IdentityErrors.InvalidCredentials;
        }

        var end = now + lockout.Value.Duration;
        await db.Accounts.Where(a => a.Id == account.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LockoutEnd, end).SetProperty(a => a.FailedSignIns, 0), ct);
        sessions.Invalidate(account.Id);
        RetryAfter = lockout.Value.Duration;
        await audit.RecordAsync(
            new AuditRecord("identity.account_locked", "account", account.Id.ToString(), $"automatic: {failures} failed sign-ins, locked for {lockout.Value.Duration}", true, actorName),
            ct);
        LogLockedOut(logger, account.Id, failures);
        return IdentityErrors.LockedOut;
    }

    private Task FailAsync(string actorName, Guid? accountId, string reason, string channel, CancellationToken ct) =>
        audit.RecordAsync(new AuditRecord("auth.sign_in", "account", accountId?.ToString(), $"channel={channel}; {reason}", false, actorName), ct);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Account {AccountId} signed in via {Channel}")]
    private static partial void LogSignedIn(ILogger logger, Guid accountId, string channel);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Account {AccountId} locked out after {Failures} failed sign-ins")]
    private static partial void LogLockedOut(ILogger logger, Guid accountId, int failures);
}
