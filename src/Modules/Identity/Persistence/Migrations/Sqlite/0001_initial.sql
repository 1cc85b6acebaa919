-- Identity: organisations, accounts, roles, ASP.NET Data Protection keys.
-- Instants are INTEGER UTC ticks (100 ns since 0001-01-01); GUIDs are TEXT; booleans INTEGER 0/1.
CREATE TABLE identity_organisations (
    id TEXT NOT NULL PRIMARY KEY,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent_id TEXT NULL,
    is_active INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    version INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_identity_organisations_code ON identity_organisations (code);
CREATE INDEX ix_identity_organisations_kind ON identity_organisations (kind);

CREATE TABLE identity_accounts (
    id TEXT NOT NULL PRIMARY KEY,
    username TEXT NOT NULL,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    organisation_id TEXT NULL,
    is_active INTEGER NOT NULL,
    is_demo INTEGER NOT NULL,
    failed_sign_ins INTEGER NOT NULL,
    lockout_end INTEGER NULL,
    created_at INTEGER NOT NULL,
    last_sign_in_at INTEGER NULL,
    version INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_identity_accounts_username ON identity_accounts (username);
CREATE INDEX ix_identity_accounts_organisation ON identity_accounts (organisation_id);

CREATE TABLE identity_account_roles (
    account_id TEXT NOT NULL,
    role TEXT NOT NULL,
    PRIMARY KEY (account_id, role),
    FOREIGN KEY (account_id) REFERENCES identity_accounts (id) ON DELETE CASCADE
);
CREATE INDEX ix_identity_account_roles_role ON identity_account_roles (role);

CREATE TABLE identity_data_protection_keys (
    friendly_name TEXT NOT NULL PRIMARY KEY,
    xml TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
