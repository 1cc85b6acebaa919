-- Policies module (M-16, M-22): policy versions, their append-only approval trail, expiry warnings sent (SQLite).
-- Guid as TEXT, dates as TEXT (yyyy-MM-dd), instants as INTEGER UTC ticks, booleans as INTEGER.

CREATE TABLE policies_versions (
  id TEXT NOT NULL CONSTRAINT pk_policies_versions PRIMARY KEY,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL,
  summary TEXT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  document_digest TEXT NOT NULL,
  status TEXT NOT NULL,
  supersedes_id TEXT NULL,
  is_demo INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  created_by TEXT NULL,
  approved_at INTEGER NULL,
  ledger_index INTEGER NULL,
  version INTEGER NOT NULL
);

CREATE UNIQUE INDEX ux_policies_versions_label ON policies_versions (label);
CREATE INDEX ix_policies_versions_kind ON policies_versions (kind, status, valid_from);
CREATE INDEX ix_policies_versions_supersedes ON policies_versions (supersedes_id);

CREATE TABLE policies_steps (
  id TEXT NOT NULL CONSTRAINT pk_policies_steps PRIMARY KEY,
  policy_id TEXT NOT NULL,
  step TEXT NOT NULL,
  actor_account_id TEXT NULL,
  actor_name TEXT NOT NULL,
  at INTEGER NOT NULL,
  minutes_digest TEXT NULL,
  note TEXT NULL
);

CREATE INDEX ix_policies_steps_policy ON policies_steps (policy_id, at);

CREATE TABLE policies_expiry_warnings (
  policy_id TEXT NOT NULL CONSTRAINT pk_policies_expiry_warnings PRIMARY KEY,
  warned_at INTEGER NOT NULL
);
