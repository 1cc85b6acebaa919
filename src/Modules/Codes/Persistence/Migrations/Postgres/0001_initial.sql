-- Codes module: signing keys, status lists, subjects, scan log (PostgreSQL).
-- Instants as timestamptz (UTC), bytes as bytea.

CREATE TABLE codes_keys (
  id uuid NOT NULL CONSTRAINT pk_codes_keys PRIMARY KEY,
  key_id text NOT NULL,
  kind text NOT NULL,
  profile text NOT NULL,
  public_key bytea NOT NULL,
  private_key_cipher text NOT NULL,
  not_before timestamptz NOT NULL,
  not_after timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  retired_at timestamptz NULL
);

CREATE UNIQUE INDEX ux_codes_keys_key_id ON codes_keys (key_id);

CREATE TABLE codes_status_lists (
  id integer NOT NULL CONSTRAINT pk_codes_status_lists PRIMARY KEY,
  size integer NOT NULL,
  version bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE codes_subjects (
  talent_id uuid NOT NULL CONSTRAINT pk_codes_subjects PRIMARY KEY,
  subject_id bytea NOT NULL,
  status_list_id integer NOT NULL,
  status_list_index integer NOT NULL,
  status integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE UNIQUE INDEX ux_codes_subjects_subject_id ON codes_subjects (subject_id);
CREATE UNIQUE INDEX ux_codes_subjects_list_index ON codes_subjects (status_list_id, status_list_index);
CREATE INDEX ix_codes_subjects_list_status ON codes_subjects (status_list_id, status);

CREATE TABLE codes_scans (
  id uuid NOT NULL CONSTRAINT pk_codes_scans PRIMARY KEY,
  scanned_at timestamptz NOT NULL,
  account_id uuid NULL,
  organisation_id uuid NULL,
  outcome text NOT NULL,
  code_hash text NOT NULL,
  status_list_id integer NULL,
  status_list_index integer NULL,
  level text NULL,
  masked_name text NULL,
  mode text NULL
);

CREATE INDEX ix_codes_scans_subject ON codes_scans (status_list_id, status_list_index, scanned_at);
CREATE INDEX ix_codes_scans_organisation ON codes_scans (organisation_id, scanned_at);
CREATE INDEX ix_codes_scans_account ON codes_scans (account_id, scanned_at);
