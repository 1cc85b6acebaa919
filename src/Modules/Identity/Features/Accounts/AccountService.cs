using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Identity.Domain;
using TalentPass.Modules.Identity.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Identity.Features.Accounts;

internal sealed record AccountView(
    Guid Id,
    string Username,
    string DisplayName,
    IReadOnlyList<string> Roles,
    Guid? OrganisationId,
    string? OrganisationCode,
    string? OrganisationName,
    bool IsActive,
    bool IsDemo,
    bool IsLockedOut,
    DateTimeOffset? LockoutEnd,
    int FailedSignIns,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt,
    int Version);

internal sealed record CreateAccountRequest(string? Username, string? DisplayName, string? Password, IReadOnlyList<string?>? Roles, Guid? OrganisationId);

internal sealed record SetRolesRequest(IReadOnlyList<string?>? Roles);

internal sealed record SetPasswordRequest(string? Password);

/// <summary>
/// Account administration for the talent office and the operator (shared by the API and the pages). The
/// operator may not grant or revoke talent_office, big_data_bureau or auditor, nor manage accounts holding
/// them; nobody changes their own roles. Every change is audited; passwords never are.
/// </summary>
internal sealed class AccountService(
    IdentityDbContext db,
    ICurrentUser user,
    TimeProvider clock,
    IAuditTrail audit,
    IPasswordHasher<AccountRow> hasher,
    AccountValidityCache sessions)
{
    /// <summary>How long an administrator's manual lock lasts (until unlocked, in practice).</summary>
    public static readonly TimeSpan ManualLock = TimeSpan.FromDays(365 * 100);

    public bool CanAdminister => user.IsInAnyRole(Roles.TalentOffice, Roles.Operator);

    public IReadOnlyList<string> GrantableRoles => Roles.All.Where(r => AccountRules.CanGrant(user.Roles, r)).ToList();

    public async Task<Result<Page<AccountView>>> SearchAsync(string? q, string? role, Guid? organisationId, PageRequest page, CancellationToken ct)
    {
        if (!CanAdminister)
        {
            return IdentityErrors.Forbidden;
        }

        var query = Manageable(db.Accounts.AsNoTracking());
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            query = query.Where(a => a.Username.Contains(term) || a.DisplayName.ToLower().Contains(term));
        }

        if (!string.IsNullOrWhiteSpace(role))
        {
            var r = role.Trim();
            if (!Roles.IsKnown(r))
            {
                return IdentityErrors.RoleUnknown(r);
            }

            query = query.Where(a => a.Roles.Any(x => x.Role == r));
        }

        if (organisationId is { } orgId)
        {
            query = query.Where(a => a.OrganisationId == orgId);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.Include(a => a.Roles).OrderBy(a => a.Username).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        var views = await ToViewsAsync(rows, ct);
        return new Page<AccountView>(views, page.SafePage, page.SafeSize, total);
    }

    public async Task<Result<AccountView>> GetAsync(Guid id, CancellationToken ct)
    {
        var found = await LoadManageableAsync(id, ct);
        return found.IsSuccess ? (await ToViewsAsync([found.Value], ct))[0] : found.Error;
    }

    public async Task<Result<AccountView>> CreateAsync(CreateAccountRequest request, CancellationToken ct)
    {
        if (!CanAdminister)
        {
            return IdentityErrors.Forbidden;
        }

        var username = AccountRules.NormaliseUsername(request.Username);
        var error = AccountRules.ValidateUsername(username)
            ?? AccountRules.ValidateDisplayName(request.DisplayName)
            ?? AccountRules.ValidatePassword(request.Password);
        if (error is not null)
        {
            return error;
        }

        var roles = AccountRules.NormaliseRoles(request.Roles);
        if (!roles.IsSuccess)
        {
            return roles.Error;
        }

        if (roles.Value.FirstOrDefault(r => !AccountRules.CanGrant(user.Roles, r)) is not null)
        {
            return IdentityErrors.RoleNotGrantable;
        }

        OrganisationRow? organisation = null;
        if (request.OrganisationId is { } orgId)
        {
            organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct);
            if (organisation is null)
            {
                return IdentityErrors.OrganisationUnknown;
            }
        }

        if (AccountRules.CheckRoleOrganisation(roles.Value, organisation?.Kind) is { } mismatch)
        {
            return mismatch;
        }

        if (await db.Accounts.AnyAsync(a => a.Username == username, ct))
        {
            return IdentityErrors.UsernameTaken;
        }

        var now = clock.GetUtcNow();
        var account = new AccountRow
        {
            Id = Guid.CreateVersion7(now),
            Username = username,
            DisplayName = request.DisplayName!.Trim(),
            PasswordHash = string.Empty,
            OrganisationId = organisation?.Id,
            IsActive = true,
            IsDemo = false,
            CreatedAt = now,
            Version = 1,
        };
        account.PasswordHash = hasher.HashPassword(account, request.Password!);
        account.Roles = roles.Value.Select(r => new AccountRoleRow { AccountId = account.Id, Role = r }).ToList();
        db.Accounts.Add(account);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return IdentityErrors.UsernameTaken;
        }

        await audit.RecordAsync(
            new AuditRecord("identity.account_created", "account", account.Id.ToString(), $"username={username}; roles={string.Join(',', roles.Value)}; organisation={organisation?.Code ?? "-"}"),
            ct);
        return (await ToViewsAsync([account], ct))[0];
    }

    public async Task<Result<AccountView>> SetRolesAsync(Guid id, SetRolesRequest request, CancellationToken ct)
    {
        if (!CanAdminister)
        {
            return IdentityErrors.Forbidden;
        }

        if (id == user.AccountId)
        {
            return IdentityErrors.SelfRoleChange;
        }

        var found = await LoadManageableAsync(id, ct);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var account = found.Value;
        var roles = AccountRules.NormaliseRoles(request.Roles);
        if (!roles.IsSuccess)
        {
            return roles.Error;
        }

        var before = account.Roles.Select(r => r.Role).Order(StringComparer.Ordinal).ToList();
        var changed = before.Except(roles.Value).Union(roles.Value.Except(before)).ToList();
        if (changed.Any(r => !AccountRules.CanGrant(user.Roles, r)))
        {
            return IdentityErrors.RoleNotGrantable;
        }

        var organisation = account.OrganisationId is { } orgId
            ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct)
            : null;
        if (AccountRules.CheckRoleOrganisation(roles.Value, organisation?.Kind) is { } mismatch)
        {
            return mismatch;
        }

        if (changed.Count == 0)
        {
            return (await ToViewsAsync([account], ct))[0];
        }

        account.Roles.RemoveAll(r => !roles.Value.Contains(r.Role));
        foreach (var role in roles.Value.Except(before))
        {
            account.Roles.Add(new AccountRoleRow { AccountId = account.Id, Role = role });
        }

        var saved = await SaveAsync(account, ct);
        if (saved is not null)
        {
            return saved;
        }

        await audit.RecordAsync(
            new AuditRecord("identity.roles_changed", "account", account.Id.ToString(), $"username={account.Username}; roles: {Join(before)} -> {Join(roles.Value)}"),
            ct);
        return (await ToViewsAsync([account], ct))[0];
    }

    public Task<Result<AccountView>> LockAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, selfForbidden: true, "identity.account_locked", a => a.LockoutEnd = clock.GetUtcNow() + ManualLock, "manual lock", ct);

    public Task<Result<AccountView>> UnlockAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, selfForbidden: false, "identity.account_unlocked", a => { a.LockoutEnd = null; a.FailedSignIns = 0; }, null, ct);

    public Task<Result<AccountView>> ActivateAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, selfForbidden: false, "identity.account_activated", a => a.IsActive = true, null, ct);

    public Task<Result<AccountView>> DeactivateAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, selfForbidden: true, "identity.account_deactivated", a => a.IsActive = false, null, ct);

    public async Task<Result<AccountView>> SetPasswordAsync(Guid id, SetPasswordRequest request, CancellationToken ct)
    {
        if (AccountRules.ValidatePassword(request.Password) is { } weak && CanAdminister)
        {
            return weak;
        }

        return await ChangeAsync(
            id,
            selfForbidden: false,
            "identity.password_reset",
            a =>
            {
                a.PasswordHash = hasher.HashPassword(a, request.Password!);
                a.FailedSignIns = 0;
            },
            "password set by an administrator",
            ct);
    }

    private async Task<Result<AccountView>> ChangeAsync(Guid id, bool selfForbidden, string action, Action<AccountRow> change, string? detail, CancellationToken ct)
    {
        if (!CanAdminister)
        {
            return IdentityErrors.Forbidden;
        }

        if (selfForbidden && id == user.AccountId)
        {
            return IdentityErrors.SelfAccountChange;
        }

        var found = await LoadManageableAsync(id, ct);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var account = found.Value;
        change(account);
        var saved = await SaveAsync(account, ct);
        if (saved is not null)
        {
            return saved;
        }

        await audit.RecordAsync(new AuditRecord(action, "account", account.Id.ToString(), $"username={account.Username}" + (detail is null ? string.Empty : "; " + detail)), ct);
        return (await ToViewsAsync([account], ct))[0];
    }

    private async Task<Error?> SaveAsync(AccountRow account, CancellationToken ct)
    {
        account.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
            sessions.Invalidate(account.Id);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return IdentityErrors.ConcurrencyConflict;
        }
    }

    private async Task<Result<AccountRow>> LoadManageableAsync(Guid id, CancellationToken ct)
    {
        if (!CanAdminister)
        {
            return IdentityErrors.Forbidden;
        }

        var account = await db.Accounts.Include(a => a.Roles).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return IdentityErrors.AccountNotFound;
        }

        return user.IsInRole(Roles.TalentOffice) || !account.Roles.Any(r => AccountRules.OperatorProtectedRoles.Contains(r.Role))
            ? account
            : IdentityErrors.AccountNotManageable;
    }

    private IQueryable<AccountRow> Manageable(IQueryable<AccountRow> accounts)
    {
        if (user.IsInRole(Roles.TalentOffice))
        {
            return accounts;
        }

        var protectedRoles = AccountRules.OperatorProtectedRoles.ToArray();
        return accounts.Where(a => !a.Roles.Any(r => protectedRoles.Contains(r.Role)));
    }

    private async Task<List<AccountView>> ToViewsAsync(IReadOnlyList<AccountRow> rows, CancellationToken ct)
    {
        var orgIds = rows.Where(r => r.OrganisationId is not null).Select(r => r.OrganisationId!.Value).Distinct().ToList();
        var orgs = orgIds.Count == 0
            ? new Dictionary<Guid, OrganisationRow>()
            : await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var now = clock.GetUtcNow();
        return rows.Select(a =>
            {
                var org = a.OrganisationId is { } oid && orgs.TryGetValue(oid, out var o) ? o : null;
                return new AccountView(
                    a.Id,
                    a.Username,
                    a.DisplayName,
                    a.Roles.Select(r => r.Role).Order(StringComparer.Ordinal).ToList(),
                    a.OrganisationId,
                    org?.Code,
                    org?.Name,
                    a.IsActive,
                    a.IsDemo,
                    a.IsLockedOut(now),
                    a.LockoutEnd,
                    a.FailedSignIns,
                    a.CreatedAt,
                    a.LastSignInAt,
                    a.Version);
            })
            .ToList();
    }

    private static string Join(IEnumerable<string> roles) => "[" + string.Join(',', roles) + "]";
}
