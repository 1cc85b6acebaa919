using TalentPass.SharedKernel;

namespace TalentPass.Modules.Identity;

/// <summary>Every expected failure of the Identity module, with its stable code.</summary>
internal static class IdentityErrors
{
    public static readonly Error InvalidCredentials =
        Error.Unauthorized("auth.invalid_credentials", "The username or password is incorrect.");

    /// <summary>429: the account is temporarily locked after too many failed sign-ins (or by an administrator).</summary>
    public static readonly Error LockedOut =
        Error.TooManyRequests("auth.locked_out", "The account is locked after too many failed sign-ins. Try again later or ask an administrator to unlock it.");

    public static readonly Error AccountDisabled =
        Error.Forbidden("auth.account_disabled", "The account is deactivated.");

    public static readonly Error DemoAccountDisabled =
        Error.Forbidden("auth.demo_account_disabled", "Demo accounts can only sign in when demo mode is on.");

    public static readonly Error Forbidden =
        Error.Forbidden("auth.forbidden", "You are not allowed to do this.");

    public static readonly Error OrganisationNotFound =
        Error.NotFound("identity.organisation_not_found", "The organisation does not exist.");

    public static readonly Error AccountNotFound =
        Error.NotFound("identity.account_not_found", "The account does not exist.");

    public static readonly Error UsernameInvalid =
        Error.Validation("identity.username_invalid", "The username must be 3–64 characters of a–z, 0–9, '.', '_' or '-'.", Field("username", "3–64 characters of a–z, 0–9, '.', '_' or '-'."));

    public static readonly Error UsernameTaken =
        Error.Conflict("identity.username_taken", "This username is already taken.");

    public static readonly Error PasswordWeak =
        Error.Validation("identity.password_weak", "The password must be at least 10 characters (at most 128) and contain letters, digits and a symbol.", Field("password", "At least 10 characters with letters, digits and a symbol."));

    public static readonly Error DisplayNameInvalid =
        Error.Validation("identity.display_name_invalid", "The display name is required and may have at most 100 characters.", Field("displayName", "Required, at most 100 characters."));

    public static readonly Error RolesRequired =
        Error.Validation("identity.roles_required", "Give the account at least one role.", Field("roles", "At least one role."));

    public static readonly Error RoleNotGrantable =
        Error.Forbidden("identity.role_not_grantable", "You may not grant or revoke this role.");

    public static readonly Error SelfRoleChange =
        Error.Forbidden("identity.self_role_change", "You cannot change your own roles.");

    public static readonly Error SelfAccountChange =
        Error.Forbidden("identity.self_account_change", "You cannot lock or deactivate your own account.");

    public static readonly Error AccountNotManageable =
        Error.Forbidden("identity.account_not_manageable", "You may not manage this account.");

    public static readonly Error OrganisationUnknown =
        Error.Validation("identity.organisation_unknown", "The organisation does not exist.", Field("organisationId", "Unknown organisation."));

    public static readonly Error OrganisationCodeInvalid =
        Error.Validation("identity.organisation_code_invalid", "The organisation code must be 2–64 characters of letters, digits, '.', '_' or '-'.", Field("code", "2–64 characters of letters, digits, '.', '_' or '-'."));

    public static readonly Error OrganisationCodeTaken =
        Error.Conflict("identity.organisation_code_taken", "An organisation with this code already exists.");

    public static readonly Error OrganisationNameInvalid =
        Error.Validation("identity.organisation_name_invalid", "The organisation name is required and may have at most 100 characters.", Field("name", "Required, at most 100 characters."));

    public static readonly Error OrganisationKindUnknown =
        Error.Validation("identity.organisation_kind_unknown", "Unknown organisation kind. Use one of: operator, talent_office, big_data_bureau, department, partner, service_point, enterprise.", Field("kind", "Unknown organisation kind."));

    public static readonly Error OrganisationKindNotAllowed =
        Error.Forbidden("identity.organisation_kind_not_allowed", "You may not create or change organisations of this kind.");

    public static readonly Error OrganisationParentUnknown =
        Error.Validation("identity.organisation_parent_unknown", "The parent organisation does not exist (or is the organisation itself).", Field("parentId", "Unknown parent organisation."));

    public static readonly Error ConcurrencyConflict =
        Error.Conflict("identity.concurrency_conflict", "Someone else changed this record in the meantime. Reload and try again.");

    public static Error RoleUnknown(string role) =>
        Error.Validation("identity.role_unknown", $"Unknown role '{Clip(role)}'.", Field("roles", $"Unknown role '{Clip(role)}'."));

    public static Error RoleOrganisationMismatch(string message) =>
        Error.Validation("identity.role_organisation_mismatch", message, Field("roles", message));

    private static Dictionary<string, string[]> Field(string name, string message) => new() { [name] = [message] };

    private static string Clip(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
