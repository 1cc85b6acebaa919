using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using TalentPass.SharedKernel;

namespace TalentPass.Infrastructure.Http;

/// <summary>Who is acting: the signed-in account, its roles and its organisation. Modules scope every query by it.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid? AccountId { get; }

    Guid? OrganisationId { get; }

    string? OrganisationKind { get; }

    IReadOnlyCollection<string> Roles { get; }

    bool IsInRole(string role);

    bool IsInAnyRole(params string[] roles) => roles.Any(IsInRole);
}

/// <summary>Reads <see cref="ICurrentUser"/> from a claims principal (cookie or bearer token).</summary>
public sealed class ClaimsCurrentUser(ClaimsPrincipal? principal) : ICurrentUser
{
    public bool IsAuthenticated => principal?.Identity?.IsAuthenticated == true;

    public Guid? AccountId => ReadGuid(TalentPassClaims.AccountId);

    public Guid? OrganisationId => ReadGuid(TalentPassClaims.OrganisationId);

    public string? OrganisationKind => IsAuthenticated ? principal!.FindFirstValue(TalentPassClaims.OrganisationKind) : null;

    public IReadOnlyCollection<string> Roles =>
        IsAuthenticated ? principal!.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray() : [];

    public bool IsInRole(string role) => IsAuthenticated && principal!.IsInRole(role);

    private Guid? ReadGuid(string type) =>
        IsAuthenticated && Guid.TryParse(principal!.FindFirstValue(type), out var id) ? id : null;
}

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsCurrentUser Inner => new(accessor.HttpContext?.User);

    public bool IsAuthenticated => Inner.IsAuthenticated;

    public Guid? AccountId => Inner.AccountId;

    public Guid? OrganisationId => Inner.OrganisationId;

    public string? OrganisationKind => Inner.OrganisationKind;

    public IReadOnlyCollection<string> Roles => Inner.Roles;

    public bool IsInRole(string role) => Inner.IsInRole(role);
}

/// <summary>The CLI and background jobs act as the system: every role, no organisation.</summary>
public sealed class SystemCurrentUser : ICurrentUser
{
    public bool IsAuthenticated => true;

    public Guid? AccountId => null;

    public Guid? OrganisationId => null;

    public string? OrganisationKind => null;

    public IReadOnlyCollection<string> Roles => SharedKernel.Roles.All;

    public bool IsInRole(string role) => SharedKernel.Roles.IsKnown(role);
}
