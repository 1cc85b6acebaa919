-- Policies module (M-16, M-22): policy versions, their append-only approval trail, expiry warnings sent (PostgreSQL).

CREATE TABLE policies_versions (
  id uuid NOT NULL CONSTRAINT pk_policies_versions PRIMARY KEY,
  kind text NOT NULL,
  label text NOT NULL,
  title_zh text NOT NULL,
  title_en text NOT NULL,
  summary text NULL,
  valid_from date NOT NULL,
  valid_to date NOT NULL,
  document_digest text NOT NULL,
  status text NOT NULL,
  supersedes_id uuid NULL,
  is_demo boolean NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid NULL,
  approved_at timestamptz NULL,
  ledger_index bigint NULL,
  version integer NOT NULL
);

CREATE UNIQUE INDEX ux_policies_versions_label ON policies_versions (label);
CREATE INDEX ix_policies_versions_kind ON policies_versions (kind, status, valid_from);
CREATE INDEX ix_policies_versions_supersedes ON policies_versions (supersedes_id);

CREATE TABLE policies_steps (
  id uuid NOT NULL CONSTRAINT pk_policies_steps PRIMARY KEY,
  policy_id uuid NOT NULL,
  step text NOT NULL,
  actor_account_id uuid NULL,
  actor_name text NOT NULL,
  at timestamptz NOT NULL,
  minutes_digest text NULL,
  note text NULL
);

CREATE INDEX ix_policies_steps_policy ON policies_steps (policy_id, at);

CREATE TABLE policies_expiry_warnings (
  policy_id uuid NOT NULL CONSTRAINT pk_policies_expiry_warnings PRIMARY KEY,
  warned_at timestamptz NOT NULL
);
