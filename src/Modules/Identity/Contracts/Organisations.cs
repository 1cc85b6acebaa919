namespace TalentPass.Modules.Identity.Contracts;

/// <summary>Kinds of organisation an account can belong to (MISSION.md roles).</summary>
public enum OrganisationKind
{
    Operator,
    TalentOffice,
    BigDataBureau,
    Department,
    Partner,
    ServicePoint,
    Enterprise,
}

public sealed record OrganisationSummary(Guid Id, string Code, string Name, OrganisationKind Kind, Guid? ParentId, bool IsActive);

/// <summary>Read access to organisations for other modules (no scoping: callers scope by <c>ICurrentUser</c>).</summary>
public interface IOrganisationDirectory
{
    Task<OrganisationSummary?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OrganisationSummary>> ListAsync(OrganisationKind? kind = null, CancellationToken cancellationToken = default);
}

/// <summary>Account look-ups for other modules (e.g. linking the demo talent to its account).</summary>
public interface IAccountDirectory
{
    Task<Guid?> FindAccountIdAsync(string username, CancellationToken cancellationToken = default);
}
