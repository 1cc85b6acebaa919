using TalentPass.Modules.Identity.Contracts;

namespace TalentPass.Modules.Identity.Persistence;

internal sealed class OrganisationRow
{
    public Guid Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public OrganisationKind Kind { get; set; }

    public Guid? ParentId { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public int Version { get; set; } = 1;
}

internal sealed class AccountRow
{
    public Guid Id { get; set; }

    /// <summary>Always lower-case.</summary>
    public required string Username { get; set; }

    public required string DisplayName { get; set; }

    public required string PasswordHash { get; set; }

    public Guid? OrganisationId { get; set; }

    public bool IsActive { get; set; } = true;

    public bool IsDemo { get; set; }

    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockoutEnd { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    public int Version { get; set; } = 1;

    public List<AccountRoleRow> Roles { get; set; } = [];

    public bool IsLockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;
}

internal sealed class AccountRoleRow
{
    public Guid AccountId { get; set; }

    public required string Role { get; set; }
}

internal sealed class DataProtectionKeyRow
{
    public required string FriendlyName { get; set; }

    public required string Xml { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
