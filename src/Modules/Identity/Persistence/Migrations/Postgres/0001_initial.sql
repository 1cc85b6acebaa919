-- Identity: organisations, accounts, roles, ASP.NET Data Protection keys.
CREATE TABLE identity_organisations (
    id uuid NOT NULL PRIMARY KEY,
    code text NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    parent_id uuid NULL,
    is_active boolean NOT NULL,
    created_at timestamptz NOT NULL,
    version integer NOT NULL
);
CREATE UNIQUE INDEX ux_identity_organisations_code ON identity_organisations (code);
CREATE INDEX ix_identity_organisations_kind ON identity_organisations (kind);

CREATE TABLE identity_accounts (
    id uuid NOT NULL PRIMARY KEY,
    username text NOT NULL,
    display_name text NOT NULL,
    password_hash text NOT NULL,
    organisation_id uuid NULL,
    is_active boolean NOT NULL,
    is_demo boolean NOT NULL,
    failed_sign_ins integer NOT NULL,
    lockout_end timestamptz NULL,
    created_at timestamptz NOT NULL,
    last_sign_in_at timestamptz NULL,
    version integer NOT NULL
);
CREATE UNIQUE INDEX ux_identity_accounts_username ON identity_accounts (username);
CREATE INDEX ix_identity_accounts_organisation ON identity_accounts (organisation_id);

CREATE TABLE identity_account_roles (
    account_id uuid NOT NULL REFERENCES identity_accounts (id) ON DELETE CASCADE,
    role text NOT NULL,
    PRIMARY KEY (account_id, role)
);
CREATE INDEX ix_identity_account_roles_role ON identity_account_roles (role);

CREATE TABLE identity_data_protection_keys (
    friendly_name text NOT NULL PRIMARY KEY,
    xml text NOT NULL,
    created_at timestamptz NOT NULL
);
