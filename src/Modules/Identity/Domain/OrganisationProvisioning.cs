using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Identity.Features.Organisations;
using TalentPass.Modules.Identity.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Identity.Domain;

/// <summary>
/// <see cref="IOrganisationProvisioning"/>: the same rules as <see cref="OrganisationService"/> and the account
/// administration, without the actor check (the calling module authorised its user already). Audited.
/// </summary>
internal sealed class OrganisationProvisioning(
    IdentityDbContext db,
    TimeProvider clock,
    IAuditTrail audit,
    IPasswordHasher<AccountRow> hasher) : IOrganisationProvisioning
{
    public async Task<Result<OrganisationSummary>> CreateOrganisationAsync(string code, string name, OrganisationKind kind, CancellationToken cancellationToken = default)
    {
        code = (code ?? string.Empty).Trim();
        name = (name ?? string.Empty).Trim();
        if ((OrganisationService.ValidateCode(code) ?? OrganisationService.ValidateName(name)) is { } invalid)
        {
            return invalid;
        }

        var lower = code.ToLowerInvariant();
        if (await db.Organisations.AnyAsync(o => o.Code.ToLower() == lower, cancellationToken))
        {
            return IdentityErrors.OrganisationCodeTaken;
        }

        var now = clock.GetUtcNow();
        var row = new OrganisationRow { Id = Guid.CreateVersion7(now), Code = code, Name = name, Kind = kind, IsActive = true, CreatedAt = now, Version = 1 };
        db.Organisations.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            return IdentityErrors.OrganisationCodeTaken;
        }

        await audit.RecordAsync(new AuditRecord("identity.organisation_created", "organisation", row.Id.ToString(), $"code={row.Code}; kind={OrganisationKinds.ToCode(kind)}; provisioned"), cancellationToken);
        return PrincipalFactory.ToSummary(row);
    }

    public async Task<Result<Guid>> CreateAccountAsync(string username, string displayName, string password, string role, Guid organisationId, CancellationToken cancellationToken = default)
    {
        var normalised = AccountRules.NormaliseUsername(username);
        var error = AccountRules.ValidateUsername(normalised) ?? AccountRules.ValidateDisplayName(displayName) ?? AccountRules.ValidatePassword(password);
        if (error is not null)
        {
            return error;
        }

        var roles = AccountRules.NormaliseRoles([role]);
        if (!roles.IsSuccess)
        {
            return roles.Error;
        }

        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
        {
            return IdentityErrors.OrganisationUnknown;
        }

        if (AccountRules.CheckRoleOrganisation(roles.Value, organisation.Kind) is { } mismatch)
        {
            return mismatch;
        }

        if (await db.Accounts.AnyAsync(a => a.Username == normalised, cancellationToken))
        {
            return IdentityErrors.UsernameTaken;
        }

        var now = clock.GetUtcNow();
        var account = new AccountRow
        {
            Id = Guid.CreateVersion7(now),
            Username = normalised,
            DisplayName = displayName.Trim(),
            PasswordHash = string.Empty,
            OrganisationId = organisation.Id,
            IsActive = true,
            CreatedAt = now,
            Version = 1,
        };
        account.PasswordHash = hasher.HashPassword(account, password);
        account.Roles = roles.Value.Select(r => new AccountRoleRow { AccountId = account.Id, Role = r }).ToList();
        db.Accounts.Add(account);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(account).State = EntityState.Detached;
            return IdentityErrors.UsernameTaken;
        }

        await audit.RecordAsync(
            new AuditRecord("identity.account_created", "account", account.Id.ToString(), $"username={normalised}; roles={string.Join(',', roles.Value)}; organisation={organisation.Code}; provisioned"),
            cancellationToken);
        return account.Id;
    }
}
