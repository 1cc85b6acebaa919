using TalentPass.SharedKernel;

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

/// <summary>
/// Creating an organisation and its first staff account on behalf of another module that has already authorised
/// the caller (Partners: the talent office approving a partner application). Same validation, uniqueness and audit
/// as the organisation and account administration; the caller's role is NOT checked here.
/// </summary>
public interface IOrganisationProvisioning
{
    /// <summary>Fails with <c>identity.organisation_code_invalid|organisation_code_taken|organisation_name_invalid</c>.</summary>
    Task<Result<OrganisationSummary>> CreateOrganisationAsync(string code, string name, OrganisationKind kind, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates an active account with one role in <paramref name="organisationId"/>. Fails with
    /// <c>identity.username_invalid|username_taken|password_weak|display_name_invalid|role_organisation_mismatch|organisation_unknown</c>.
    /// </summary>
    Task<Result<Guid>> CreateAccountAsync(string username, string displayName, string password, string role, Guid organisationId, CancellationToken cancellationToken = default);
}
